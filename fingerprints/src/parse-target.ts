/**
 * A web address reduced to what host matching needs: the lower-case ASCII host (punycode, no port, no
 * trailing dot) and what follows the authority. `rest` is the raw remainder when `normalised` is false
 * (fast path) and the WHATWG-normalised path when it is true (parsed by `URL`).
 */
export interface UrlTarget {
  host: string;
  rest: string;
  normalised: boolean;
}

/** Inputs longer than this (without query and fragment) that need full URL parsing never match. */
export const maxSlowInputLength = 8192;
const maxHostLength = 253;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The fast path: `http(s)://host[:port][/?#...]` or a bare `host[:port][/...]` whose host is plain ASCII
 * letters, digits, dots and hyphens. Anything else (userinfo, percent signs, backslashes, IDN, whitespace,
 * IPv6, IPv4-like hosts, other schemes) returns undefined and goes to the `URL`-based slow path.
 */
function fastParse(s: string): UrlTarget | undefined {
  let start = 0;
  if (s.startsWith('https://')) start = 8;
  else if (s.startsWith('http://')) start = 7;
  const bare = start === 0;
  const n = s.length;
  const limit = Math.min(n, start + maxHostLength + 2);
  let upper = false;
  let i = start;
  for (; i < limit; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || isDigit(c) || c === 45 || c === 46) continue;
    if (c >= 65 && c <= 90) {
      upper = true;
      continue;
    }
    break;
  }
  let hostEnd = i;
  if (hostEnd === start || hostEnd - start > maxHostLength + 1) return undefined;
  let c = i < n ? s.charCodeAt(i) : -1;
  if (c === 58) {
    const portStart = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    const digits = i - portStart;
    if (digits > 5 || (bare && digits === 0) || (digits === 5 && Number(s.slice(portStart, i)) > 65535))
      return undefined;
    c = i < n ? s.charCodeAt(i) : -1;
  }
  if (c !== -1 && c !== 47 && c !== 63 && c !== 35) return undefined;
  if (s.charCodeAt(hostEnd - 1) === 46) hostEnd--;
  let host = s.slice(start, hostEnd);
  if (host.length === 0) return undefined;
  // An all-numeric or hex last label makes the host an IPv4 address in WHATWG parsing: let URL decide.
  if (isDigit(host.charCodeAt(host.lastIndexOf('.') + 1))) return undefined;
  if (upper) host = host.toLowerCase();
  return { host, rest: i < n ? s.slice(i) : '', normalised: false };
}

function fromUrl(text: string): UrlTarget | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  let host = url.hostname;
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length === 0 || host.length > maxHostLength) return null;
  return { host, rest: url.pathname, normalised: true };
}

const schemePrefix = /^[\u0000-\u0020]*([A-Za-z][A-Za-z0-9+.-]*):([\s\S]*)$/;
const portThenPath = /^[0-9]{1,5}(?:[/\\]|$)/;

function slowParse(input: string, insideBlob: boolean): UrlTarget | null {
  // Query and fragment never change the host or path of a web URL, so they are dropped before the length cap.
  const cut = input.search(/[?#]/);
  const text = cut === -1 ? input : input.slice(0, cut);
  if (text.length === 0 || text.length > maxSlowInputLength) return null;
  const scheme = schemePrefix.exec(text);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    const after = scheme[2]!;
    if (name === 'http' || name === 'https') return fromUrl(text);
    if (insideBlob) return null;
    if (name === 'blob') {
      // A blob URL belongs to the origin it wraps; its path is an opaque id, never a product path.
      const inner = slowParse(after, true);
      return inner && { host: inner.host, rest: '/', normalised: true };
    }
    // `host:port` without a scheme looks like a scheme to URL; anything else (data:, javascript:, file:) is no host.
    if (portThenPath.test(after)) return fromUrl(`https://${text.trim()}`);
    return null;
  }
  if (insideBlob) return null;
  return fromUrl(`https://${text.trim()}`);
}

/** Parses a URL or bare hostname into host and path; null for anything that has no http(s) host. */
export function parseTarget(input: unknown): UrlTarget | null {
  if (typeof input !== 'string') return null;
  return fastParse(input) ?? slowParse(input, false);
}

const needsNormalising = /[\\\t\n\r%]|\/\./;

/** The URL path of a parsed target, normalised like `URL.pathname` (always starts with `/`). */
export function targetPath(target: UrlTarget): string {
  if (target.normalised) return target.rest;
  const rest = target.rest;
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 63 || c === 35) {
      end = i;
      break;
    }
  }
  const path = end === rest.length ? rest : rest.slice(0, end);
  if (path.length === 0) return '/';
  if (!needsNormalising.test(path)) return path;
  return fromUrl(`https://${target.host}${path}`)?.rest ?? '/';
}
