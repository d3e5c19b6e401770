import { appNameKey } from './app-name-key.ts';
import type { CatalogService } from './catalog-format.ts';
import { buildHostIndex, type HostIndex, lookupHost } from './host-index.ts';
import { parseTarget, type UrlTarget } from './parse-target.ts';

/** An app as an IdP or SaaS admin API reports it (SSO app, OAuth grant, service principal, marketplace install). */
export interface AppRecord {
  /** Display name, e.g. "ChatGPT Enterprise (SAML)". */
  name?: string;
  /** OAuth client id, Entra application id, or marketplace id (Slack app id, GitHub app slug, Google Marketplace id). */
  clientId?: string;
  /** OAuth redirect URIs or SAML ACS URLs. */
  redirectUris?: readonly string[];
  /** Other domains known for the app (sign-on URL hosts, homepage). */
  domains?: readonly string[];
}

export type AppMatchRule = 'client-id' | 'name' | 'domain';
export type Confidence = 'high' | 'medium' | 'low';

export interface AppMatch {
  service: CatalogService;
  /** All services the matched key points to (several only when a name or domain is ambiguous), sorted by id. */
  candidates: readonly CatalogService[];
  rule: AppMatchRule;
  /** high: client id, or a name only one service uses; medium: an ambiguous name or a unique domain; low: an ambiguous domain. */
  confidence: Confidence;
  /** The value that matched: the client id, the normalised name key, or the host. */
  matched: string;
}

export interface AppIndex {
  ids: ReadonlyMap<string, CatalogService>;
  names: ReadonlyMap<string, readonly CatalogService[]>;
  domains: HostIndex;
}

/** Builds the app-record index: exact ids, normalised name keys, and redirect/SSO domains (identity domains and web hosts). */
export function buildAppIndex(services: readonly CatalogService[]): AppIndex {
  const sorted = [...services].sort((a, b) => (a.id < b.id ? -1 : 1));
  const ids = new Map<string, CatalogService>();
  const names = new Map<string, CatalogService[]>();
  for (const s of sorted) {
    for (const id of s.appIds) if (!ids.has(id)) ids.set(id, s);
    for (const key of s.appKeys) {
      const list = names.get(key) ?? [];
      if (!list.includes(s)) list.push(s);
      names.set(key, list);
    }
  }
  const domains = buildHostIndex(sorted, (s) => [...new Set([...s.appDomains, ...s.hosts])]);
  return { ids, names, domains };
}

/** The host of a redirect URI, including custom-scheme ones (`com.example.app://auth.example.com/cb`). */
function redirectTarget(uri: string): UrlTarget | null {
  const web = parseTarget(uri);
  if (web) return web;
  if (uri.length > 2048 || !/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(uri)) return null;
  try {
    const host = new URL(uri).hostname.replace(/\.$/, '').toLowerCase();
    return host.length > 0 ? { host, rest: '/', normalised: true } : null;
  } catch {
    return null;
  }
}

/** Matches an app record: exact client id first, then the normalised name, then redirect-URI hosts and domains. */
export function matchAppRecord(index: AppIndex, record: AppRecord): AppMatch | null {
  const clientId = record.clientId?.trim().toLowerCase();
  if (clientId) {
    const service = index.ids.get(clientId);
    if (service) return { service, candidates: [service], rule: 'client-id', confidence: 'high', matched: clientId };
  }
  if (record.name) {
    const key = appNameKey(record.name);
    const candidates = index.names.get(key);
    if (candidates !== undefined) {
      const confidence = candidates.length === 1 ? 'high' : 'medium';
      return { service: candidates[0]!, candidates, rule: 'name', confidence, matched: key };
    }
  }
  for (const uri of [...(record.redirectUris ?? []), ...(record.domains ?? [])]) {
    if (typeof uri !== 'string') continue;
    const target = redirectTarget(uri);
    const hit = target && lookupHost(index.domains, target);
    if (hit) {
      const confidence = hit.candidates.length === 1 ? 'medium' : 'low';
      return { service: hit.service, candidates: hit.candidates, rule: 'domain', confidence, matched: target.host };
    }
  }
  return null;
}
