import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay.ts';

describe('backoffDelay', () => {
  it.each([
    { failures: 0, random: 0.5, expected: 0 },
    { failures: 1, random: 0, expected: 1_000 },
    { failures: 1, random: 1, expected: 2_000 },
    { failures: 3, random: 0, expected: 4_000 },
    { failures: 3, random: 1, expected: 8_000 },
    { failures: 30, random: 1, expected: 600_000 },
    { failures: 30, random: 0, expected: 300_000 },
  ])('failure $failures with random $random waits $expected ms', ({ failures, random, expected }) => {
    expect(backoffDelay(failures, { random: () => random })).toBe(expected);
  });
  it('spreads retries of many devices (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
