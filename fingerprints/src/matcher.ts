import type { Catalog, CatalogService } from './catalog-format.ts';
import { buildHostIndex, type HostMatch, lookupHost } from './host-index.ts';
import { type AppMatch, type AppRecord, buildAppIndex, matchAppRecord } from './match-app.ts';
import { parseTarget } from './parse-target.ts';

export interface Matcher {
  catalog: Catalog;
  /** The web service a URL or bare hostname belongs to, or null (not an AI service, or not a web address). */
  matchUrl(input: string): HostMatch | null;
  /** The service whose programmatic endpoint a host (or URL) is, or null. */
  matchApiHost(input: string): HostMatch | null;
  /** The service an IdP / SaaS app record belongs to, with the rule that matched and a confidence, or null. */
  matchApp(record: AppRecord): AppMatch | null;
  /** A service by id. */
  service(id: string): CatalogService | undefined;
}

/** Builds the matchers over a decoded catalog (hash maps built once; every match is a few map lookups). */
export function createMatcher(catalog: Catalog): Matcher {
  const web = buildHostIndex(catalog.services, (s) => s.hosts);
  const api = buildHostIndex(catalog.services, (s) => s.apiHosts);
  const apps = buildAppIndex(catalog.services);
  return {
    catalog,
    matchUrl(input) {
      const target = parseTarget(input);
      return target === null ? null : lookupHost(web, target);
    },
    matchApiHost(input) {
      const target = parseTarget(input);
      return target === null ? null : lookupHost(api, target);
    },
    matchApp: (record) => matchAppRecord(apps, record),
    service: (id) => catalog.byId.get(id),
  };
}
