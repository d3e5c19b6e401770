import type { Faker } from '@faker-js/faker';
import { codeBlock, configBlock, logLine, seededFaker } from '../../bench/texts.ts';
import { allDetectors } from '../../src/detectors/index.ts';
import { seedGenerators } from '../../src/detectors/pii/random.ts';
import type { Detector, DlpCategory } from '../../src/types.ts';
import { valueGenerators } from './generators.ts';
import { hardNegatives } from './negatives.ts';
import { int, pick, random, withSeededRandom } from './random.ts';

/** A planted sensitive value: which detector's generator made it and where it sits. */
export interface Planted {
  detector: string;
  category: DlpCategory;
  start: number;
  end: number;
}

/** Planted values per category at least. */
const MIN_PER_CATEGORY = 150;

export type DocKind = 'prompt' | 'code' | 'config' | 'log';

/** One labelled document of the corpus. */
export interface CorpusDoc {
  kind: DocKind;
  text: string;
  planted: Planted[];
}

class DocWriter {
  text = '';
  planted: Planted[] = [];
  line(s: string): void {
    this.text += `${s}\n`;
  }
  plant(before: string, value: string, after: string, d: Detector): void {
    this.text += before;
    const start = this.text.length;
    this.text += value;
    this.planted.push({ detector: d.id, category: d.category, start, end: this.text.length });
    this.text += `${after}\n`;
  }
}

function filler(f: Faker, kind: DocKind): string {
  if (kind === 'prompt') return `${f.hacker.phrase()} ${f.commerce.productDescription()}`;
  if (kind === 'code') return codeBlock(f).trimEnd();
  if (kind === 'config') return configBlock(f).trimEnd();
  return logLine(f).trimEnd();
}

/** Lead-in and tail around a planted value, in the style of the document. */
function frame(f: Faker, kind: DocKind, label: string): [string, string] {
  if (kind === 'prompt') {
    return [
      pick([`Can you check why this fails? ${label} `, `${f.person.firstName()} sent me this ${label} `, `${label} `]),
      pick([' — is that expected?', '', ' (from the ticket)']),
    ];
  }
  if (kind === 'code') return [pick([`// ${label} `, `# ${label} `]), ''];
  if (kind === 'config') return [`${label} `, ''];
  return [`${f.date.recent().toISOString()} INFO ${label} `, ` user=${f.internet.username()}`];
}

/** Lead-ins taken from the detector's own positive examples: the line text before the matched value. */
function exampleLabels(d: Detector): string[] {
  const labels: string[] = [];
  for (const example of d.examples.positive) {
    const re = new RegExp(d.pattern.source, d.pattern.flags.replace('g', ''));
    const m = re.exec(example);
    if (!m) continue;
    const value = m.groups?.value ?? m[0];
    const at = m.index + m[0].indexOf(value);
    const line = example
      .slice(example.lastIndexOf('\n', at - 1) + 1, at)
      .slice(-40)
      .trimStart();
    // Lead-ins that carry values of their own (an e-mail, a number) would plant unlabelled findings.
    const clean = !/["'`]$/.test(line) && !line.includes('@') && !/\d{4}/.test(line);
    if (line.trim().length > 0 && clean) labels.push(line.trimEnd());
  }
  return labels;
}

/** True when the detector's own pattern reads exactly `value` after `label`. */
function readsValue(d: Detector, label: string, value: string): boolean {
  const re = new RegExp(d.pattern.source, d.pattern.flags.replace('g', ''));
  const m = re.exec(`${label} ${value}`);
  return m !== null && (m.groups?.value ?? m[0]) === value && d.validate?.(value, m) !== false;
}

function plantLabel(d: Detector, value: string): string {
  const fromExamples = exampleLabels(d).filter((label) => readsValue(d, label, value));
  const useExample = fromExamples.length > 0 && random() < 0.7;
  const words = d.context ?? [];
  // Confidentiality labels as lead-ins would be findings of their own.
  const useContext = words.length > 0 && d.category !== 'confidential' && (d.requiresContext || random() < 0.6);
  let label = useExample ? pick(fromExamples) : `${useContext ? pick(words) : pick(['value', 'here', 'see', 'got'])}:`;
  // A keyword trigger that neither the value nor the label carries must stand nearby, or the pattern never runs.
  if ('keywords' in d.trigger && d.trigger.keywords.length > 0) {
    const near = `${label} ${value}`.toLowerCase();
    if (!d.trigger.keywords.some((k) => near.includes(k.toLowerCase()))) {
      const keyword = pick(d.trigger.keywords);
      label = useExample ? `${keyword} ${label}` : `${label.slice(0, -1)} ${keyword}:`;
    }
  }
  return label;
}

/**
 * Builds the labelled corpus: every detector with a generator plants `perDetector` values into prompts, code,
 * configs and logs, between realistic filler and hard negatives. Deterministic for a given seed.
 */
export function buildCorpus(options: { seed?: number; perDetector?: number } = {}): CorpusDoc[] {
  const seedValue = options.seed ?? 20_240_611;
  const perDetector = options.perDetector ?? 4;
  return withSeededRandom(seedValue, () => {
    const f = seededFaker(seedValue);
    seedGenerators(seedValue);
    const plants: { d: Detector; value: string }[] = [];
    const withGenerator = allDetectors.filter((d) => valueGenerators[d.id]);
    for (const d of withGenerator) {
      // Small categories plant more per detector, so one miss cannot swing their figures.
      const inCategory = withGenerator.filter((x) => x.category === d.category).length;
      const count = Math.max(perDetector, Math.ceil(MIN_PER_CATEGORY / inCategory));
      for (let i = 0; i < count; i++) plants.push({ d, value: valueGenerators[d.id]!() });
    }
    for (let i = plants.length - 1; i > 0; i--) {
      const j = int(0, i);
      [plants[i], plants[j]] = [plants[j]!, plants[i]!];
    }
    const docs: CorpusDoc[] = [];
    while (plants.length > 0) {
      const kind = pick(['prompt', 'code', 'config', 'log'] as const);
      const w = new DocWriter();
      for (const item of plants.splice(0, int(2, 5))) {
        w.line(filler(f, kind));
        w.line(pick(hardNegatives)());
        const [before, after] = frame(f, kind, plantLabel(item.d, item.value));
        w.plant(before, item.value, after, item.d);
      }
      w.line(filler(f, kind));
      w.line(pick(hardNegatives)());
      docs.push({ kind, text: w.text, planted: w.planted });
    }
    for (let i = 0; i < 60; i++) {
      const kind = pick(['prompt', 'code', 'config', 'log'] as const);
      const w = new DocWriter();
      for (let j = 0; j < 8; j++) w.line(j % 2 === 0 ? filler(f, kind) : pick(hardNegatives)());
      docs.push({ kind, text: w.text, planted: [] });
    }
    return docs;
  });
}
