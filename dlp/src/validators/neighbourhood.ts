/**
 * Bounded views of the text around a regex match, for validators: never more than `reach` characters on each
 * side and never past a line break, so a validator costs O(reach) per candidate whatever the line length.
 */

/** The text on the match's line within `reach` characters before the match's start. */
export function lineBefore(match: RegExpExecArray | undefined, reach: number): string {
  if (!match) return '';
  const s = match.input;
  const stop = Math.max(0, match.index - reach);
  let from = match.index;
  while (from > stop && s.charCodeAt(from - 1) !== 10) from--;
  return s.slice(from, match.index);
}

/** The text on the match's line within `reach` characters after the match's end. */
export function lineAfter(match: RegExpExecArray | undefined, reach: number): string {
  if (!match) return '';
  const s = match.input;
  const start = match.index + match[0].length;
  const stop = Math.min(s.length, start + reach);
  let to = start;
  while (to < stop && s.charCodeAt(to) !== 10) to++;
  return s.slice(start, to);
}
