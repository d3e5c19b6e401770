import type { CatalogService } from '@sightline/fingerprints';

/** Splits a catalog host rule (`github.com/copilot`) into host and path prefix (`/copilot`, or '' when none). */
export function splitHostRule(rule: string): { host: string; path: string } {
  const slash = rule.indexOf('/');
  return slash === -1 ? { host: rule, path: '' } : { host: rule.slice(0, slash), path: rule.slice(slash) };
}

/** Content-script match patterns for host rules: the host and its subdomains, limited to the path prefix if any. */
export function contentScriptMatches(rules: readonly string[]): string[] {
  const out = new Set<string>();
  for (const rule of rules) {
    const { host, path } = splitHostRule(rule.toLowerCase());
    // `*.host` in a match pattern covers the bare host too.
    if (path === '') out.add(`https://*.${host}/*`);
    else {
      out.add(`https://*.${host}${path}`);
      out.add(`https://*.${host}${path}/*`);
      out.add(`https://*.${host}${path}?*`);
    }
  }
  return [...out].sort();
}

/** Host permissions for host rules: hosts only, since browsers ignore the path of a host permission. */
export function hostPermissions(rules: readonly string[]): string[] {
  return [...new Set(rules.map((r) => `https://*.${splitHostRule(r.toLowerCase()).host}/*`))].sort();
}

/** Every web host rule of the given services. */
export function webHostRules(services: readonly Pick<CatalogService, 'hosts'>[]): string[] {
  return services.flatMap((s) => s.hosts);
}
