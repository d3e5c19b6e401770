import type { Confidence, Detector } from '../types.ts';
import { hasWordStart, inDigestContext, inPlaceholderContext, judgeValue } from './placeholder.ts';

export const LEVELS: readonly Confidence[] = ['low', 'medium', 'high'];
const DEFAULT_CONTEXT_WINDOW = 300;

/** Numeric rank of a confidence: low 0, medium 1, high 2. */
export function rank(c: Confidence): number {
  return c === 'high' ? 2 : c === 'medium' ? 1 : 0;
}

/** True when one of the detector's context words occurs within its context window around [start, end). */
export function hasContext(d: Detector, text: string, start: number, end: number): boolean {
  const words = d.context;
  if (words === undefined || words.length === 0) return false;
  const w = d.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
  const before = text.slice(Math.max(0, start - w), start).toLowerCase();
  const after = text.slice(end, end + w).toLowerCase();
  return words.some((word) => {
    const lw = word.toLowerCase();
    return hasWordStart(before, lw) || hasWordStart(after, lw);
  });
}

/**
 * Scores one validated candidate: base (or `confidenceOf`), +1 with a context word (`context`, as found by
 * `hasContext` or the scanner's context index), capped at low without one when `requiresContext`, -1 for test
 * values or placeholder context. Returns the level (0-2) or -1 to drop.
 */
export function scoreCandidate(
  d: Detector,
  text: string,
  value: string,
  start: number,
  end: number,
  context: boolean,
  match?: RegExpExecArray,
): number {
  const verdict = judgeValue(value);
  if (verdict === 'drop' || inDigestContext(text, start, value)) return -1;
  let level = rank(d.confidenceOf ? d.confidenceOf(value, match) : d.confidence);
  if (context) level = Math.min(2, level + 1);
  else if (d.requiresContext) level = 0;
  if (verdict === 'lower' || inPlaceholderContext(text, start, end)) level--;
  return level;
}
