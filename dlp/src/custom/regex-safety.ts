/** Longest custom regex source accepted. */
export const MAX_PATTERN_LENGTH = 1000;

/** One construct that can make a backtracking regex engine take more than linear time. */
export interface RegexProblem {
  problem: string;
  /** Offset in the pattern source where the construct starts. */
  at: number;
}

interface Frame {
  start: number;
  lookaround: boolean;
  unbounded: boolean;
}

/** Reads a quantifier at `i`; returns its max (Infinity for unbounded) and its length, or null. */
function readQuantifier(source: string, i: number): { max: number; length: number } | null {
  const c = source[i];
  let max: number;
  let length: number;
  if (c === '*' || c === '+') {
    max = Number.POSITIVE_INFINITY;
    length = 1;
  } else if (c === '?') {
    max = 1;
    length = 1;
  } else if (c === '{') {
    const m = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(source.slice(i, i + 16));
    if (!m) return null;
    max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    length = m[0].length;
  } else return null;
  if (source[i + length] === '?') length++;
  return { max, length };
}

/**
 * Finds constructs that are not linear-safe: nested unbounded quantifiers (`(a+)+`, `(a*){2,9}`), backreferences,
 * and lookarounds holding an unbounded quantifier. Returns an empty list for a safe pattern.
 */
export function findRegexProblems(source: string): RegexProblem[] {
  const problems: RegexProblem[] = [];
  const stack: Frame[] = [{ start: 0, lookaround: false, unbounded: false }];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let atomEnd = i + 1;
    let closed: Frame | null = null;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) {
        problems.push({ problem: 'backreference', at: i });
      }
      atomEnd = i + 2;
      if ((next === 'u' || next === 'x' || next === 'p' || next === 'P') && source[i + 2] === '{') {
        atomEnd = source.indexOf('}', i) + 1 || i + 2;
      }
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atomEnd = j + 1;
    } else if (c === '(') {
      const lookaround = /^\(\?<?[=!]/.test(source.slice(i, i + 4));
      stack.push({ start: i, lookaround, unbounded: false });
      if (source[i + 1] !== '?') i += 1;
      else if (lookaround) i += source[i + 2] === '<' ? 4 : 3;
      else if (source[i + 2] === ':') i += 3;
      else if (source[i + 2] === '<') i = source.indexOf('>', i) + 1 || i + 3;
      else i += 2;
      continue;
    } else if (c === ')') {
      closed = stack.length > 1 ? stack.pop()! : null;
      if (closed?.lookaround && closed.unbounded) {
        problems.push({ problem: 'lookaround containing an unbounded quantifier', at: closed.start });
      }
    }
    const q = readQuantifier(source, atomEnd);
    const top = stack[stack.length - 1]!;
    if (closed) {
      if (q && closed.unbounded && q.max > 1) {
        problems.push({ problem: 'nested unbounded quantifier', at: closed.start });
      }
      if (closed.unbounded || (q && q.max === Number.POSITIVE_INFINITY)) top.unbounded = true;
    } else if (q && q.max === Number.POSITIVE_INFINITY) top.unbounded = true;
    i = atomEnd + (q ? q.length : 0);
  }
  return problems;
}

/** Throws a clear error naming the problem when a custom regex is not linear-safe or too long. */
export function assertLinearSafe(source: string, label: string): void {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new Error(`${label}: pattern is ${source.length} characters long; at most ${MAX_PATTERN_LENGTH} allowed`);
  }
  const [first] = findRegexProblems(source);
  if (first) {
    const excerpt = source.slice(first.at, first.at + 24);
    throw new Error(`${label}: ${first.problem} at offset ${first.at} ("${excerpt}") is not linear-safe`);
  }
}
