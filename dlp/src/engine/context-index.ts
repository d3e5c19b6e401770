/**
 * Context words, found once per scan and detector: one regex pass over the text around the detector's regions
 * gives every occurrence, and each candidate's check is then a binary search. A detector that requires context
 * skips every region with no context word in reach, so its pattern and validator never run there.
 */
import type { Detector } from '../types.ts';

/** Occurrences as flat `[start0, end0, start1, end1, ...]`, ascending. */
export type ContextHits = number[];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** One case-insensitive alternation of the detector's context words (shortest first); null without words. */
export function compileContext(d: Detector): RegExp | null {
  const words = [...new Set((d.context ?? []).map((w) => w.toLowerCase()).filter((w) => w.length > 0))];
  if (words.length === 0) return null;
  words.sort((a, b) => a.length - b.length);
  return new RegExp(words.map(escapeRegExp).join('|'), 'gi');
}

/**
 * Context words within `reach` of any region, at a word start (not preceded by a letter, so `latest` does not
 * hold `test`). Spans of neighbouring regions are merged, so each character is searched at most once.
 */
export function findContext(re: RegExp, text: string, regions: readonly number[], reach: number): ContextHits {
  const hits: ContextHits = [];
  const n = text.length;
  let r = 0;
  while (r < regions.length) {
    const from = Math.max(0, regions[r]! - reach);
    let to = Math.min(n, regions[r + 1]! + reach);
    r += 2;
    while (r < regions.length && regions[r]! - reach <= to) {
      to = Math.min(n, Math.max(to, regions[r + 1]! + reach));
      r += 2;
    }
    const span = text.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(span); m !== null; m = re.exec(span)) {
      const at = from + m.index;
      if (at === 0 || !isLetter(text.charCodeAt(at - 1))) hits.push(at, at + m[0].length);
      re.lastIndex = m.index + 1;
    }
  }
  return hits;
}

/** Index of the first hit starting at or after `pos`. */
function firstFrom(hits: ContextHits, pos: number): number {
  let lo = 0;
  let hi = hits.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[2 * mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/** True when a hit lies wholly within `reach` before `start` or wholly within `reach` after `end`. */
export function hasHitAround(hits: ContextHits, start: number, end: number, reach: number): boolean {
  for (let h = firstFrom(hits, start - reach); h < hits.length && hits[h]! < end + reach; h += 2) {
    const a = hits[h]!;
    const b = hits[h + 1]!;
    if (b <= start || (a >= end && b <= end + reach)) return true;
  }
  return false;
}

/** The regions that have a hit within `reach` of them (hits and regions both ascending). */
export function regionsNearHits(regions: readonly number[], hits: ContextHits, reach: number): number[] {
  const kept: number[] = [];
  for (let r = 0; r < regions.length; r += 2) {
    const a = regions[r]!;
    const b = regions[r + 1]!;
    for (let h = firstFrom(hits, a - reach); h < hits.length && hits[h]! < b + reach; h += 2) {
      if (hits[h + 1]! <= b + reach) {
        kept.push(a, b);
        break;
      }
    }
  }
  return kept;
}
