import type { CatalogService } from './catalog-format.ts';
import { targetPath, type UrlTarget } from './parse-target.ts';

/** Which rule matched a host, and the service(s) behind it. */
export interface HostMatch {
  /** The service; for a host declared shared by several services, the first by id. */
  service: CatalogService;
  /** Every service listing the matched rule (more than one only for declared shared hosts), sorted by id. */
  candidates: readonly CatalogService[];
  /** The host rule as written in the data, e.g. `huggingface.co/chat`. */
  rule: string;
}

interface PathRule {
  prefix: string;
  match: HostMatch;
}
interface HostEntry {
  bare: HostMatch | null;
  /** Longest prefix first. */
  paths: PathRule[] | null;
}

/** A hash map from host to rules, walked label by label; built once from the catalog. */
export type HostIndex = ReadonlyMap<string, HostEntry>;

/** Builds the index of one kind of host rule (web `hosts`, `apiHosts`, or identity domains). */
export function buildHostIndex(
  services: readonly CatalogService[],
  rulesOf: (s: CatalogService) => readonly string[],
): HostIndex {
  const owners = new Map<string, CatalogService[]>();
  for (const s of [...services].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const rule of rulesOf(s)) {
      const list = owners.get(rule) ?? [];
      if (!list.includes(s)) list.push(s);
      owners.set(rule, list);
    }
  }
  const index = new Map<string, HostEntry>();
  for (const [rule, candidates] of owners) {
    const match: HostMatch = Object.freeze({ service: candidates[0]!, candidates: Object.freeze(candidates), rule });
    const slash = rule.indexOf('/');
    const host = slash === -1 ? rule : rule.slice(0, slash);
    const entry = index.get(host) ?? { bare: null, paths: null };
    if (slash === -1) entry.bare = match;
    else entry.paths = [...(entry.paths ?? []), { prefix: rule.slice(slash), match }];
    index.set(host, entry);
  }
  for (const entry of index.values()) entry.paths?.sort((a, b) => b.prefix.length - a.prefix.length);
  return index;
}

function pathMatches(path: string, prefix: string): boolean {
  return path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 47);
}

/**
 * Finds the rule for a parsed target: the longest matching host suffix (on label boundaries) wins; on that
 * host, a matching path-prefix rule (longest first, on segment boundaries) wins over the bare host rule.
 */
export function lookupHost(index: HostIndex, target: UrlTarget): HostMatch | null {
  const host = target.host;
  let path: string | undefined;
  for (let i = 0; ; ) {
    const dot = host.indexOf('.', i);
    // A single remaining label is a top-level domain; no rule is one.
    if (dot === -1) return null;
    const entry = index.get(i === 0 ? host : host.slice(i));
    if (entry !== undefined) {
      if (entry.paths !== null) {
        path ??= targetPath(target);
        for (const p of entry.paths) if (pathMatches(path, p.prefix)) return p.match;
      }
      if (entry.bare !== null) return entry.bare;
    }
    i = dot + 1;
  }
}
