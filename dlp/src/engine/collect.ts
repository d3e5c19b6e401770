/**
 * Runs one detector over its regions and turns matches into scored candidates. Matches are found without match
 * indices (`d` costs an allocation per match); the exact span of the `value` group is read only for a candidate
 * that passed its validator, by re-running the pattern at that one position.
 */
import type { Detector } from '../types.ts';
import { scoreCandidate } from './confidence.ts';
import { type ContextHits, compileContext, findContext, hasHitAround, regionsNearHits } from './context-index.ts';
import type { Candidate } from './resolve.ts';

/**
 * Cost of one region's regex call (slice, call, setup), in characters scanned: decides per region vs one whole-text
 * pass. Measured on the bench texts, a call costs about as much as scanning 60-150 characters; 400 sent detectors
 * with a few thousand small digit regions (`mx-rfc`, `in-pan`) over the whole text at several times the cost.
 */
const REGION_COST = 150;
const DEFAULT_CONTEXT_WINDOW = 300;

/** A detector compiled for scanning. */
export interface Compiled {
  index: number;
  detector: Detector;
  /** `g`, for finding matches. */
  search: RegExp;
  /** `y` and `d`, for reading one match's group spans or re-checking a match at a cut region edge. */
  at: RegExp;
  /** `y`, for trying the pattern at the positions `matchStarts` gives. */
  sticky: RegExp;
  context: RegExp | null;
}

export function compileDetector(detector: Detector, index: number): Compiled {
  const flags = detector.pattern.flags.replace(/[gyd]/g, '');
  return {
    index,
    detector,
    search: new RegExp(detector.pattern.source, `${flags}g`),
    at: new RegExp(detector.pattern.source, `${flags}dy`),
    sticky: new RegExp(detector.pattern.source, `${flags}y`),
    context: compileContext(detector),
  };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11;
}

/** True when some hit lies in [from, to). */
function anyHitWithin(hits: ContextHits, from: number, to: number): boolean {
  return regionsNearHits([from, to], hits, 0).length > 0;
}

/**
 * Candidates of one detector. `found` are its regions from the prefilter, `contextHits` the context words the
 * prefilter found for a detector that requires context; `min` is the lowest level wanted (0-2).
 */
export function collect(
  c: Compiled,
  text: string,
  found: number[],
  contextHits: ContextHits | undefined,
  min: number,
  out: Candidate[],
  keywordHits?: readonly number[],
): void {
  const d = c.detector;
  const reach = d.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
  const n = text.length;
  // Without a context word such a detector tops out at low: when low is not wanted, skip regions without one.
  const needsContext = d.requiresContext === true && min > 0;
  let regions = found;
  if (needsContext) {
    if (contextHits === undefined) return;
    regions = regionsNearHits(found, contextHits, reach);
    if (regions.length === 0) return;
  }
  // Context hits: from the prefilter when context is required, else searched on demand in spans of several
  // windows around candidates (so candidates close together share one search).
  let hits: ContextHits = contextHits ?? [];
  let hitsFrom = 0;
  let hitsTo = -1;
  const contextAround = (start: number, end: number): boolean => {
    if (c.context === null) return false;
    if (!needsContext && (start - reach < hitsFrom || end + reach > hitsTo)) {
      hitsFrom = Math.max(0, start - reach);
      hitsTo = Math.min(n, Math.max(end, start + 8 * reach) + reach);
      hits = findContext(c.context, text, [hitsFrom + reach, hitsTo - reach], reach);
    }
    return hasHitAround(hits, start, end, reach);
  };
  const consider = (m: RegExpExecArray, offset: number) => {
    const value = m.groups?.value ?? m[0];
    if (value.length === 0) return;
    const from = m.index + offset;
    // A cheap pre-check on the whole match; the exact one on the value's span follows.
    if (needsContext && !anyHitWithin(hits, from - reach, from + m[0].length + reach)) return;
    try {
      if (d.validate && !d.validate(value, m)) return;
      let start = from;
      if (m.groups?.value !== undefined) {
        c.at.lastIndex = m.index;
        start = (c.at.exec(m.input)?.indices?.groups?.value?.[0] ?? m.index) + offset;
      }
      const end = start + value.length;
      const context = contextAround(start, end);
      if (needsContext && !context) return;
      const level = scoreCandidate(d, text, value, start, end, context, m);
      if (level < 0) return;
      out.push({ detector: c.index, start, end, value, level, generic: d.generic === true, context });
    } catch {
      // A failing validator drops only its own candidate; the other detectors keep running.
    }
  };
  if (d.matchStarts !== undefined && keywordHits !== undefined && !needsContext) {
    // Only where a match can start, in ascending order, skipping what the previous match consumed: the matches a
    // global search over the whole text finds.
    const starts: number[] = [];
    for (const at of keywordHits) d.matchStarts(text, at, starts);
    const sorted = Int32Array.from(starts).sort();
    const sticky = c.sticky;
    let next = 0;
    for (let k = 0; k < sorted.length; k++) {
      const s = sorted[k]!;
      if (s < next || s > n) continue;
      next = s + 1;
      sticky.lastIndex = s;
      const m = sticky.exec(text);
      if (m === null) continue;
      next = s + Math.max(1, m[0].length);
      consider(m, 0);
    }
    return;
  }
  const re = c.search;
  let covered = 0;
  for (let r = 0; r < regions.length; r += 2) covered += regions[r + 1]! - regions[r]!;
  // Each region costs a slice and a regex call; past a point one pass over the whole text is cheaper.
  if (covered + (regions.length / 2) * REGION_COST > n) {
    re.lastIndex = 0;
    let r = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      while (r < regions.length && regions[r + 1]! <= m.index) r += 2;
      if (r < regions.length && m.index >= regions[r]!) consider(m, 0);
    }
    return;
  }
  for (let r = 0; r < regions.length; r += 2) {
    const from = regions[r]!;
    const to = regions[r + 1]!;
    const slice = text.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
      if (m[0].length === 0) re.lastIndex++;
      const end = m.index + m[0].length;
      const cut = (m.index === 0 && from > 0) || (end === slice.length && to < n && !isSpace(text.charCodeAt(to)));
      if (!cut) {
        consider(m, from);
        continue;
      }
      // A match at a cut edge of its region may owe its lookarounds or anchors to the cut: re-check it in the text.
      c.at.lastIndex = from + m.index;
      const whole = c.at.exec(text);
      if (whole !== null) consider(whole, 0);
    }
  }
}
