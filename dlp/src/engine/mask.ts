import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const MAX_MASK = 32;

/** Shows at most 4 leading characters (fewer for short values); the rest become `*`, length kept up to 32. */
export function maskValue(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 4));
  const length = Math.min(value.length, MAX_MASK);
  return value.slice(0, shown) + '*'.repeat(Math.max(0, length - shown));
}

/** Hex SHA-256 of salt + value (UTF-8). */
export function hashValue(salt: string, value: string): string {
  return bytesToHex(sha256(utf8ToBytes(salt + value)));
}
