import { hashValue } from '../engine/mask.ts';
import type { Confidence, DlpCategory } from '../types.ts';

/** A custom exact-match dictionary: finds terms whose salted hash is listed, without holding the terms. */
export interface DictionaryMatcher {
  id: string;
  category: DlpCategory;
  confidence: Confidence;
  find(text: string): { start: number; end: number; value: string }[];
}

/** Normalises a dictionary term: NFKC, lowercase, single spaces. */
export function normaliseTerm(term: string): string {
  return term
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .split(/\s{1,100}/u)
    .join(' ');
}

/** The hash a policy author lists for a dictionary term: hex SHA-256 of salt + normalised term. */
export function hashDictionaryTerm(salt: string, term: string): string {
  return hashValue(salt, normaliseTerm(term));
}

const TOKEN = /[\p{L}\p{N}]{1,64}(?:[_@.'-][\p{L}\p{N}]{1,64}){0,8}/gu;

interface DictionaryOptions {
  id: string;
  category: DlpCategory;
  confidence: Confidence;
  salt: string;
  hashes: readonly string[];
  maxWords: number;
  minLength: number;
  maxLength: number;
}

/** Builds a matcher that hashes every token and n-gram (up to `maxWords`) of a text and looks it up. */
export function createDictionaryMatcher(o: DictionaryOptions): DictionaryMatcher {
  const wanted = new Set(o.hashes.map((h) => h.toLowerCase()));
  return {
    id: o.id,
    category: o.category,
    confidence: o.confidence,
    find(text) {
      const hits: { start: number; end: number; value: string }[] = [];
      const recent: { start: number; end: number; word: string }[] = [];
      const re = new RegExp(TOKEN.source, TOKEN.flags);
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        recent.push({ start: m.index, end: m.index + m[0].length, word: m[0].toLowerCase() });
        if (recent.length > o.maxWords) recent.shift();
        let term = '';
        for (let k = recent.length - 1; k >= 0; k--) {
          term = term === '' ? recent[k]!.word : `${recent[k]!.word} ${term}`;
          if (term.length > o.maxLength) break;
          if (term.length < o.minLength) continue;
          if (wanted.has(hashValue(o.salt, term.normalize('NFKC')))) {
            const start = recent[k]!.start;
            const end = recent[recent.length - 1]!.end;
            hits.push({ start, end, value: text.slice(start, end) });
          }
        }
      }
      return hits;
    },
  };
}
