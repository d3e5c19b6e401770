/** Search regions per detector index, as flat `[start0, end0, start1, end1, ...]`, ascending and merged. */
export type Regions = Map<number, number[]>;

/** How far a region edge may move to reach whitespace, so a pattern never sees half a token. */
const EDGE_REACH = 128;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11;
}

/** Appends [start, end) to a detector's regions, merging with the last one when they touch. */
export function addRegion(out: Regions, d: number, start: number, end: number): void {
  let list = out.get(d);
  if (list === undefined) {
    list = [];
    out.set(d, list);
  }
  const last = list.length - 1;
  if (last > 0 && start <= list[last]!) {
    // Hits of different keyword lengths arrive a few characters out of order: keep the earliest start.
    if (start < list[last - 1]!) list[last - 1] = start;
    if (end > list[last]!) list[last] = end;
  } else list.push(start, end);
}

/** A region start clamped to the text and moved back to just after whitespace (within reach). */
export function widenStart(text: string, start: number): number {
  let a = Math.max(0, start);
  const minA = Math.max(0, a - EDGE_REACH);
  while (a > minA && !isSpace(text.charCodeAt(a - 1))) a--;
  return a;
}

/** A region end clamped to the text and moved forward to the next whitespace (within reach). */
export function widenEnd(text: string, end: number): number {
  const n = text.length;
  let b = Math.min(n, end);
  const maxB = Math.min(n, b + EDGE_REACH);
  while (b < maxB && !isSpace(text.charCodeAt(b))) b++;
  return b;
}

/** Clamps regions to the text and widens each edge to the nearest whitespace (within reach), merging overlaps. */
export function expandToWhitespace(text: string, list: readonly number[]): number[] {
  const merged: number[] = [];
  for (let r = 0; r < list.length; r += 2) {
    const a = widenStart(text, list[r]!);
    const b = widenEnd(text, list[r + 1]!);
    const last = merged.length - 1;
    if (last > 0 && a <= merged[last]!) merged[last] = Math.max(merged[last]!, b);
    else merged.push(a, b);
  }
  return merged;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Two digits at `at` forming a number in [lo, hi]. */
function twoDigits(text: string, at: number, lo: number, hi: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  if (!isDigit(a) || !isDigit(b)) return false;
  const v = (a - 48) * 10 + (b - 48);
  return v >= lo && v <= hi;
}

/** YYYY-MM-DD, DD-MM-YYYY or MM/DD/YYYY with one separator kind (-, / or .). */
function isDate(text: string, start: number): boolean {
  const s1 = text.charCodeAt(start + 4);
  if (s1 === 45 || s1 === 47 || s1 === 46) {
    return text.charCodeAt(start + 7) === s1 && twoDigits(text, start + 5, 1, 12) && twoDigits(text, start + 8, 1, 31);
  }
  const s2 = text.charCodeAt(start + 2);
  if ((s2 === 45 || s2 === 47 || s2 === 46) && text.charCodeAt(start + 5) === s2) {
    const dayFirst = twoDigits(text, start, 1, 31) && twoDigits(text, start + 3, 1, 12);
    const monthFirst = twoDigits(text, start, 1, 12) && twoDigits(text, start + 3, 1, 31);
    return dayFirst || monthFirst;
  }
  return false;
}

/** Three or more dot-separated groups of at most three digits (IPv4, versions). */
function isDotted(text: string, start: number, end: number): boolean {
  let groups = 1;
  let width = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      groups++;
      width = 0;
    } else if (isDigit(c)) {
      if (++width > 3) return false;
    } else return false;
  }
  return groups >= 3;
}

/**
 * True for digit runs that are dates (2024-06-10, 10/06/2024) or dotted groups of at most three digits
 * (IP addresses, versions): they trigger no detector, which keeps logs cheap.
 */
export function isNumericNoise(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 10 && isDate(text, start)) return true;
  return length >= 5 && length <= 23 && isDotted(text, start, end);
}
