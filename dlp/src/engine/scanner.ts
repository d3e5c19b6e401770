import { type CustomDetectorsSpec, compileCustomDetectors, type DictionaryMatcher } from '../custom/index.ts';
import type { Confidence, Detector, Finding } from '../types.ts';
import { LEVELS, rank, scoreCandidate } from './confidence.ts';
import { compileContext, findContext, hasHitAround, regionsNearHits } from './context-index.ts';
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

const DEFAULT_CONTEXT_WINDOW = 300;

/** The pattern with `g` and `d` (match indices), and with `y` too when `sticky` (to re-check one position). */
function prepare(pattern: RegExp, sticky: boolean): RegExp {
  let flags = pattern.flags.replace('y', '');
  if (!flags.includes('g')) flags += 'g';
  if (!flags.includes('d')) flags += 'd';
  return new RegExp(pattern.source, sticky ? `${flags}y` : flags);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11;
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
  const patterns = detectors.map((d) => prepare(d.pattern, false));
  const stickies = detectors.map((d) => prepare(d.pattern, true));
  const contexts = detectors.map(compileContext);
  const prefilter = compilePrefilter(detectors);
  const { salt } = options;

  function collect(
    index: number,
    text: string,
    found: number[],
    contextHits: number[] | undefined,
    min: number,
    out: Candidate[],
  ): void {
    const d = detectors[index]!;
    const re = patterns[index]!;
    const contextRe = contexts[index]!;
    const reach = d.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
    const n = text.length;
    // Context hits: all of them up front for a detector that requires context, else per region on demand.
    let hits: number[] | null = null;
    let hitsRegion = -1;
    const contextAround = (start: number, end: number, r: number): boolean => {
      if (contextRe === null) return false;
      if (!needsContext && hitsRegion !== r) {
        const wide = r < 0 || regions[r + 1]! - regions[r]! > 4 * reach;
        hits = findContext(contextRe, text, wide ? [start, end] : [regions[r]!, regions[r + 1]!], reach);
        hitsRegion = wide ? -1 : r;
      }
      return hasHitAround(hits!, start, end, reach);
    };
    // Without a context word such a detector tops out at low: when low is not wanted, skip regions without one.
    const needsContext = d.requiresContext === true && min > 0;
    let regions = found;
    if (needsContext) {
      // The prefilter found this detector's context words in its pass over the text.
      if (contextHits === undefined) return;
      hits = contextHits;
      regions = regionsNearHits(found, hits, reach);
    }
    if (regions.length === 0) return;
    let covered = 0;
    for (let r = 0; r < regions.length; r += 2) covered += regions[r + 1]! - regions[r]!;
    const consider = (m: RegExpExecArray, offset: number, r: number) => {
      const span = m.indices?.groups?.value ?? m.indices![0]!;
      const value = m.groups?.value ?? m[0];
      if (value.length === 0) return;
      const start = span[0] + offset;
      const end = span[1] + offset;
      const context = contextAround(start, end, r);
      if (needsContext && !context) return;
      try {
        if (d.validate && !d.validate(value, m)) return;
        const level = scoreCandidate(d, text, value, start, end, context, m);
        if (level < 0) return;
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
        if (r < regions.length && m.index >= regions[r]!) consider(m, 0, r);
      }
      return;
    }
    const sticky = stickies[index]!;
    for (let r = 0; r < regions.length; r += 2) {
      const from = regions[r]!;
      const to = regions[r + 1]!;
      const slice = text.slice(from, to);
      re.lastIndex = 0;
      for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
        if (m[0].length === 0) re.lastIndex++;
        const cut = (m.index === 0 && from > 0) || (m.index + m[0].length === slice.length && to < n && !isSpace(text.charCodeAt(to)));
        if (!cut) {
          consider(m, from, r);
          continue;
        }
        // A match at a cut edge of its region may owe its lookarounds or anchors to the cut: re-check it in the text.
        sticky.lastIndex = from + m.index;
        const whole = sticky.exec(text);
        if (whole !== null) consider(whole, 0, r);
      }
    }
  }

  return {
    detectors,
    scan(text, scanOptions = {}) {
      const min = rank(scanOptions.minConfidence ?? 'medium');
      if (text.length === 0) return [];
      const candidates: Candidate[] = [];
      const contexts = new Map<number, number[]>();
      for (const [index, regions] of prefilter.regions(text, contexts)) {
        collect(index, text, regions, contexts.get(index), min, candidates);
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
