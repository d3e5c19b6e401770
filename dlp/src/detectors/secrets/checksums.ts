/**
 * Checksums used by provider token formats, written from the published schemes:
 * - CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), table driven;
 * - GitHub-style base62 tokens (GitHub `ghp_` & co., npm `npm_`): prefix, 30 random base62 characters, then the
 *   CRC-32 of those 30 characters encoded in base62 (alphabet 0-9A-Za-z) and left-padded with `0` to 6 characters;
 * - Bech32 (BIP-173) as used by age secret keys (`AGE-SECRET-KEY-1…`).
 */

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of a string whose characters are all single bytes (ASCII tokens). */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (crc >>> 8) ^ (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62 alphabet in GMP order (digits, upper case, lower case), as used by GitHub and npm tokens. */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Encodes a non-negative integer in base62, left-padded with `0` to `width` characters. */
export function base62Encode(n: number, width: number): string {
  let out = '';
  let rest = Math.floor(n);
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/** The 6-character checksum GitHub and npm append to the random part of a token. */
export function base62Crc32(body: string): string {
  return base62Encode(crc32(body), 6);
}

/**
 * Verifies a GitHub-style token: `prefix` + random part + 6-character base62 CRC-32 of the random part.
 * `prefixLength` is the length of the literal prefix including its `_` (4 for `ghp_` and `npm_`).
 */
export function verifyBase62Crc32Token(token: string, prefixLength: number): boolean {
  if (token.length < prefixLength + 7) return false;
  const body = token.slice(prefixLength, -6);
  return base62Crc32(body) === token.slice(-6);
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function bech32Polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= BECH32_GEN[i] as number;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >>> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

/** Splits a Bech32 string into human-readable part and 5-bit data values (checksum included); null if malformed. */
function bech32Parts(text: string): { hrp: string; data: number[] } | null {
  const lower = text.toLowerCase();
  if (lower !== text && text.toUpperCase() !== text) return null;
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || lower.length - sep - 1 < 6) return null;
  const data: number[] = [];
  for (const ch of lower.slice(sep + 1)) {
    const v = BECH32_CHARSET.indexOf(ch);
    if (v < 0) return null;
    data.push(v);
  }
  return { hrp: lower.slice(0, sep), data };
}

/** True when `text` is a valid Bech32 string (BIP-173 checksum constant 1), either all upper or all lower case. */
export function verifyBech32(text: string): boolean {
  const parts = bech32Parts(text);
  if (!parts) return false;
  return bech32Polymod([...hrpExpand(parts.hrp), ...parts.data]) === 1;
}

/** The 6 checksum characters for a human-readable part and 5-bit data values (lower case). */
export function bech32Checksum(hrp: string, data: readonly number[]): string {
  const mod = bech32Polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  let out = '';
  for (let i = 0; i < 6; i++) out += BECH32_CHARSET[(mod >>> (5 * (5 - i))) & 31];
  return out;
}

export { BECH32_CHARSET };
