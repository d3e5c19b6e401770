/**
 * Static facts about a detector's pattern that let the prefilter search less text: the longest match the pattern
 * can make, and the literal strings every match starts with. A pattern whose every match starts with one of its
 * trigger keywords only needs to be run from each keyword hit up to its longest match.
 */

interface Quantifier {
  min: number;
  max: number;
}

type Node =
  | { t: 'char'; c: string; q?: Quantifier }
  | { t: 'set'; q?: Quantifier }
  | { t: 'zero'; q?: Quantifier }
  | { t: 'ref'; name: string; q?: Quantifier }
  | { t: 'group'; alts: Node[][]; name?: string; q?: Quantifier };

const CONTROL: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
/** Longest literal prefix kept, and most prefixes tracked, before giving up on a pattern. */
const MAX_PREFIX = 40;
const MAX_PREFIXES = 64;

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  alternatives(): Node[][] {
    const alts: Node[][] = [[]];
    while (this.i < this.s.length && this.s[this.i] !== ')') {
      if (this.s[this.i] === '|') {
        this.i++;
        alts.push([]);
        continue;
      }
      const atom = this.atom();
      const q = this.quantifier();
      if (q) atom.q = q;
      alts[alts.length - 1]!.push(atom);
    }
    return alts;
  }

  private atom(): Node {
    const s = this.s;
    const c = s[this.i++]!;
    if (c === '\\') return this.escape();
    if (c === '.') return { t: 'set' };
    if (c === '^' || c === '$') return { t: 'zero' };
    if (c === '[') {
      const from = this.i;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++;
      // `[Cc]`: one letter in either case is a literal for a case-insensitive prefilter.
      const body = s.slice(from, this.i - 1);
      const caseless = body.length === 2 && body[0] !== body[1] && body[0]!.toLowerCase() === body[1]!.toLowerCase();
      return caseless && /[a-z]/i.test(body[0]!) ? { t: 'char', c: body[0]!.toLowerCase() } : { t: 'set' };
    }
    if (c !== '(') return { t: 'char', c };
    let name: string | undefined;
    let zero = false;
    if (s[this.i] === '?') {
      const head = s.slice(this.i, this.i + 3);
      if (head.startsWith('?:')) this.i += 2;
      else if (/^\?<?[=!]/.test(head)) {
        zero = true;
        this.i += s[this.i + 1] === '<' ? 3 : 2;
      } else if (head.startsWith('?<')) {
        const close = s.indexOf('>', this.i);
        name = s.slice(this.i + 2, close);
        this.i = close + 1;
      } else this.i++;
    }
    const alts = this.alternatives();
    this.i++;
    return zero ? { t: 'zero' } : { t: 'group', alts, name };
  }

  private escape(): Node {
    const s = this.s;
    const c = s[this.i++] ?? '';
    if ('dDwWsS'.includes(c)) return { t: 'set' };
    if (c === 'b' || c === 'B') return { t: 'zero' };
    if (c === 'k' && s[this.i] === '<') {
      const close = s.indexOf('>', this.i);
      const name = s.slice(this.i + 1, close);
      this.i = close + 1;
      return { t: 'ref', name };
    }
    if (/[1-9]/.test(c)) return { t: 'ref', name: '' };
    if ((c === 'p' || c === 'P') && s[this.i] === '{') {
      this.i = s.indexOf('}', this.i) + 1;
      return { t: 'set' };
    }
    if (c === 'x' || c === 'u') {
      const hex =
        c === 'x'
          ? /^[0-9a-fA-F]{2}/.exec(s.slice(this.i))
          : /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]{1,6}\})/.exec(s.slice(this.i));
      if (!hex) return { t: 'char', c };
      this.i += hex[0].length;
      return { t: 'char', c: String.fromCodePoint(Number.parseInt(hex[0].replace(/[{}]/g, ''), 16)) };
    }
    if (c === 'c') return { t: 'set' };
    return { t: 'char', c: CONTROL[c] ?? c };
  }

  private quantifier(): Quantifier | undefined {
    const s = this.s;
    const c = s[this.i];
    let q: Quantifier | undefined;
    if (c === '*') q = { min: 0, max: Number.POSITIVE_INFINITY };
    else if (c === '+') q = { min: 1, max: Number.POSITIVE_INFINITY };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i, this.i + 16));
      if (!m) return undefined;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      this.i += m[0].length - 1;
      q = { min, max };
    }
    if (!q) return undefined;
    this.i++;
    if (s[this.i] === '?') this.i++;
    return q;
  }
}

