import { loadavg } from 'node:os';
import type { Bench, BenchResult } from '../../test/bench/types.ts';
import { allDetectors } from '../src/detectors/index.ts';
import { createScanner } from '../src/engine/scanner.ts';
import { mbPerSecond, median, percentile, type Timings, timeRuns } from './measure.ts';
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

/** `12.3 ms (best 11.9, CPU median 10.8)`: the figure's inputs, so a loaded machine shows in the note. */
function detail(t: Timings): string {
  return `median ${median(t.wall).toFixed(2)} ms, best ${t.wall[0]!.toFixed(2)} ms; CPU median ${median(t.cpu).toFixed(2)} ms, best ${t.cpu[0]!.toFixed(2)} ms`;
}

/**
 * DLP benchmark: throughput on prose and on code/logs, prompt latency, adversarial slowdown, naive baseline.
 * Figures are wall-clock medians; each note adds the best run and CPU time, and the load average, because other
 * processes on the machine inflate wall-clock time but barely the CPU time of the scan itself.
 */
const bench: Bench = async ({ quick }) => {
  const scanner = createScanner({ detectors: allDetectors, salt: 'bench' });
  const runs = quick ? 5 : 15;
  const size = quick ? MB / 4 : MB;
  const prose = buildProse(size);
  const code = buildCodeAndLogs(size);
  const keywords = allDetectors.flatMap((d) => ('keywords' in d.trigger ? d.trigger.keywords : []));
  const adversarial = buildAdversarial(size, [...new Set(keywords)]);
  const prompt = `${buildProse(7 * 1024, 7)}\n\`\`\`ts\n${buildCodeAndLogs(3 * 1024, 8)}\n\`\`\``;

  const proseT = timeRuns(() => scanner.scan(prose), runs);
  const codeT = timeRuns(() => scanner.scan(code), runs);
  const adversarialT = timeRuns(() => scanner.scan(adversarial), runs);
  const promptT = timeRuns(() => scanner.scan(prompt), quick ? 200 : 1000, 20);
  const naiveProseMs = median(timeRuns(() => naiveScan(prose), quick ? 1 : 3, 1).wall);
  const naiveCodeMs = median(timeRuns(() => naiveScan(code), quick ? 1 : 3, 1).wall);
  const proseMs = median(proseT.wall);
  const codeMs = median(codeT.wall);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const sizeNote = `${(size / MB).toFixed(2)} MB, ${allDetectors.length} detectors, ${runs} runs, load average ${load}`;
  const results: BenchResult[] = [
    {
      suite: 'dlp',
      name: 'prose throughput',
      value: mbPerSecond(size, proseMs),
      unit: 'MB/s',
      target: 100,
      direction: 'min',
      note: `${detail(proseT)} for ${sizeNote}`,
    },
    {
      suite: 'dlp',
      name: 'code and logs throughput',
      value: mbPerSecond(size, codeMs),
      unit: 'MB/s',
      target: 30,
      direction: 'min',
      note: `${detail(codeT)} for ${sizeNote}`,
    },
    {
      suite: 'dlp',
      name: '10 KB prompt p99',
      value: percentile(promptT.wall, 99),
      unit: 'ms',
      target: 1,
      direction: 'max',
      note: `CPU p99 ${percentile(promptT.cpu, 99).toFixed(3)} ms, wall median ${median(promptT.wall).toFixed(3)} ms`,
    },
    {
      suite: 'dlp',
      name: 'adversarial vs prose',
      value: median(adversarialT.wall) / proseMs,
      unit: 'x',
      target: 3,
      direction: 'max',
      note: `adversarial ${detail(adversarialT)} vs prose (same size); CPU ratio ${(median(adversarialT.cpu) / median(proseT.cpu)).toFixed(2)}x`,
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
