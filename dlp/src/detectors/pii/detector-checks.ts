/** Engine-independent checks of detectors, shared by the tests of the pii, financial, health and confidential folders. */
import type { Detector } from '../../types.ts';

export interface Candidate {
  value: string;
  match: RegExpExecArray;
}

/** Every match of the detector's pattern in `text` (the `value` group when present). */
export function matchesOf(d: Detector, text: string): Candidate[] {
  const re = new RegExp(d.pattern.source, d.pattern.flags);
  const out: Candidate[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ value: m.groups?.value ?? m[0], match: m });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Matches that also pass `validate`. */
export function validatedMatches(d: Detector, text: string): Candidate[] {
  return matchesOf(d, text).filter((c) => !d.validate || d.validate(c.value, c.match));
}

/** True when a context word of the detector occurs in `text` (not right after a letter, like the engine). */
export function hasContextWord(d: Detector, text: string): boolean {
  const lower = text.toLowerCase();
  return (d.context ?? []).some((w) => {
    const word = w.toLowerCase();
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (at === 0 || !/[a-z]/i.test(lower[at - 1] ?? '')) return true;
    }
    return false;
  });
}

/** Problems with the pattern's quantifiers: unbounded `*`, `+`, `{n,}`, or a quantified group holding a quantifier. */
export function quantifierProblems(source: string): string[] {
  const problems: string[] = [];
  const stack: boolean[] = [];
  let inClass = false;
  let lastGroupHadQuantifier = false;
  const quantifierAt = (i: number): string | null => {
    const c = source[i];
    if (c === '*' || c === '+') return c;
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m) return m[0];
    }
    if (c === '?') return '?';
    return null;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      if (source[i + 1] === '?') i++;
      continue;
    }
    if (c === ')') {
      lastGroupHadQuantifier = stack.pop() ?? false;
      const q = quantifierAt(i + 1);
      if (q && q !== '?' && lastGroupHadQuantifier) problems.push(`nested quantifier after group at ${i}`);
      if (q && stack.length > 0 && q !== '?') stack[stack.length - 1] = true;
      if (lastGroupHadQuantifier && stack.length > 0) stack[stack.length - 1] = true;
      continue;
    }
    const q = quantifierAt(i);
    if (q === null) continue;
    if (q === '*' || q === '+') problems.push(`unbounded ${q} at ${i}`);
    else if (/,\}$/.test(q)) problems.push(`unbounded ${q} at ${i}`);
    if (q !== '?' && stack.length > 0) stack[stack.length - 1] = true;
    if (q.startsWith('{')) i += q.length - 1;
    else if (source[i + 1] === '?') i++;
  }
  return problems;
}

/** Changes the last digit of a value (keeps the shape, breaks a check digit at the end). */
export function bumpLastDigit(value: string): string {
  for (let i = value.length - 1; i >= 0; i--) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) return value.slice(0, i) + String((c - 48 + 1) % 10) + value.slice(i + 1);
  }
  return value;
}

/** Changes the first digit at or after `from`. */
export function bumpDigitFrom(value: string, from: number): string {
  for (let i = from; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) return value.slice(0, i) + String((c - 48 + 1) % 10) + value.slice(i + 1);
  }
  return value;
}

/** Worst time (ms) of the pattern over a set of long adversarial inputs built from the characters it accepts. */
export function worstTimeMs(d: Detector, size = 20000): number {
  const units = ['1', '1-', '1 ', 'A1', 'AB12', '<', 'A<', 'aB3', '0x', 'bc1q', 'x.', 'CONFIDENTIAL ', 'passport 1'];
  let worst = 0;
  for (const u of units) {
    const text = u.repeat(Math.ceil(size / u.length));
    const re = new RegExp(d.pattern.source, d.pattern.flags);
    const t0 = performance.now();
    for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m[0].length === 0) re.lastIndex++;
    worst = Math.max(worst, performance.now() - t0);
  }
  return worst;
}

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
