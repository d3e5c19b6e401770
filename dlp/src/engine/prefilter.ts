import type { Detector } from '../types.ts';

/** Search regions per detector index, as flat `[start0, end0, start1, end1, ...]`, ascending and merged. */
export type Regions = Map<number, number[]>;

/** The compiled prefilter: one pass over the text finds every trigger and returns where each detector must look. */
export interface Prefilter {
  regions(text: string): Regions;
}

interface Keyword {
  /** Lowercased UTF-16 codes. */
  codes: number[];
  detectors: number[];
}

const DEFAULT_WINDOW = 300;
const DEFAULT_DIGIT_WINDOW = 32;
/** How far a region edge may move to reach whitespace, so a pattern never sees half a token. */
const EDGE_REACH = 128;
const TRIGRAM_SIZE = 1 << 16;
const TRIGRAM_MASK = TRIGRAM_SIZE - 1;

/** Hash of three ASCII codes packed as a rolling 21-bit value `(c0 << 14) | (c1 << 7) | c2`. */
function trigramHash(rolling: number): number {
  return Math.imul(rolling, 0x9e3779b1) >>> 16;
}

function lowerCodes(word: string): number[] {
  return Array.from(word.toLowerCase(), (ch) => ch.charCodeAt(0));
}

function isDigitSeparator(c: number): boolean {
  return c === 45 || c === 32 || c === 46 || c === 47;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11;
}

/** Compiles the triggers of all detectors into lookup tables for a single pass over char codes. */
export function compilePrefilter(detectors: readonly Detector[]): Prefilter {
  const windows = detectors.map((d) => d.window ?? ('digits' in d.trigger ? DEFAULT_DIGIT_WINDOW : DEFAULT_WINDOW));
  const byKeyword = new Map<string, number[]>();
  const digitDetectors: { index: number; digits: number }[] = [];
  const charTable = new Map<number, number[]>();
  const always: number[] = [];
  detectors.forEach((d, index) => {
    const t = d.trigger;
    if ('keywords' in t) {
      for (const raw of t.keywords) {
        const kw = raw.toLowerCase();
        if (kw.length === 0) continue;
        const list = byKeyword.get(kw) ?? [];
        list.push(index);
        byKeyword.set(kw, list);
      }
    } else if ('digits' in t) digitDetectors.push({ index, digits: Math.max(1, t.digits) });
    else if ('char' in t) {
      const code = t.char.charCodeAt(0);
      charTable.set(code, [...(charTable.get(code) ?? []), index]);
    } else always.push(index);
  });
  // ASCII keywords are found through a hashed table of their first three lowercased chars (two-char keywords
  // through a bigram table), then verified; keywords starting with other chars are looked up by first char.
  const trigram = new Uint8Array(TRIGRAM_SIZE);
  const buckets = new Map<number, Keyword[]>();
  const pairs = new Uint8Array(128 * 128);
  const pairKeywords = new Map<number, Keyword>();
  const wide = new Map<number, Keyword[]>();
  for (const [kw, dets] of byKeyword) {
    const entry: Keyword = { codes: lowerCodes(kw), detectors: dets };
    const [c0, c1, c2] = entry.codes;
    if (entry.codes.length === 1) {
      charTable.set(c0!, [...(charTable.get(c0!) ?? []), ...dets]);
      const upper = kw.toUpperCase().charCodeAt(0);
      if (upper !== c0) charTable.set(upper, [...(charTable.get(upper) ?? []), ...dets]);
    } else if (entry.codes.length === 2 && c0! < 128 && c1! < 128) {
      pairs[(c0! << 7) | c1!] = 1;
      pairKeywords.set((c0! << 7) | c1!, entry);
    } else if (c0! < 128 && c1! < 128 && c2! < 128) {
      const h = trigramHash((c0! << 14) | (c1! << 7) | c2!);
      trigram[h] = 1;
      buckets.set(h, [...(buckets.get(h) ?? []), entry]);
    } else wide.set(c0!, [...(wide.get(c0!) ?? []), entry]);
  }
  // Per ASCII code: 1 digit, 2 uppercase letter, 4 char trigger.
  const classes = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) classes[c] = 1;
  for (let c = 65; c <= 90; c++) classes[c] = 2;
  for (const code of charTable.keys()) if (code < 128) classes[code]! |= 4;
  const hasPairs = pairKeywords.size > 0;
  digitDetectors.sort((a, b) => a.digits - b.digits);
  const minDigits = digitDetectors.length > 0 ? digitDetectors[0]!.digits : Number.POSITIVE_INFINITY;

  return {
    regions(text: string): Regions {
      const n = text.length;
      const out: Regions = new Map();
      const runs: number[] = [];
      let runStart = -1;
      let runDigits = 0;
      let lastDigit = -3;
      let rolling = 0;
      for (let i = 0; i < n; i++) {
        let c = text.charCodeAt(i);
        if (c < 128) {
          const cls = classes[c]!;
          if (cls !== 0) {
            if (cls === 1) {
              if (lastDigit === i - 1) runDigits++;
              else if (lastDigit === i - 2 && isDigitSeparator(rolling & 127)) runDigits++;
              else {
                if (runDigits >= minDigits && !isNumericNoise(text, runStart, lastDigit + 1)) {
                  runs.push(runStart, lastDigit + 1, runDigits);
                }
                runStart = i;
                runDigits = 1;
              }
              lastDigit = i;
            } else if (cls === 2) c |= 32;
            if ((cls & 4) !== 0) {
              for (const d of charTable.get(text.charCodeAt(i))!) add(out, d, i - windows[d]!, i + 1 + windows[d]!);
            }
          }
          rolling = ((rolling << 7) | c) & 0x1fffff;
          if (hasPairs && pairs[rolling & 0x3fff] === 1)
            hitKeyword(out, windows, pairKeywords.get(rolling & 0x3fff)!, i - 1);
          const h = trigramHash(rolling);
          if (trigram[h] === 1) {
            for (const k of buckets.get(h)!) {
              if (
                ((k.codes[0]! << 14) | (k.codes[1]! << 7) | k.codes[2]!) === rolling &&
                matchesAt(text, k, i - 2, 3)
              ) {
                hitKeyword(out, windows, k, i - 2);
              }
            }
          }
        } else {
          const hits = charTable.get(c);
          if (hits !== undefined) for (const d of hits) add(out, d, i - windows[d]!, i + 1 + windows[d]!);
          const lower = text[i]!.toLowerCase().charCodeAt(0);
          const ks = wide.get(lower);
          if (ks !== undefined) for (const k of ks) if (matchesAt(text, k, i, 1)) hitKeyword(out, windows, k, i);
          rolling = lower < 128 ? lower : 0;
        }
      }
      if (runDigits >= minDigits && !isNumericNoise(text, runStart, lastDigit + 1)) {
        runs.push(runStart, lastDigit + 1, runDigits);
      }
      for (const d of always) add(out, d, 0, n);
      for (const [d, list] of out) out.set(d, expandToWhitespace(text, list));
      // Detectors with the same digit count and window share one region list (never mutated afterwards).
      const shared = new Map<number, number[]>();
      for (const { index, digits } of digitDetectors) {
        const w = windows[index]!;
        const key = digits * 65_536 + w;
        let list = shared.get(key);
        if (list === undefined) {
          const raw: number[] = [];
          for (let r = 0; r < runs.length; r += 3) {
            if (runs[r + 2]! < digits) continue;
            const start = runs[r]! - w;
            const last = raw.length - 1;
            if (last > 0 && start <= raw[last]!) raw[last] = runs[r + 1]! + w;
            else raw.push(start, runs[r + 1]! + w);
          }
          list = expandToWhitespace(text, raw);
          shared.set(key, list);
        }
        if (list.length > 0) out.set(index, list);
      }
      return out;
    },
  };
}

