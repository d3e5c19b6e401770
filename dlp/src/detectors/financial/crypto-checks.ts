/** Checksums of cryptocurrency addresses: Base58Check, Bech32/Bech32m (BIP-173/350) and EIP-55. */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Decodes Base58 to bytes (leading `1`s become zero bytes); null on a character outside the alphabet. */
export function base58Decode(s: string): Uint8Array | null {
  const bytes: number[] = [];
  for (const ch of s) {
    let carry = BASE58.indexOf(ch);
    if (carry < 0) return null;
    for (let i = 0; i < bytes.length; i++) {
      carry += (bytes[i] ?? 0) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let i = 0; i < s.length && s[i] === '1'; i++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

/** Encodes bytes as Base58 (used by the generators). */
export function base58Encode(data: Uint8Array): string {
  const digits: number[] = [];
  for (const byte of data) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += (digits[i] ?? 0) << 8;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  let out = '';
  for (let i = 0; i < data.length && data[i] === 0; i++) out += '1';
  for (let i = digits.length - 1; i >= 0; i--) out += BASE58[digits[i] ?? 0];
  return out;
}

/** First four bytes of SHA-256(SHA-256(payload)). */
export function base58Checksum(payload: Uint8Array): Uint8Array {
  return sha256(sha256(payload)).slice(0, 4);
}

/** A mainnet Bitcoin Base58Check address: version 0x00 (P2PKH) or 0x05 (P2SH), 20-byte hash, valid checksum. */
export function validBase58Address(value: string): boolean {
  const raw = base58Decode(value);
  if (raw === null || raw.length !== 25) return false;
  const version = raw[0];
  if (version !== 0x00 && version !== 0x05) return false;
  const sum = base58Checksum(raw.slice(0, 21));
  return sum.every((b, i) => b === raw[21 + i]);
}

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
export const BECH32_CONST = 1;
export const BECH32M_CONST = 0x2bc830a3;

/** The BCH checksum polymod over 5-bit values (BIP-173). */
export function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i] ?? 0;
  }
  return chk >>> 0;
}

/** Human-readable part expanded for the checksum: high bits, a zero, low bits. */
export function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (const c of hrp) out.push(c.charCodeAt(0) >> 5);
  out.push(0);
  for (const c of hrp) out.push(c.charCodeAt(0) & 31);
  return out;
}

/** Regroups bits (5 → 8 without padding); null when the leftover bits are not zero padding. */
export function convertBits(data: readonly number[], from: number, to: number, pad: boolean): number[] | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const max = (1 << to) - 1;
  for (const v of data) {
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & max);
    }
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & max);
  } else if (bits >= from || ((acc << (to - bits)) & max) !== 0) return null;
  return out;
}

/** Computes the six checksum characters' values for hrp + data under the given constant. */
export function bech32Checksum(hrp: string, data: readonly number[], constant: number): number[] {
  const mod = polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ constant;
  return [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
}

/** Segwit address on mainnet (`bc1`): Bech32 for version 0 (20 or 32-byte program), Bech32m for versions 1-16. */
export function validSegwitAddress(value: string): boolean {
  if (value !== value.toLowerCase() && value !== value.toUpperCase()) return false;
  const v = value.toLowerCase();
  const sep = v.lastIndexOf('1');
  const hrp = v.slice(0, sep);
  if (hrp !== 'bc' || v.length > 90) return false;
  const data: number[] = [];
  for (const c of v.slice(sep + 1)) {
    const d = CHARSET.indexOf(c);
    if (d < 0) return false;
    data.push(d);
  }
  if (data.length < 7) return false;
  const version = data[0] ?? -1;
  const constant = version === 0 ? BECH32_CONST : BECH32M_CONST;
  if (version > 16 || polymod([...hrpExpand(hrp), ...data]) !== constant) return false;
  const program = convertBits(data.slice(1, -6), 5, 8, false);
  if (program === null || program.length < 2 || program.length > 40) return false;
  return version !== 0 || program.length === 20 || program.length === 32;
}

/** Encodes a segwit address (used by the generators). */
export function encodeSegwit(version: number, program: Uint8Array): string {
  const data = [version, ...(convertBits([...program], 8, 5, true) ?? [])];
  const check = bech32Checksum('bc', data, version === 0 ? BECH32_CONST : BECH32M_CONST);
  return `bc1${[...data, ...check].map((d) => CHARSET[d]).join('')}`;
}

/** EIP-55: a hex letter is upper case exactly when the matching nibble of keccak256(lowercase hex) is ≥ 8. */
export function eip55(hex40: string): string {
  const lower = hex40.toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  let out = '';
  for (let i = 0; i < 40; i++) {
    const byte = hash[i >> 1] ?? 0;
    const nibble = i % 2 === 0 ? byte >> 4 : byte & 15;
    const c = lower[i] ?? '';
    out += nibble >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

/** A mixed-case Ethereum address whose capitalisation matches its EIP-55 checksum. */
export function validEip55Address(value: string): boolean {
  const hex = value.slice(2);
  if (!/^[0-9a-fA-F]{40}$/.test(hex) || hex === hex.toLowerCase() || hex === hex.toUpperCase()) return false;
  return eip55(hex) === hex;
}

/** A single-case Ethereum address (no checksum to confirm): 40 hex digits, not all one digit. */
export function validPlainEthAddress(value: string): boolean {
  const hex = value.slice(2);
  if (!/^[0-9a-fA-F]{40}$/.test(hex) || (hex !== hex.toLowerCase() && hex !== hex.toUpperCase())) return false;
  return new Set(hex.toLowerCase()).size > 4;
}
