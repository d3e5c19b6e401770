import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from './ip-ranges.ts';
import { ConnectorError } from './types.ts';

/** Resolves a host name to all its addresses (node:dns `lookup` with `all: true` by default). */
export type HostLookup = (host: string) => Promise<{ address: string; family: number }[]>;

export const defaultLookup: HostLookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Why a base URL was refused; `field` is filled in by the caller that knows the config field. */
export type UnsafeUrlReason =
  | 'invalid_url'
  | 'not_https'
  | 'credentials_in_url'
  | 'not_vendor_host'
  | 'non_standard_port'
  | 'ip_literal'
  | 'private_address'
  | 'unresolvable';

/** A base URL that must not be contacted. Its message says what to change. */
export class UnsafeUrlError extends ConnectorError {
  override name = 'UnsafeUrlError';
  constructor(
    readonly reason: UnsafeUrlReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('unreachable', message, options);
  }
}

export interface SafeUrlOptions {
  /** Host suffixes the vendor serves its API from, e.g. `okta.com`, `oktapreview.com`. */
  vendorHosts: readonly string[];
  /** An admin allowed any host, scheme and address for this connector (testing, proxies). */
  allowCustomHost: boolean;
  /** DNS resolution, injectable for tests. */
  lookup?: HostLookup;
}

const customHostHint = 'If this is intended (a test server or proxy), an administrator can enable "allow custom host".';

/** True when `host` equals a vendor host or is a subdomain of one (label boundary, trailing dot ignored). */
export function isVendorHost(host: string, vendorHosts: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return vendorHosts.some((v) => {
    const suffix = v.toLowerCase().replace(/^\./, '');
    return h === suffix || h.endsWith(`.${suffix}`);
  });
}

/**
 * Checks a connector base URL before it is stored and again before every run (DNS can change): https only,
 * on a vendor host, no IP literal, no credentials, and every resolved address public; unless `allowCustomHost`,
 * which allows http and any host or address. Returns the parsed URL; throws `UnsafeUrlError` otherwise.
 */
export async function assertSafeBaseUrl(raw: string, options: SafeUrlOptions): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new UnsafeUrlError('invalid_url', `"${raw}" is not a valid URL; use e.g. https://example.okta.com.`, {
      cause,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UnsafeUrlError('not_https', `The base URL must use https (got ${url.protocol.replace(':', '')}).`);
  }
  if (url.username || url.password) {
    throw new UnsafeUrlError(
      'credentials_in_url',
      'The base URL must not contain a user name or password; put credentials in the secret fields.',
    );
  }
  if (options.allowCustomHost) return url;

  if (url.protocol !== 'https:') {
    throw new UnsafeUrlError('not_https', `The base URL must use https, not http. ${customHostHint}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    throw new UnsafeUrlError(
      'ip_literal',
      `The base URL must name the vendor's host, not an IP address (${host}). ${customHostHint}`,
    );
  }
  if (!isVendorHost(host, options.vendorHosts)) {
    throw new UnsafeUrlError(
      'not_vendor_host',
      `${host} is not a host of this vendor; expected a host under ${options.vendorHosts.join(', ')}. ${customHostHint}`,
    );
  }
  if (url.port && url.port !== '443') {
    throw new UnsafeUrlError('non_standard_port', `The vendor's API is served on port 443, not ${url.port}.`);
  }
  let addresses: { address: string }[];
  try {
    addresses = await (options.lookup ?? defaultLookup)(host);
  } catch (cause) {
    throw new UnsafeUrlError(
      'unresolvable',
      `${host} does not resolve (${(cause as { code?: string }).code ?? 'DNS error'}); check the spelling of the organisation or tenant host.`,
      { cause },
    );
  }
  if (addresses.length === 0) {
    throw new UnsafeUrlError('unresolvable', `${host} does not resolve to any address.`);
  }
  for (const { address } of addresses) {
    const cls = classifyAddress(address);
    if (cls) {
      throw new UnsafeUrlError(
        'private_address',
        `${host} resolves to ${address}, a ${cls} address; connectors may only reach public addresses. ${customHostHint}`,
      );
    }
  }
  return url;
}
