import { appNameKey, appNameWords, genericAppKeys } from './app-name-key.ts';
import { type CompactService, catalogFormat, riskFactOrder } from './catalog-format.ts';
import { explainRiskTier, riskFacts, riskTiers } from './risk-tier.ts';
import { categories, type Service } from './schema.ts';

/** App-name keys shorter than this are too generic to identify a service ("ai", "gp"). */
export const minAppKeyLength = 3;

const legalForms = new Set(
  'inc incorporated llc ltd limited gmbh corp corporation co company sa sas ag bv nv plc pbc se pty oy ab srl spa kk'.split(
    ' ',
  ),
);

/** The app-name key of a vendor without its legal form ("Avoma, Inc." → "avoma"). */
export function vendorNameKey(vendor: string): string {
  const words = appNameWords(vendor);
  while (words.length > 1 && legalForms.has(words[words.length - 1]!)) words.pop();
  return words.join('');
}

/** The normalised app-name keys of a service: its name, app names, Okta name, and "vendor name" spellings. */
export function serviceAppKeys(s: Service): string[] {
  const names = [s.name, ...s.identity.appNames];
  if (s.identity.marketplace.okta) names.push(s.identity.marketplace.okta);
  const keys = new Set<string>();
  const vendorKey = vendorNameKey(s.vendor);
  for (const name of names) {
    const key = appNameKey(name);
    if (key.length < minAppKeyLength || genericAppKeys.has(key)) continue;
    keys.add(key);
    // Admin consoles often prefix the vendor ("Anthropic Claude") where the catalog lists the bare name.
    if (vendorKey.length > 0 && !key.startsWith(vendorKey) && !vendorKey.startsWith(key)) keys.add(vendorKey + key);
  }
  return [...keys];
}

/** Exact identifiers of a service's apps, lower-cased: OAuth client ids, Entra app ids, marketplace ids. */
export function serviceAppIds(s: Service): string[] {
  const { oauthClientIds, entraAppIds, marketplace } = s.identity;
  const ids = [...oauthClientIds, ...entraAppIds];
  for (const id of [marketplace.slack, marketplace.github, marketplace.google]) if (id) ids.push(id);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** Turns one validated service into its compact tuple. */
export function compactService(s: Service): CompactService {
  const facts = riskFacts(s.risk);
  const risk = riskFactOrder.map((key) => {
    const value = facts[key];
    return value === 'unverified' ? null : value;
  }) as CompactService[11];
  return [
    s.id,
    s.name,
    s.vendor,
    categories.indexOf(s.category),
    riskTiers.indexOf(explainRiskTier(s.risk).tier),
    s.hosts,
    s.apiHosts,
    s.sharedHosts,
    serviceAppKeys(s),
    serviceAppIds(s),
    s.identity.domains,
    risk,
    s.dom ?? 0,
    s.accountHints.map((h): CompactService[13][number] => [h.kind, h.value, h.signal]),
  ];
}

/** The long-form entry of `catalog-full.json`: the validated service plus its derived tier and the rule that set it. */
export function fullService(s: Service) {
  const { tier, rule, reason } = explainRiskTier(s.risk);
  return { ...s, riskTier: tier, riskRule: { rule, reason } };
}

/**
 * Serialises the compact index: one service per line so data changes show as one-line diffs.
 * `version` is computed by the caller (a content hash) so this module stays free of Node APIs.
 */
export function serialiseCompact(version: string, services: readonly Service[]): string {
  const lines = [...services].sort((a, b) => (a.id < b.id ? -1 : 1)).map((s) => JSON.stringify(compactService(s)));
  return `{"format":${catalogFormat},"version":${JSON.stringify(version)},"services":[\n${lines.join(',\n')}\n]}\n`;
}

/** Serialises the full catalog (sources, dates, notes) for the backend. */
export function serialiseFull(version: string, services: readonly Service[]): string {
  const sorted = [...services].sort((a, b) => (a.id < b.id ? -1 : 1)).map(fullService);
  return `${JSON.stringify({ format: catalogFormat, version, services: sorted }, null, 1)}\n`;
}
