import compactCatalog from '../generated/catalog.json' with { type: 'json' };
import { type Catalog, decodeCatalog } from './catalog-format.ts';
import type { HostMatch } from './host-index.ts';
import type { AppMatch, AppRecord } from './match-app.ts';
import { createMatcher, type Matcher } from './matcher.ts';

export { appNameKey, appNameWords } from './app-name-key.ts';
export type { AccountHint, Catalog, CatalogService, Dom } from './catalog-format.ts';
export { decodeCatalog } from './catalog-format.ts';
export type { HostMatch } from './host-index.ts';
export type { AppMatch, AppMatchRule, AppRecord, Confidence } from './match-app.ts';
export { createMatcher, type Matcher } from './matcher.ts';
export { parseTarget, type UrlTarget } from './parse-target.ts';
export { deriveRiskTier, explainRiskTier, type RiskFacts, type RiskTier, riskRules, riskTiers } from './risk-tier.ts';
export { type Category, categories, categoryLabels } from './schema.ts';
export { type Suspicion, suspectAiApp, suspectAiHost } from './suspect.ts';

let shipped: Matcher | undefined;

/** The matcher over the catalog shipped in this package (`generated/catalog.json`), built on first use. */
export function defaultMatcher(): Matcher {
  shipped ??= createMatcher(decodeCatalog(compactCatalog));
  return shipped;
}

/** The shipped catalog, decoded and validated. */
export function getCatalog(): Catalog {
  return defaultMatcher().catalog;
}

/** The AI web service a URL or bare hostname belongs to, or null. See README "Matching URLs". */
export function matchUrl(input: string): HostMatch | null {
  return defaultMatcher().matchUrl(input);
}

/** The service whose API endpoint a host or URL is, or null. */
export function matchApiHost(input: string): HostMatch | null {
  return defaultMatcher().matchApiHost(input);
}

/** The service an IdP / SaaS app record belongs to (client id, then name, then redirect domains), or null. */
export function matchApp(record: AppRecord): AppMatch | null {
  return defaultMatcher().matchApp(record);
}
