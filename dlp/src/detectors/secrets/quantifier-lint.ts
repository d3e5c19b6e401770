/**
 * Static linear-safety lint for detector patterns: reports unbounded quantifiers (`+`, `*`, `{n,}`) and nested
 * quantifiers (a group whose content can vary in length, itself repeated more than once).
 */

interface Quantifier {
  min: number;
  max: number;
  length: number;
}

const QUANTIFIER = /^(?:\{(\d+)(?:(,)(\d*))?\}|\?|\+|\*)\??/;

function readQuantifier(source: string, at: number): Quantifier | null {
  const m = QUANTIFIER.exec(source.slice(at));
  if (!m) return null;
  const text = m[0];
  if (text.startsWith('+')) return { min: 1, max: Number.POSITIVE_INFINITY, length: text.length };
  if (text.startsWith('*')) return { min: 0, max: Number.POSITIVE_INFINITY, length: text.length };
  if (text.startsWith('?')) return { min: 0, max: 1, length: text.length };
  const min = Number(m[1]);
  let max = min;
  if (m[2]) max = m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
  return { min, max, length: text.length };
}

/** Length of the group opener at `at` (`(`, `(?:`, `(?<name>`, `(?=`, `(?!`, `(?<=`, `(?<!`). */
function groupOpenerLength(source: string, at: number): number {
  if (source[at + 1] !== '?') return 1;
  const rest = source.slice(at + 2);
  if (rest.startsWith('<=') || rest.startsWith('<!')) return 4;
  if (rest.startsWith('<')) return 3 + rest.indexOf('>');
  return 3;
}

/** Problems found in a pattern source; empty when every quantifier is bounded and none is nested. */
export function quantifierProblems(source: string): string[] {
  const problems: string[] = [];
  const stack: { variable: boolean }[] = [{ variable: false }];
  const top = () => stack[stack.length - 1] as { variable: boolean };
  const apply = (q: Quantifier, at: number, groupVariable: boolean) => {
    if (q.max === Number.POSITIVE_INFINITY) problems.push(`unbounded quantifier at ${at}`);
    if (groupVariable && q.max > 1) problems.push(`nested quantifier at ${at}`);
    if (groupVariable || q.min !== q.max) top().variable = true;
  };
  let inClass = false;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      i++;
      continue;
    }
    if (c === '(') {
      stack.push({ variable: false });
      i += groupOpenerLength(source, i);
      continue;
    }
    if (c === ')') {
      const group = stack.length > 1 ? (stack.pop() as { variable: boolean }) : { variable: false };
      i++;
      const q = readQuantifier(source, i);
      if (q) {
        apply(q, i, group.variable);
        i += q.length;
      } else if (group.variable) {
        top().variable = true;
      }
      continue;
    }
    const q = readQuantifier(source, i);
    if (q) {
      apply(q, i, false);
      i += q.length;
      continue;
    }
    i++;
  }
  return problems;
}
