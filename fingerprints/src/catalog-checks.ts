import { parse as parseDomain } from 'tldts';
import type { Service } from './schema.ts';

/** The host part of a host rule (`github.com/copilot` → `github.com`). */
export function ruleHost(rule: string): string {
  const slash = rule.indexOf('/');
  return slash === -1 ? rule : rule.slice(0, slash);
}

/** Why a host rule cannot work, or null: its TLD must be known and it must not be an ICANN public suffix itself. */
export function hostRuleProblem(rule: string): string | null {
  const host = ruleHost(rule);
  const info = parseDomain(host, { allowPrivateDomains: false });
  if (!info.isIcann) return `"${rule}" does not end in a known top-level domain`;
  if (info.domain === null) return `"${rule}" is a public suffix; it would match every site under it`;
  return null;
}

/**
 * Cross-file checks the schema cannot express. Returns one message per problem, naming the file and field:
 * ids unique; host rules valid and unique per list (web hosts, API hosts), unless every service listing a rule
 * declares it in `sharedHosts`; every `sharedHosts` entry listed by the service itself; app ids unique.
 */
export function checkCatalog(services: readonly Service[]): string[] {
  const problems: string[] = [];
  const seenIds = new Set<string>();
  for (const s of services) {
    if (seenIds.has(s.id)) problems.push(`services/${s.id}.yaml: id: duplicate id "${s.id}"`);
    seenIds.add(s.id);
  }
  for (const list of ['hosts', 'apiHosts'] as const) {
    const owners = new Map<string, Service[]>();
    for (const s of services) {
      const seen = new Set<string>();
      s[list].forEach((rule, i) => {
        const problem = hostRuleProblem(rule);
        if (problem) problems.push(`services/${s.id}.yaml: ${list}.${i}: ${problem}`);
        if (seen.has(rule)) problems.push(`services/${s.id}.yaml: ${list}.${i}: "${rule}" is listed twice`);
        seen.add(rule);
        const holders = owners.get(rule) ?? [];
        if (!holders.includes(s)) holders.push(s);
        owners.set(rule, holders);
      });
    }
    for (const [rule, owning] of owners) {
      if (owning.length < 2) continue;
      for (const s of owning) {
        if (s.sharedHosts.includes(rule)) continue;
        const others = owning.filter((o) => o !== s).map((o) => o.id);
        problems.push(
          `services/${s.id}.yaml: ${list}: "${rule}" is also listed by ${others.join(', ')}; declare it in sharedHosts of each`,
        );
      }
    }
  }
  for (const s of services) {
    s.sharedHosts.forEach((rule, i) => {
      if (!s.hosts.includes(rule) && !s.apiHosts.includes(rule)) {
        problems.push(`services/${s.id}.yaml: sharedHosts.${i}: "${rule}" is not in hosts or apiHosts`);
      }
    });
    s.identity.domains.forEach((rule, i) => {
      const problem = hostRuleProblem(rule);
      if (problem) problems.push(`services/${s.id}.yaml: identity.domains.${i}: ${problem}`);
    });
  }
  const idOwner = new Map<string, string>();
  for (const s of services) {
    for (const id of [...s.identity.oauthClientIds, ...s.identity.entraAppIds]) {
      const key = id.toLowerCase();
      const owner = idOwner.get(key);
      if (owner !== undefined && owner !== s.id) {
        problems.push(`services/${s.id}.yaml: identity: client id "${id}" is also listed by ${owner}`);
      }
      idOwner.set(key, s.id);
    }
  }
  return problems;
}
