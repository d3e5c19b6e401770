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
const EDGE_REACH = 512;
/** Separators allowed between digit groups of one run. */
const DIGIT_SEPARATORS = new Set([45, 32, 46, 47]);

function lowerCodes(word: string): number[] {
  return Array.from(word.toLowerCase(), (ch) => ch.charCodeAt(0));
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
  // ASCII keywords are found through a table of their first two lowercased chars; the rest by first char.
  const bigram = new Uint16Array(128 * 128);
  const buckets: Keyword[][] = [];
  const wide = new Map<number, Keyword[]>();
  for (const [kw, dets] of byKeyword) {
    const entry: Keyword = { codes: lowerCodes(kw), detectors: dets };
    const [c0, c1] = entry.codes;
    if (entry.codes.length === 1) {
      charTable.set(c0!, [...(charTable.get(c0!) ?? []), ...dets]);
      const upper = kw.toUpperCase().charCodeAt(0);
      if (upper !== c0) charTable.set(upper, [...(charTable.get(upper) ?? []), ...dets]);
    } else if (c0! < 128 && c1! < 128) {
      const key = (c0! << 7) | c1!;
      if (bigram[key] === 0) {
        buckets.push([]);
        bigram[key] = buckets.length;
      }
      buckets[bigram[key]! - 1]!.push(entry);
    } else wide.set(c0!, [...(wide.get(c0!) ?? []), entry]);
  }
  const asciiChars = new Uint8Array(128);
  for (const code of charTable.keys()) if (code < 128) asciiChars[code] = 1;
  digitDetectors.sort((a, b) => a.digits - b.digits);
  const minDigits = digitDetectors.length > 0 ? digitDetectors[0]!.digits : Number.POSITIVE_INFINITY;

  return {
    regions(text: string): Regions {
      const n = text.length;
      const out: Regions = new Map();
      const add = (d: number, start: number, end: number) => {
        let list = out.get(d);
        if (list === undefined) {
          list = [];
          out.set(d, list);
        }
        const last = list.length - 1;
        if (last > 0 && start <= list[last]!) {
          if (end > list[last]!) list[last] = end;
        } else list.push(start, end);
      };
      const hitKeyword = (k: Keyword, at: number) => {
        for (const d of k.detectors) add(d, at - windows[d]!, at + k.codes.length + windows[d]!);
      };
      const matchesAt = (k: Keyword, at: number, from: number): boolean => {
        const codes = k.codes;
        if (at + codes.length > n) return false;
        for (let j = from; j < codes.length; j++) {
          let c = text.charCodeAt(at + j);
          if (c >= 65 && c <= 90) c |= 32;
          else if (c >= 128) c = text[at + j]!.toLowerCase().charCodeAt(0);
          if (c !== codes[j]) return false;
        }
        return true;
      };
      const runs: number[] = [];
      let runStart = -1;
      let runDigits = 0;
      let lastDigit = -3;
      let prev = -1;
      for (let i = 0; i < n; i++) {
        let c = text.charCodeAt(i);
        if (c < 128) {
          if (c >= 48 && c <= 57) {
            if (lastDigit === i - 1 || (lastDigit === i - 2 && DIGIT_SEPARATORS.has(text.charCodeAt(i - 1)))) {
              runDigits++;
            } else {
              if (runDigits >= minDigits) runs.push(runStart, lastDigit + 1, runDigits);
              runStart = i;
              runDigits = 1;
            }
            lastDigit = i;
          } else if (asciiChars[c] === 1) {
            for (const d of charTable.get(c)!) add(d, i - windows[d]!, i + 1 + windows[d]!);
          }
          if (c >= 65 && c <= 90) c |= 32;
          if (prev >= 0) {
            const b = bigram[(prev << 7) | c]!;
            if (b !== 0) for (const k of buckets[b - 1]!) if (matchesAt(k, i - 1, 2)) hitKeyword(k, i - 1);
          }
          prev = c;
        } else {
          const hits = charTable.get(c);
          if (hits !== undefined) for (const d of hits) add(d, i - windows[d]!, i + 1 + windows[d]!);
          const lower = text[i]!.toLowerCase().charCodeAt(0);
          const ks = wide.get(lower);
          if (ks !== undefined) for (const k of ks) if (matchesAt(k, i, 1)) hitKeyword(k, i);
          prev = lower < 128 ? lower : -1;
        }
      }
      if (runDigits >= minDigits) runs.push(runStart, lastDigit + 1, runDigits);
      for (const { index, digits } of digitDetectors) {
        const w = windows[index]!;
        for (let r = 0; r < runs.length; r += 3) if (runs[r + 2]! >= digits) add(index, runs[r]! - w, runs[r + 1]! + w);
      }
      for (const d of always) add(d, 0, n);
      for (const [d, list] of out) out.set(d, expandToWhitespace(text, list));
      return out;
    },
  };
}

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
