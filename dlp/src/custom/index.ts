import type { Detector } from '../types.ts';
import { createDictionaryMatcher, type DictionaryMatcher } from './dictionary.ts';
import { assertLinearSafe } from './regex-safety.ts';
import { type CustomDetectorSpec, type CustomDetectorsSpec, customDetectorsSchema } from './spec.ts';

export { createDictionaryMatcher, type DictionaryMatcher, hashDictionaryTerm, normaliseTerm } from './dictionary.ts';
export { assertLinearSafe, findRegexProblems, MAX_PATTERN_LENGTH, type RegexProblem } from './regex-safety.ts';
export { type CustomDetectorSpec, type CustomDetectorsSpec, customDetectorsSchema } from './spec.ts';

/** Compiled custom detectors: regular detectors for the scanner plus hashed-dictionary matchers. */
export interface CompiledCustom {
  detectors: Detector[];
  dictionaries: DictionaryMatcher[];
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function keywordDetector(s: Extract<CustomDetectorSpec, { kind: 'keywords' }>): Detector {
  const terms = [...new Set(s.terms)].sort((a, b) => b.length - a.length).map(escapeRegex);
  const body = `(?:${terms.join('|')})`;
  const source = s.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return {
    id: s.id,
    name: s.name ?? s.id,
    category: s.category,
    description: s.description ?? `Custom keyword list (${s.terms.length} terms).`,
    trigger: { keywords: s.terms },
    pattern: new RegExp(source, 'giu'),
    confidence: s.confidence,
    examples: { positive: [s.terms[0]!], negative: [] },
  };
}

function regexDetector(s: Extract<CustomDetectorSpec, { kind: 'regex' }>): Detector {
  const label = `custom regex "${s.id}"`;
  assertLinearSafe(s.pattern, label);
  let pattern: RegExp;
  try {
    pattern = new RegExp(s.pattern, `${s.flags.replace(/g/g, '')}g`);
  } catch (error) {
    throw new Error(`${label}: invalid regular expression (${(error as Error).message})`);
  }
  if (pattern.test('')) throw new Error(`${label}: pattern matches the empty string`);
  return {
    id: s.id,
    name: s.name ?? s.id,
    category: s.category,
    description: s.description ?? 'Custom regular expression.',
    trigger: s.keywords && s.keywords.length > 0 ? { keywords: s.keywords } : { always: true },
    pattern,
    confidence: s.confidence,
    ...(s.context ? { context: s.context } : {}),
    requiresContext: s.requiresContext,
    examples: { positive: [], negative: [] },
  };
}

/**
 * Validates a policy's custom detectors (zod) and compiles them. Throws an `Error` naming the entry and the
 * problem: schema errors, regexes that are not linear-safe, too long, invalid or matching the empty string.
 */
export function compileCustomDetectors(spec: CustomDetectorsSpec): CompiledCustom {
  const parsed = customDetectorsSchema.safeParse(spec);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid custom detectors: ${issues}`);
  }
  const out: CompiledCustom = { detectors: [], dictionaries: [] };
  for (const s of parsed.data) {
    if (s.kind === 'keywords') out.detectors.push(keywordDetector(s));
    else if (s.kind === 'regex') out.detectors.push(regexDetector(s));
    else out.dictionaries.push(createDictionaryMatcher(s));
  }
  return out;
}
