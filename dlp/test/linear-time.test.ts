import { describe, expect, it } from 'vitest';
import { findRegexProblems } from '../src/custom/regex-safety.ts';
import { allDetectors } from '../src/detectors/index.ts';
import { createScanner } from '../src/engine/scanner.ts';
import type { Detector } from '../src/types.ts';

const N = 4000;

function fillTo(unit: string, size: number): string {
  return unit.length === 0 ? '' : unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Adversarial texts for one detector: runs of its accepted chars, its trigger repeated, broken positives. */
function adversarial(d: Detector, size: number): string[] {
  const positive = d.examples.positive[0] ?? '';
  const chars = [...new Set(positive.replace(/\s/g, ''))].join('');
  const keyword = 'keywords' in d.trigger ? (d.trigger.keywords[0] ?? 'x') : 'char' in d.trigger ? d.trigger.char : '7';
  const broken = positive.length > 1 ? `${positive.slice(0, -1)}!` : positive;
  return [
    fillTo(chars, size),
    fillTo('7', size),
    fillTo(`${keyword} `, size),
    fillTo(`${keyword}${chars}`, size),
    fillTo(`${broken} `, size),
    fillTo(positive.replace(/\s/g, ''), size),
  ];
}

/**
 * Time spent on the CPU by this process, in ms: a scan is synchronous, so this is its work, without the time other
 * processes on a loaded machine take from it (wall-clock time grows with the load average, CPU time barely).
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Fastest of several runs: load on the machine only ever adds time, so the minimum is the stable figure. */
function fastestMs(fn: () => void, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = cpuMs();
    fn();
    times.push(cpuMs() - t0);
  }
  return Math.min(...times);
}

describe('linear-time safety', () => {
  it.each(allDetectors.map((d) => [d.id, d] as const))('%s: no nested unbounded quantifier', (_id, d) => {
    const nested = findRegexProblems(d.pattern.source).filter((p) => p.problem === 'nested unbounded quantifier');
    expect(nested).toEqual([]);
  });

  it.each(allDetectors.map((d) => [d.id, d] as const))('%s: time grows linearly on adversarial input', (_id, d) => {
    const scanner = createScanner({ detectors: [d], salt: 'linear' });
    const small = adversarial(d, N);
    const large = adversarial(d, 8 * N);
    for (let i = 0; i < small.length; i++) {
      scanner.scan(small[i]!, { minConfidence: 'low' });
      scanner.scan(large[i]!, { minConfidence: 'low' });
      const tSmall = fastestMs(() => scanner.scan(small[i]!, { minConfidence: 'low' }));
      const tLarge = fastestMs(() => scanner.scan(large[i]!, { minConfidence: 'low' }));
      // Below 5 ms timer noise dominates; beyond it 8x the input may cost at most 20x the time.
      if (tLarge > 5) expect(tLarge / Math.max(tSmall, 0.25), `input ${i}`).toBeLessThan(20);
    }
  });
});