function longest(alts: readonly Node[][], groups: Map<string, number>): number {
  let best = 0;
  for (const seq of alts) {
    let sum = 0;
    for (const n of seq) {
      let one: number;
      if (n.t === 'zero') one = 0;
      else if (n.t === 'char' || n.t === 'set') one = 1;
      else if (n.t === 'ref') one = groups.get(n.name) ?? Number.POSITIVE_INFINITY;
      else {
        one = longest(n.alts, groups);
        if (n.name) groups.set(n.name, one);
      }
      sum += one * (n.q ? n.q.max : 1);
    }
    best = Math.max(best, Number.isNaN(sum) ? Number.POSITIVE_INFINITY : sum);
  }
  return best;
}

/** Longest match (UTF-16 units) a pattern can make; Infinity when unbounded or not known. */
export function maxMatchLength(source: string): number {
  const parser = new Parser(source);
  const alts = parser.alternatives();
  if (parser.i < source.length) return Number.POSITIVE_INFINITY;
  return longest(alts, new Map());
}

/** Literal prefixes of `seq` from `i` on, extending each of `acc`; null when there are too many to track. */
function prefixes(seq: readonly Node[], i: number, acc: string[]): string[] | null {
  let out = acc;
  for (; i < seq.length; i++) {
    const n = seq[i]!;
    if (out.every((p) => p.length >= MAX_PREFIX)) return out;
    if (n.t === 'zero' && !n.q) continue;
    if (n.t === 'char' && !n.q) {
      out = out.map((p) => p + n.c);
      continue;
    }
    if (n.t !== 'group' || n.q) return out;
    const rest = seq.slice(i + 1);
    const all: string[] = [];
    for (const alt of n.alts) {
      const sub = prefixes([...alt, ...rest], 0, out);
      if (sub === null || all.length + sub.length > MAX_PREFIXES) return null;
      all.push(...sub);
    }
    return all;
  }
  return out;
}

/** The literal strings (lowercased) every match of the pattern starts with; null when unknown. */
export function literalStarts(source: string): string[] | null {
  const parser = new Parser(source);
  const alts = parser.alternatives();
  if (parser.i < source.length) return null;
  const found = prefixes([{ t: 'group', alts }], 0, ['']);
  return found === null ? null : found.map((p) => p.toLowerCase());
}

/**
 * Where a match can lie around a keyword hit. When every match of `pattern` starts with a literal that holds one
 * of `keywords` (case-insensitive) at most `before` characters in, and the match length is bounded by `length`,
 * a keyword hit at `at` only needs the text from `at - before` to `at + length`. Otherwise null.
 */
export function keywordSpan(pattern: RegExp, keywords: readonly string[]): { before: number; length: number } | null {
  const starts = literalStarts(pattern.source);
  if (starts === null || starts.length === 0) return null;
  const lower = keywords.map((k) => k.toLowerCase()).filter((k) => k.length > 0);
  let before = 0;
  for (const p of starts) {
    const offsets = lower.map((k) => p.indexOf(k)).filter((o) => o >= 0);
    if (offsets.length === 0) return null;
    before = Math.max(before, Math.min(...offsets));
  }
  const length = maxMatchLength(pattern.source);
  return Number.isFinite(length) ? { before, length } : null;
}
