/** Response headers as the SDKs hand them over: a fetch `Headers`, a Map, or a plain (case-varying) object. */
export type HeaderSource =
  | Headers
  | Map<string, unknown>
  | Record<string, string | string[] | number | undefined | null>
  | null
  | undefined;

/** Reads one header case-insensitively from any `HeaderSource`; arrays give their first value. */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  if (typeof (headers as Headers).get === 'function') {
    const v = (headers as Headers | Map<string, unknown>).get(lower) ?? (headers as Map<string, unknown>).get(name);
    return v === undefined || v === null ? undefined : String(Array.isArray(v) ? v[0] : v);
  }
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== lower || v === undefined || v === null) continue;
    return String(Array.isArray(v) ? v[0] : v);
  }
  return undefined;
}

/** Parses `Retry-After`: delta seconds or an HTTP date. Returns milliseconds from `now`, or undefined. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Parses an epoch-seconds reset header (Okta `X-Rate-Limit-Reset`, GitHub `x-ratelimit-reset`) as ms from `now`. */
export function parseEpochReset(value: string | undefined, now: number): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  // One extra second covers clock skew between us and the vendor (the Okta SDK does the same).
  return Math.max(0, Number(value.trim()) * 1000 - now + 1000);
}

/**
 * How long the vendor asks us to wait, in ms, from its rate-limit headers: `Retry-After` (Graph, Slack, GitHub
 * secondary limits, Google), else `X-Rate-Limit-Reset` (Okta) or `x-ratelimit-reset` (GitHub) epoch seconds.
 */
export function rateLimitDelay(headers: HeaderSource, now: number = Date.now()): number | undefined {
  return (
    parseRetryAfter(headerValue(headers, 'retry-after'), now) ??
    parseEpochReset(headerValue(headers, 'x-rate-limit-reset'), now) ??
    parseEpochReset(headerValue(headers, 'x-ratelimit-reset'), now)
  );
}

const quotaReasons = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded', 'ratelimited']);

/**
 * Whether a response is a throttling signal: 429 anywhere; GitHub's 403 with `x-ratelimit-remaining: 0` or a
 * `retry-after` (secondary limits); Google's 403 with reason `userRateLimitExceeded`/`quotaExceeded`.
 */
export function isRateLimited(status: number | undefined, headers: HeaderSource, vendorCode?: string): boolean {
  if (status === 429) return true;
  if (vendorCode && quotaReasons.has(vendorCode)) return true;
  if (status === 403) {
    return headerValue(headers, 'x-ratelimit-remaining') === '0' || headerValue(headers, 'retry-after') !== undefined;
  }
  return false;
}
