import type { Bench, BenchResult } from '../../test/bench/types.ts';
import { allDetectors } from '../src/detectors/index.ts';
import { createScanner } from '../src/engine/scanner.ts';
import { mbPerSecond, medianMs, percentileMs } from './measure.ts';
import { buildAdversarial, buildCodeAndLogs, buildProse } from './texts.ts';

const MB = 2 ** 20;

/** Every detector's pattern as a plain RegExp over the whole text: what the prefilter saves. */
function naiveScan(text: string): number {
  let hits = 0;
  for (const d of allDetectors) {
    const re = new RegExp(d.pattern.source, d.pattern.flags.includes('g') ? d.pattern.flags : `${d.pattern.flags}g`);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      hits++;
    }
  }
  return hits;
}

/** DLP benchmark: throughput on prose and on code/logs, prompt latency, adversarial slowdown, naive baseline. */
const bench: Bench = async ({ quick }) => {
  const scanner = createScanner({ detectors: allDetectors, salt: 'bench' });
  const runs = quick ? 5 : 15;
  const size = quick ? MB / 4 : MB;
  const prose = buildProse(size);
  const code = buildCodeAndLogs(size);
  const keywords = allDetectors.flatMap((d) => ('keywords' in d.trigger ? d.trigger.keywords : []));
  const adversarial = buildAdversarial(size, [...new Set(keywords)]);
  const prompt = `${buildProse(7 * 1024, 7)}\n\`\`\`ts\n${buildCodeAndLogs(3 * 1024, 8)}\n\`\`\``;

  const proseMs = medianMs(() => scanner.scan(prose), runs);
  const codeMs = medianMs(() => scanner.scan(code), runs);
  const adversarialMs = medianMs(() => scanner.scan(adversarial), runs);
  const p99 = percentileMs(() => scanner.scan(prompt), quick ? 200 : 1000, 99);
  const naiveProseMs = medianMs(() => naiveScan(prose), quick ? 1 : 3, 1);
  const naiveCodeMs = medianMs(() => naiveScan(code), quick ? 1 : 3, 1);
  const sizeNote = `${(size / MB).toFixed(2)} MB, ${allDetectors.length} detectors, median of ${runs}`;
  const results: BenchResult[] = [
    {
      suite: 'dlp',
      name: 'prose throughput',
      value: mbPerSecond(size, proseMs),
      unit: 'MB/s',
      target: 100,
      direction: 'min',
      note: `${proseMs.toFixed(2)} ms for ${sizeNote}`,
    },
    {
      suite: 'dlp',
      name: 'code and logs throughput',
      value: mbPerSecond(size, codeMs),
      unit: 'MB/s',
      target: 30,
      direction: 'min',
      note: `${codeMs.toFixed(2)} ms for ${sizeNote}`,
    },
    { suite: 'dlp', name: '10 KB prompt p99', value: p99, unit: 'ms', target: 1, direction: 'max' },
    {
      suite: 'dlp',
      name: 'adversarial vs prose',
      value: adversarialMs / proseMs,
      unit: 'x',
      target: 3,
      direction: 'max',
      note: `adversarial ${adversarialMs.toFixed(2)} ms vs prose ${proseMs.toFixed(2)} ms (same size)`,
    },
    {
      suite: 'dlp',
      name: 'naive baseline prose',
      value: mbPerSecond(size, naiveProseMs),
      unit: 'MB/s',
      note: `every pattern over the whole text: ${naiveProseMs.toFixed(0)} ms; engine is ${(naiveProseMs / proseMs).toFixed(0)}x faster`,
    },
    {
      suite: 'dlp',
      name: 'naive baseline code and logs',
      value: mbPerSecond(size, naiveCodeMs),
      unit: 'MB/s',
      note: `every pattern over the whole text: ${naiveCodeMs.toFixed(0)} ms; engine is ${(naiveCodeMs / codeMs).toFixed(0)}x faster`,
    },
  ];
  return results;
};

export default bench;