/** Appends [start, end) to a detector's regions, merging with the last one when they touch. */
function add(out: Regions, d: number, start: number, end: number): void {
  let list = out.get(d);
  if (list === undefined) {
    list = [];
    out.set(d, list);
  }
  const last = list.length - 1;
  if (last > 0 && start <= list[last]!) {
    if (end > list[last]!) list[last] = end;
  } else list.push(start, end);
}

function hitKeyword(out: Regions, windows: readonly number[], k: Keyword, at: number): void {
  for (const d of k.detectors) add(out, d, at - windows[d]!, at + k.codes.length + windows[d]!);
}

/** True when keyword `k` occurs at `at` (case-insensitive), comparing from its char `from` on. */
function matchesAt(text: string, k: Keyword, at: number, from: number): boolean {
  const codes = k.codes;
  if (at + codes.length > text.length) return false;
  for (let j = from; j < codes.length; j++) {
    let c = text.charCodeAt(at + j);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c >= 128) c = text[at + j]!.toLowerCase().charCodeAt(0);
    if (c !== codes[j]) return false;
  }
  return true;
}

/**
 * True for digit runs that are dates (2024-06-10, 10/06/2024) or dotted groups of at most three digits
 * (IP addresses, versions): they trigger no detector, which keeps logs cheap.
 */
export function isNumericNoise(text: string, start: number, end: number): boolean {
  const run = text.slice(start, end);
  if (DATE_RUN.test(run)) return true;
  return DOTTED_RUN.test(run);
}

const DATE_RUN =
  /^(?:\d{4}([-/.])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])([-/.])(?:0[1-9]|1[0-2])\2\d{4}|(?:0[1-9]|1[0-2])\/(?:0[1-9]|[12]\d|3[01])\/\d{4})$/;
const DOTTED_RUN = /^\d{1,3}(?:\.\d{1,3}){2,5}$/;

/** Clamps regions to the text and widens each edge to the nearest whitespace (within reach), merging overlaps. */
export function expandToWhitespace(text: string, list: readonly number[]): number[] {
  const n = text.length;
  const merged: number[] = [];
  for (let r = 0; r < list.length; r += 2) {
    let a = Math.max(0, list[r]!);
    let b = Math.min(n, list[r + 1]!);
    const minA = Math.max(0, a - EDGE_REACH);
    while (a > minA && !isSpace(text.charCodeAt(a - 1))) a--;
    const maxB = Math.min(n, b + EDGE_REACH);
    while (b < maxB && !isSpace(text.charCodeAt(b))) b++;
    const last = merged.length - 1;
    if (last > 0 && a <= merged[last]!) merged[last] = Math.max(merged[last]!, b);
    else merged.push(a, b);
  }
  return merged;
}
