/** Random building blocks for token generators (tests and the quality corpus); uses Web Crypto, so it runs anywhere. */

export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const LETTERS = UPPER + LOWER;
export const ALNUM = UPPER + LOWER + DIGITS;
export const UPPER_ALNUM = UPPER + DIGITS;
export const LOWER_ALNUM = LOWER + DIGITS;
export const B64URL = ALNUM + '-_';
export const B64 = ALNUM + '+/';
export const BASE32_UPPER = UPPER + '234567';
export const BASE32_LOWER = LOWER + '234567';

/** A uniformly random integer in [0, n). */
export function randInt(n: number): number {
  const buf = new Uint32Array(1);
  const limit = Math.floor(0x100000000 / n) * n;
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    const v = buf[0] as number;
    if (v < limit) return v % n;
  }
}

/** `n` random characters from `alphabet`. */
export function rand(alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[randInt(alphabet.length)];
  return out;
}

/** A random lower-case version-4 UUID (without runs or sequences, see `looksRandom`). */
export function uuid(): string {
  for (;;) {
    const variant = '89ab'[randInt(4)];
    const value = `${rand(HEX, 8)}-${rand(HEX, 4)}-4${rand(HEX, 3)}-${variant}${rand(HEX, 3)}-${rand(HEX, 12)}`;
    if (looksRandom(value)) return value;
  }
}

/** `n` random digits, the first one not zero. */
export function digits(n: number): string {
  return rand('123456789', 1) + rand(DIGITS, n - 1);
}

/** Standard base64 (with padding) of bytes or of a Latin-1 string. */
export function base64(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? Uint8Array.from(input, (c) => c.charCodeAt(0)) : input;
  const std = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += std[(n >>> 18) & 63];
    out += std[(n >>> 12) & 63];
    out += b === undefined ? '=' : std[(n >>> 6) & 63];
    out += c === undefined ? '=' : std[n & 63];
  }
  return out;
}

/** URL-safe base64 without padding. */
export function base64Url(input: Uint8Array | string): string {
  return base64(input).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `n` random bytes. */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}

const SUSPICIOUS = ['example', 'sample', 'dummy', 'test', 'fake', 'mock', 'demo', 'xxxx', 'your', 'lorem', 'redact'];

/**
 * True when a generated value looks like a real random secret to the engine's placeholder filter: no test words,
 * no run of 5 equal characters, no ascending or descending run of 5 letters or digits, no `____` or `....`.
 */
export function looksRandom(value: string): boolean {
  const lower = value.toLowerCase();
  if (SUSPICIOUS.some((w) => lower.includes(w))) return false;
  if (lower.includes('____') || lower.includes('....') || lower.includes('${')) return false;
  const v = value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < v.length; i++) {
    const d = v.charCodeAt(i) - v.charCodeAt(i - 1);
    same = d === 0 ? same + 1 : 1;
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (same >= 5 || up >= 5 || down >= 5) return false;
  }
  return true;
}

/** Wraps a generator so it retries until its value passes `looksRandom` and the optional `accept` check. */
export function plausible(make: () => string, accept?: (value: string) => boolean): () => string {
  return () => {
    for (let i = 0; i < 1000; i++) {
      const value = make();
      if (looksRandom(value) && (!accept || accept(value))) return value;
    }
    throw new Error('generator could not produce a plausible value');
  };
}
