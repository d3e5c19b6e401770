import type { Bundle } from '@sightline/backend/protocol';
import { type CatalogService, createMatcher, defaultMatcher, type Matcher, parseTarget } from '@sightline/fingerprints';

/** An AI page: the service it belongs to and the host it was seen on. */
export interface AiPage {
  service: CatalogService;
  host: string;
  /** True when the service came from the organisation's bundle additions, not the built-in catalog. */
  addition: boolean;
}

export type Addition = Bundle['catalog']['additions'][number];

/** Turns a bundle addition into a catalog service with no DOM rules (the generic adapter covers it). */
export function additionService(a: Addition): CatalogService {
  return {
    id: a.id,
    name: a.name,
    vendor: a.vendor,
    category: 'other',
    riskTier: 'medium',
    hosts: a.hosts.map((h) => h.toLowerCase()),
    apiHosts: [],
    sharedHosts: [],
    appKeys: [],
    appIds: [],
    appDomains: [],
    risk: {} as CatalogService['risk'],
    dom: null,
    accountHints: [],
  };
}

/** A matcher over the built-in catalog plus the bundle's additions (the built-in catalog wins on a tie). */
export function createAiUrlMatcher(additions: readonly Addition[], builtIn: Matcher = defaultMatcher()) {
  const services = additions.map(additionService);
  const extra =
    services.length === 0
      ? null
      : createMatcher({ version: 'additions', services, byId: new Map(services.map((s) => [s.id, s])) });
  return {
    /** The AI page a URL is on, or null for any other page (only http and https count). */
    match(url: string): AiPage | null {
      if (!/^https?:\/\//i.test(url)) return null;
      const target = parseTarget(url);
      if (target === null) return null;
      const hit = builtIn.matchUrl(url);
      if (hit) return { service: hit.service, host: target.host, addition: false };
      const added = extra?.matchUrl(url);
      return added ? { service: added.service, host: target.host, addition: true } : null;
    },
    /** Every web host rule: built-in catalog and additions. */
    hostRules(): string[] {
      return [...builtIn.catalog.services.flatMap((s) => s.hosts), ...services.flatMap((s) => s.hosts)];
    },
    additionRules(): string[] {
      return services.flatMap((s) => s.hosts);
    },
  };
}
export type AiUrlMatcher = ReturnType<typeof createAiUrlMatcher>;
