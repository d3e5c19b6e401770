/** Structural checks shared by secret detectors (no checksum involved; see `checksums.ts` for those). */

const B64_VALUES: Record<string, number> = (() => {
  const map: Record<string, number> = {};
  const std = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) map[std[i] as string] = i;
  map['-'] = 62;
  map['_'] = 63;
  return map;
})();

/** Decodes standard or URL-safe base64, padding optional; null when a character is outside both alphabets. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let pos = 0;
  for (const ch of clean) {
    const v = B64_VALUES[ch];
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[pos++] = (acc >>> bits) & 0xff;
    }
  }
  return out.subarray(0, pos);
}

/** Decodes base64 to a Latin-1 string, or null. */
export function decodeBase64Text(text: string): string | null {
  const bytes = decodeBase64(text);
  if (!bytes) return null;
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** True when the base64 text decodes to a JSON object. */
export function isBase64JsonObject(text: string): boolean {
  const decoded = decodeBase64Text(text);
  if (!decoded?.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(decoded);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/**
 * True when a random-looking alphanumeric value mixes upper case, lower case and digits, and is not plain hex.
 * Used by context-only formats to skip identifiers, words and hashes of the same length.
 */
export function isMixedAlnum(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value) && !/^[0-9a-fA-F]+$/.test(value);
}

/** True when the value holds at least one letter and one digit (lower-case or upper-case only formats). */
export function hasLetterAndDigit(value: string): boolean {
  return /[A-Za-z]/.test(value) && /[0-9]/.test(value);
}

/** Discord bot token: the first segment is the base64 of the bot's numeric id (a 17-20 digit snowflake). */
export function isDiscordBotToken(value: string): boolean {
  const first = value.split('.')[0] ?? '';
  const decoded = decodeBase64Text(first);
  return decoded !== null && /^[1-9][0-9]{16,19}$/.test(decoded);
}

/** Azure SAS `sig`: URL-encoded base64 of an HMAC-SHA256, so it decodes to exactly 32 bytes. */
export function isAzureSasSignature(value: string): boolean {
  let raw: string;
  try {
    raw = decodeURIComponent(value);
  } catch {
    return false;
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(raw)) return false;
  return decodeBase64(raw)?.length === 32;
}

/** AWS secret access key: 40 base64 characters with mixed case and a digit, never plain hex (a git SHA). */
export function isAwsSecretKey(value: string): boolean {
  return value.length === 40 && isMixedAlnum(value);
}
