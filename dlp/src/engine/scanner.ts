import { type CustomDetectorsSpec, compileCustomDetectors, type DictionaryMatcher } from '../custom/index.ts';
import type { Confidence, Detector, Finding } from '../types.ts';
import { collect, compileDetector } from './collect.ts';
import { LEVELS, rank } from './confidence.ts';
import { createLineIndex } from './lines.ts';
import { hashValue, maskValue } from './mask.ts';
import { compilePrefilter } from './prefilter.ts';
import { type Candidate, resolveOverlaps } from './resolve.ts';

export interface ScannerOptions {
  detectors: readonly Detector[];
  /** Custom detectors from policy (keyword lists, hashed dictionaries, checked regexes). */
  custom?: CustomDetectorsSpec;
  /** Salt for the value hashes in findings. */
  salt: string;
}

export interface ScanOptions {
  /** Lowest confidence reported; default `medium`. */
  minConfidence?: Confidence;
}

export interface Scanner {
  readonly detectors: readonly Detector[];
  /** Findings in `text` at or above the minimum confidence, sorted by start; never the raw values. */
  scan(text: string, options?: ScanOptions): Finding[];
}

/** Builds a scanner over the given detectors; throws on duplicate ids or an invalid custom spec. */
export function createScanner(options: ScannerOptions): Scanner {
  const custom = options.custom
    ? compileCustomDetectors(options.custom)
    : { detectors: [] as Detector[], dictionaries: [] as DictionaryMatcher[] };
  const detectors = [...options.detectors, ...custom.detectors];
  const seen = new Set<string>();
  for (const d of [...detectors, ...custom.dictionaries]) {
    if (seen.has(d.id)) throw new Error(`duplicate detector id "${d.id}"`);
    seen.add(d.id);
  }
  const compiled = detectors.map(compileDetector);
  const prefilter = compilePrefilter(detectors);
  const { salt } = options;

  return {
    detectors,
    scan(text, scanOptions = {}) {
      const min = rank(scanOptions.minConfidence ?? 'medium');
      if (text.length === 0) return [];
      const candidates: Candidate[] = [];
      const contexts = new Map<number, number[]>();
      const hits = new Map<number, number[]>();
      for (const [index, regions] of prefilter.regions(text, contexts, hits)) {
        collect(compiled[index]!, text, regions, contexts.get(index), min, candidates, hits.get(index));
      }
      for (const dict of custom.dictionaries) {
        for (const hit of dict.find(text)) {
          const level = rank(dict.confidence);
          candidates.push({
            detector: -1 - custom.dictionaries.indexOf(dict),
            ...hit,
            level,
            generic: false,
            context: false,
          });
        }
      }
      const kept = resolveOverlaps(candidates.filter((c) => c.level >= min));
      const position = createLineIndex(text);
      // A value repeated in the text is hashed once.
      const hashes = new Map<string, string>();
      const hashOf = (value: string): string => {
        let h = hashes.get(value);
        if (h === undefined) {
          h = hashValue(salt, value);
          hashes.set(value, h);
        }
        return h;
      };
      return kept.map((c) => {
        const source = c.detector >= 0 ? detectors[c.detector]! : custom.dictionaries[-1 - c.detector]!;
        return {
          detector: source.id,
          category: source.category,
          confidence: LEVELS[c.level]!,
          start: c.start,
          end: c.end,
          ...position(c.start),
          masked: maskValue(c.value),
          hash: hashOf(c.value),
        };
      });
    },
  };
}
