import type { Detector } from '../types.ts';
import { buildKeywordTable, type Keyword, matchesAt } from './keyword-table.ts';
import { keywordSpan } from './pattern-shape.ts';
import { addRegion, expandToWhitespace, isNumericNoise, type Regions } from './regions.ts';

export type { Regions } from './regions.ts';

/** The compiled prefilter: one pass over the text finds every trigger and returns where each detector must look. */
export interface Prefilter {
  /**
   * Regions per detector. The same pass finds the context words of detectors that require context (at a word
   * start, so `latest` does not hold `test`): given `contexts`, it receives them per detector as flat, ascending
   * `[start0, end0, ...]`, so the scanner can skip the regions such a detector has no context word near. Given
   * `hits`, it receives the keyword positions (ascending) of each detector with `matchStarts`.
   */
  regions(text: string, contexts?: Map<number, number[]>, hits?: Map<number, number[]>): Regions;
}

const DEFAULT_WINDOW = 300;
const DEFAULT_DIGIT_WINDOW = 32;

/** Per detector, how far a keyword region reaches before the hit and beyond the keyword's end. */
interface Reach {
  lead: number[];
  tail: number[];
}

/** What one scan's keyword hits go into. Context words are registered for detector `d` as `-1 - d`. */
interface Sink {
  text: string;
  out: Regions;
  contexts: Map<number, number[]> | undefined;
  reach: Reach;
  /** Keyword positions of the detectors flagged in `anchored` (those with `matchStarts`). */
  hits: Map<number, number[]> | undefined;
  anchored: Uint8Array;
  /** Per detector, its list in `out` (undefined until its first region). */
  lists: (number[] | undefined)[];
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** `addRegion`, with the detector's list found by index instead of a map lookup. */
function addListed(sink: Sink, d: number, start: number, end: number): void {
  const list = sink.lists[d];
  if (list === undefined) {
    const created = [start, end];
    sink.lists[d] = created;
    sink.out.set(d, created);
    return;
  }
  const last = list.length - 1;
  if (start <= list[last]!) {
    // Hits of different keyword lengths arrive a few characters out of order: keep the earliest start.
    if (start < list[last - 1]!) list[last - 1] = start;
    if (end > list[last]!) list[last] = end;
  } else list.push(start, end);
}

function hitKeyword(sink: Sink, k: Keyword, at: number): void {
  const { lead, tail } = sink.reach;
  const detectors = k.detectors;
  for (let j = 0; j < detectors.length; j++) {
    const d = detectors[j]!;
    if (d >= 0) {
      addListed(sink, d, at - lead[d]!, at + k.codes.length + tail[d]!);
      if (sink.anchored[d] === 1 && sink.hits !== undefined) {
        const list = sink.hits.get(d);
        if (list === undefined) sink.hits.set(d, [at]);
        else list.push(at);
      }
    } else if (sink.contexts !== undefined && (at === 0 || !isLetter(sink.text.charCodeAt(at - 1)))) {
      const list = sink.contexts.get(-1 - d);
      if (list === undefined) sink.contexts.set(-1 - d, [at, at + k.codes.length]);
      else list.push(at, at + k.codes.length);
    }
  }
}

/**
 * Checks the keywords of a bucket whose packed first codes equal `head` (the register's last two, three or four
 * codes: those chars are then known to match) from their char `from` on.
 */
function checkBucket(sink: Sink, bucket: Keyword[], at: number, head: number, from: number): void {
  for (let b = 0; b < bucket.length; b++) {
    const k = bucket[b]!;
    if (k.head === head && (k.codes.length === from || matchesAt(sink.text, k, at, from))) hitKeyword(sink, k, at);
  }
}

/** Every UTF-16 code unit once, built on first use: the regex engine itself then tells which ones match a char. */
let allCodeUnits: string | undefined;

/** The code units a regex matches for `ch`: itself, or with `ignoreCase` every one of the same canonical case. */
function caseVariants(ch: string, ignoreCase: boolean): string[] {
  if (!ignoreCase) return [ch];
  if (allCodeUnits === undefined) {
    const units: string[] = [];
    for (let c = 0; c < 65_536; c += 1024) {
      units.push(String.fromCharCode(...Array.from({ length: 1024 }, (_, k) => c + k)));
    }
    allCodeUnits = units.join('');
  }
  return allCodeUnits.match(new RegExp(ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')) ?? [ch];
}

/** A buffer twice as long holding the same values. */
function grown(buffer: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(buffer.length * 2);
  next.set(buffer);
  return next;
}

/** Sorts flat `[start, end, ...]` pairs by start (hits of different lengths arrive slightly out of order). */
function sortPairs(list: number[]): void {
  let sorted = true;
  for (let r = 2; r < list.length && sorted; r += 2) sorted = list[r - 2]! <= list[r]!;
  if (sorted) return;
  const pairsOf: [number, number][] = [];
  for (let r = 0; r < list.length; r += 2) pairsOf.push([list[r]!, list[r + 1]!]);
  pairsOf.sort((a, b) => a[0] - b[0]);
  list.length = 0;
  for (const [a, b] of pairsOf) list.push(a, b);
}

/** Sorts positions ascending when they are not already (hits of different lengths, rare keywords). */
function sortAscending(list: number[]): void {
  for (let r = 1; r < list.length; r++) {
    if (list[r - 1]! > list[r]!) {
      list.sort((a, b) => a - b);
      return;
    }
  }
}

/**
 * Keyword reach per detector: its `window` on both sides, or, when every match starts with a literal holding a
 * keyword (`ghp_…`, `-----BEGIN RSA PRIVATE KEY-----`), just from that literal's start to the longest match.
 */
function keywordReach(detectors: readonly Detector[], windows: readonly number[]): Reach {
  const lead = [...windows];
  const tail = [...windows];
  detectors.forEach((d, i) => {
    if (!('keywords' in d.trigger)) return;
    const span = keywordSpan(d.pattern, d.trigger.keywords);
    if (span === null || span.before + span.length >= 2 * windows[i]!) return;
    lead[i] = span.before;
    tail[i] = span.length;
  });
  return { lead, tail };
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
    if (d.requiresContext) {
      for (const raw of d.context ?? []) {
        const kw = raw.toLowerCase();
        if (kw.length > 0) byKeyword.set(kw, [...(byKeyword.get(kw) ?? []), -1 - index]);
      }
    }
  });
  const table = buildKeywordTable(byKeyword);
  const { gate, pairKeywords, flags3, buckets3, flags4, buckets4, rare } = table;
  const reach = keywordReach(detectors, windows);
  const anchored = new Uint8Array(detectors.length);
  detectors.forEach((d, i) => {
    if (d.matchStarts !== undefined && 'keywords' in d.trigger) anchored[i] = 1;
  });
  // Keywords starting with non-ASCII chars: found by their regex, case-insensitive. One holding a non-ASCII char
  // is tried (sticky) only where `indexOf` finds a char the regex may match for its first such char (`ú`, `Ú`):
  // such chars are rare in most text, and a native search for them is far cheaper than the regex search.
  const rareSearches = rare.map((keyword) => {
    const source = keyword.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const flags = keyword.caseless ? '' : 'i';
    const offset = keyword.codes.findIndex((c) => c >= 128);
    return {
      keyword,
      re: new RegExp(source, `${flags}g`),
      sticky: new RegExp(source, `${flags}y`),
      offset,
      anchors: offset < 0 ? [] : caseVariants(keyword.text[offset]!, !keyword.caseless),
    };
  });
  const expand = expandToWhitespace;
  const { triples } = table;
  // Lowercased ASCII code per UTF-16 code; 0 for the rest.
  const lowered = new Uint8Array(65_536);
  for (let c = 0; c < 128; c++) lowered[c] = c >= 65 && c <= 90 ? c | 32 : c;
  digitDetectors.sort((a, b) => a.digits - b.digits);
  const minDigits = digitDetectors.length > 0 ? digitDetectors[0]!.digits : Number.POSITIVE_INFINITY;
  const charTriggers = [...charTable].map(([code, list]) => [String.fromCharCode(code), list] as const);

  let runBuffer: Int32Array<ArrayBuffer> = new Int32Array(3 * 1024);
  return {
    regions(text: string, contexts?: Map<number, number[]>, hits?: Map<number, number[]>): Regions {
      const n = text.length;
      const out: Regions = new Map();
      const sink: Sink = { text, out, contexts, reach, hits, anchored, lists: new Array(detectors.length) };
      // Keywords: a rolling register of the last four lowercased ASCII codes (0 for any other char, which no
      // keyword holds); one bit test per position. Digit runs are tracked in the same pass.
      // Digit runs as [start, end, digits] triples in a buffer kept across scans (number-heavy text has many).
      let runs = runBuffer;
      let runCount = 0;
      let runStart = -1;
      let runDigits = 0;
      let lastDigit = -3;
      let rolling = 0;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        rolling = ((rolling << 7) | lowered[c]!) & 0xfffffff;
        if (c - 48 < 10 && c >= 48) {
          const prev = (rolling >>> 7) & 127;
          if (lastDigit === i - 1) runDigits++;
          else if (lastDigit === i - 2 && (prev === 45 || prev === 32 || prev === 46 || prev === 47)) runDigits++;
          else {
            if (runDigits >= minDigits && !isNumericNoise(text, runStart, lastDigit + 1)) {
              if (runCount + 3 > runs.length) runs = grown(runs);
              runs[runCount++] = runStart;
              runs[runCount++] = lastDigit + 1;
              runs[runCount++] = runDigits;
            }
            runStart = i;
            runDigits = 1;
          }
          lastDigit = i;
        }
        if (((triples[(rolling & 0x1fffff) >>> 5]! >>> rolling) & 1) === 0) continue;
        const g = gate[rolling & 0x3fff]!;
        if ((g & 1) !== 0) checkBucket(sink, pairKeywords[rolling & 0x3fff]!, i - 1, rolling & 0x3fff, 2);
        if ((g & 2) !== 0) {
          const h3 = Math.imul(rolling & 0x1fffff, 0x9e3779b1) >>> 16;
          if (flags3[h3] === 1) checkBucket(sink, buckets3[h3]!, i - 2, rolling & 0x1fffff, 3);
        }
        if ((g & 4) !== 0) {
          const h4 = Math.imul(rolling, 0x9e3779b1) >>> 16;
          if (flags4[h4] === 1) checkBucket(sink, buckets4[h4]!, i - 3, rolling, 4);
        }
      }
      if (runDigits >= minDigits && !isNumericNoise(text, runStart, lastDigit + 1)) {
        if (runCount + 3 > runs.length) runs = grown(runs);
        runs[runCount++] = runStart;
        runs[runCount++] = lastDigit + 1;
        runs[runCount++] = runDigits;
      }
      runBuffer = runs;
      // Characters (`@`, `<`): native searches.
      for (const [ch, list] of charTriggers) {
        for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) {
          for (let j = 0; j < list.length; j++) {
            const d = list[j]!;
            addListed(sink, d, at - windows[d]!, at + 1 + windows[d]!);
          }
        }
      }
      if (rare.length > 0) {
        let found = false;
        for (const { keyword, re, sticky, offset, anchors } of rareSearches) {
          if (offset < 0) {
            re.lastIndex = 0;
            for (let m = re.exec(text); m !== null; m = re.exec(text)) {
              hitKeyword(sink, keyword, m.index);
              re.lastIndex = m.index + 1;
              found = true;
            }
            continue;
          }
          const at: number[] = [];
          for (const ch of anchors) {
            for (let p = text.indexOf(ch, offset); p >= 0; p = text.indexOf(ch, p + 1)) {
              sticky.lastIndex = p - offset;
              if (sticky.test(text)) at.push(p - offset);
            }
          }
          if (anchors.length > 1) at.sort((a, b) => a - b);
          for (const a of at) hitKeyword(sink, keyword, a);
          if (at.length > 0) found = true;
        }
        if (found) for (const list of out.values()) sortPairs(list);
      }
      if (contexts !== undefined) for (const list of contexts.values()) sortPairs(list);
      if (hits !== undefined) for (const list of hits.values()) sortAscending(list);
      for (const d of always) addRegion(out, d, 0, n);
      for (const [d, list] of out) out.set(d, expand(text, list));
      addDigitRegions(n, out, runs, runCount, digitDetectors, windows);
      return out;
    },
  };
}

/**
 * Regions around digit runs: `window` on both sides of each run with enough digits, merged and clamped. They are
 * not widened to whitespace (the scanner re-checks a match cut by a region edge against the whole text), which
 * keeps number-heavy text cheap. Detectors with the same digit count and window share one (never mutated) list.
 */
function addDigitRegions(
  n: number,
  out: Regions,
  runs: Int32Array,
  runCount: number,
  digitDetectors: readonly { index: number; digits: number }[],
  windows: readonly number[],
): void {
  const shared = new Map<number, number[]>();
  for (const { index, digits } of digitDetectors) {
    const w = windows[index]!;
    const key = digits * 65_536 + w;
    let list = shared.get(key);
    if (list === undefined) {
      list = [];
      for (let r = 0; r < runCount; r += 3) {
        if (runs[r + 2]! < digits) continue;
        const start = Math.max(0, runs[r]! - w);
        const end = Math.min(n, runs[r + 1]! + w);
        const last = list.length - 1;
        if (last > 0 && start <= list[last]!) list[last] = end;
        else list.push(start, end);
      }
      shared.set(key, list);
    }
    if (list.length > 0) out.set(index, list);
  }
}
