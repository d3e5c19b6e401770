import { type CustomDetectorsSpec, compileCustomDetectors, type DictionaryMatcher } from '../custom/index.ts';
import type { Confidence, Detector, Finding } from '../types.ts';
import { hasContext, LEVELS, rank, scoreCandidate } from './confidence.ts';
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

/** Cost of one region's regex call, in characters scanned: decides per region vs one whole-text pass. */
const REGION_COST = 400;

function prepare(pattern: RegExp): RegExp {
  let flags = pattern.flags;
  if (!flags.includes('g')) flags += 'g';
  if (!flags.includes('d')) flags += 'd';
  flags = flags.replace('y', '');
  return new RegExp(pattern.source, flags);
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
  const patterns = detectors.map((d) => prepare(d.pattern));
  const prefilter = compilePrefilter(detectors);
  const { salt } = options;

  function collect(index: number, text: string, regions: number[], min: number, out: Candidate[]): void {
    const d = detectors[index]!;
    const re = patterns[index]!;
    const n = text.length;
    const needsContext = d.requiresContext === true && min > 0;
    let covered = 0;
    for (let r = 0; r < regions.length; r += 2) covered += regions[r + 1]! - regions[r]!;
    const consider = (m: RegExpExecArray, offset: number) => {
      const span = m.indices?.groups?.value ?? m.indices![0]!;
      const value = m.groups?.value ?? m[0];
      if (value.length === 0) return;
      const start = span[0] + offset;
      const end = span[1] + offset;
      // Without a context word such a detector tops out at low: skip its validator when low is not wanted.
      if (needsContext && !hasContext(d, text, start, end)) return;
      try {
        if (d.validate && !d.validate(value, m)) return;
        const level = scoreCandidate(d, text, value, start, end, m);
        if (level < 0) return;
        const context = hasContext(d, text, start, end);
        out.push({ detector: index, start, end, value, level, generic: d.generic === true, context });
      } catch {
        // A failing validator drops only its own candidate; the other detectors keep running.
      }
    };
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
      const slice = text.slice(from, regions[r + 1]!);
      re.lastIndex = 0;
      for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
        if (m[0].length === 0) re.lastIndex++;
        consider(m, from);
      }
    }
  }

  return {
    detectors,
    scan(text, scanOptions = {}) {
      const min = rank(scanOptions.minConfidence ?? 'medium');
      if (text.length === 0) return [];
      const candidates: Candidate[] = [];
      for (const [index, regions] of prefilter.regions(text)) collect(index, text, regions, min, candidates);
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
          hash: hashValue(salt, c.value),
        };
      });
    },
  };
}
