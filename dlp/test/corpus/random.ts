/** Seeded randomness for the corpus (mulberry32), also lent to the detector families' generators. */
let state = 1;

/** Re-seeds the corpus random source. */
export function seed(value: number): void {
  state = value >>> 0;
}

/** A float in [0, 1). */
export function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An integer in [min, max]. */
export function int(min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** `n` characters from `alphabet`. */
export function chars(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const BASE64 = `${ALNUM}+/`;

/**
 * Runs `fn` with `Math.random` and `crypto.getRandomValues` drawing from the seeded source, so generators
 * written with either stay deterministic; both are restored afterwards.
 */
export function withSeededRandom<T>(value: number, fn: () => T): T {
  seed(value);
  const mathRandom = Math.random;
  const cryptoObject = globalThis.crypto;
  const getRandomValues = cryptoObject.getRandomValues;
  Math.random = random;
  cryptoObject.getRandomValues = (<A extends ArrayBufferView | null>(array: A): A => {
    if (array) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
    }
    return array;
  }) as typeof getRandomValues;
  try {
    return fn();
  } finally {
    Math.random = mathRandom;
    cryptoObject.getRandomValues = getRandomValues;
  }
}
