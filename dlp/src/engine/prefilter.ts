import type { Detector } from '../types.ts';
import { buildKeywordTable, type Keyword, matchesAt, tableHash } from './keyword-table.ts';
import { addRegion, expandToWhitespace, isNumericNoise, type Regions } from './regions.ts';

export type { Regions } from './regions.ts';

/** The compiled prefilter: one pass over the text finds every trigger and returns where each detector must look. */
export interface Prefilter {
  regions(text: string): Regions;
}

const DEFAULT_WINDOW = 300;
const DEFAULT_DIGIT_WINDOW = 32;

function hitKeyword(out: Regions, windows: readonly number[], k: Keyword, at: number): void {
  for (const d of k.detectors) addRegion(out, d, at - windows[d]!, at + k.codes.length + windows[d]!);
}

function checkBucket(
  text: string,
  out: Regions,
  windows: readonly number[],
  bucket: Keyword[],
  at: number,
  from: number,
): void {
  for (const k of bucket) if (matchesAt(text, k, at, from)) hitKeyword(out, windows, k, at);
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
        if (kw.length > 0) byKeyword.set(kw, [...(byKeyword.get(kw) ?? []), index]);
      }
    } else if ('digits' in t) digitDetectors.push({ index, digits: Math.max(1, t.digits) });
    else if ('char' in t) {
      const code = t.char.charCodeAt(0);
      charTable.set(code, [...(charTable.get(code) ?? []), index]);
    } else always.push(index);
  });
  const table = buildKeywordTable(byKeyword);
  const { pairs, pairKeywords, flags3, buckets3, flags4, buckets4, rare, hasPairs } = table;
  // Per ASCII code: 1 digit, 2 uppercase letter, 4 char trigger.
  const classes = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) classes[c] = 1;
  for (let c = 65; c <= 90; c++) classes[c] = 2;
  for (const code of charTable.keys()) if (code < 128) classes[code]! |= 4;
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
        if (c >= 128) {
          const hits = charTable.get(c);
          if (hits !== undefined) for (const d of hits) addRegion(out, d, i - windows[d]!, i + 1 + windows[d]!);
          rolling = 0;
          continue;
        }
        const cls = classes[c]!;
        if (cls !== 0) {
          if (cls === 1) {
            const prev = rolling & 127;
            if (lastDigit === i - 1) runDigits++;
            else if (lastDigit === i - 2 && (prev === 45 || prev === 32 || prev === 46 || prev === 47)) runDigits++;
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
            const code = text.charCodeAt(i);
            for (const d of charTable.get(code)!) addRegion(out, d, i - windows[d]!, i + 1 + windows[d]!);
          }
        }
        rolling = ((rolling << 7) | c) & 0xfffffff;
        if (hasPairs && pairs[rolling & 0x3fff] === 1) {
          checkBucket(text, out, windows, pairKeywords[rolling & 0x3fff]!, i - 1, 2);
        }
        const h3 = tableHash(rolling & 0x1fffff);
        if (flags3[h3] === 1) checkBucket(text, out, windows, buckets3[h3]!, i - 2, 0);
        const h4 = tableHash(rolling);
        if (flags4[h4] === 1) checkBucket(text, out, windows, buckets4[h4]!, i - 3, 0);
      }
      if (runDigits >= minDigits && !isNumericNoise(text, runStart, lastDigit + 1)) {
        runs.push(runStart, lastDigit + 1, runDigits);
      }
      if (rare.length > 0) {
        const lower = text.toLowerCase();
        for (const k of rare) {
          for (let at = lower.indexOf(k.text); at >= 0; at = lower.indexOf(k.text, at + 1)) {
            hitKeyword(out, windows, k, at);
          }
        }
        for (const list of out.values()) sortRegions(list);
      }
      for (const d of always) addRegion(out, d, 0, n);
      for (const [d, list] of out) out.set(d, expandToWhitespace(text, list));
      addDigitRegions(text, out, runs, digitDetectors, windows);
      return out;
    },
  };
}

/** Re-sorts a region list by start (rare keywords are appended out of order); merging happens afterwards. */
function sortRegions(list: number[]): void {
  const pairsOf: [number, number][] = [];
  for (let r = 0; r < list.length; r += 2) pairsOf.push([list[r]!, list[r + 1]!]);
  pairsOf.sort((a, b) => a[0] - b[0]);
  list.length = 0;
  for (const [a, b] of pairsOf) list.push(a, b);
}

/** Regions around digit runs; detectors with the same digit count and window share one (never mutated) list. */
function addDigitRegions(
  text: string,
  out: Regions,
  runs: readonly number[],
  digitDetectors: readonly { index: number; digits: number }[],
  windows: readonly number[],
): void {
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
}
