/** A small seedable random source for the value generators (mulberry32). */
let state = (Math.random() * 2 ** 32) >>> 0;

/** Re-seeds the generators so a corpus can be rebuilt identically. */
export function seedGenerators(seed: number): void {
  state = seed >>> 0;
}

/** A float in [0, 1). */
export function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An integer in [min, max]. */
export function int(min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** `n` random digits (the first may be 0). */
export function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(0, 9));
  return s;
}

/** `n` random characters from `alphabet`. */
export function chars(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[int(0, alphabet.length - 1)];
  return s;
}

/** Zero-padded decimal. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A random real date between the years given, as [year, month, day]. */
export function date(fromYear: number, toYear: number): [number, number, number] {
  return [int(fromYear, toYear), int(1, 12), int(1, 28)];
}

/** Draws candidates until one passes `valid` (generators use it to land on a correct check digit). */
export function until(make: () => string, valid: (v: string) => boolean, tries = 20000): string {
  for (let i = 0; i < tries; i++) {
    const v = make();
    if (valid(v)) return v;
  }
  throw new Error('generator could not produce a valid value');
}
