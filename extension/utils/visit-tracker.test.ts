import { describe, expect, it } from 'vitest';
import { createVisitTracker } from './visit-tracker.ts';

describe('visit tracker', () => {
  it.each([
    { name: 'first navigation of a tab', steps: [[1, 'a', 0]], expected: [true] },
    {
      name: 'SPA route change on the same service',
      steps: [
        [1, 'a', 0],
        [1, 'a', 1_000],
      ],
      expected: [true, false],
    },
    {
      name: 'another service in the same tab',
      steps: [
        [1, 'a', 0],
        [1, 'b', 1_000],
      ],
      expected: [true, true],
    },
    {
      name: 'the same service after the window',
      steps: [
        [1, 'a', 0],
        [1, 'a', 31 * 60_000],
      ],
      expected: [true, true],
    },
    {
      name: 'two tabs',
      steps: [
        [1, 'a', 0],
        [2, 'a', 0],
      ],
      expected: [true, true],
    },
  ] as const)('$name', ({ steps, expected }) => {
    const tracker = createVisitTracker();
    expect(steps.map(([tab, key, at]) => tracker.isNewVisit(tab, key, at))).toEqual(expected);
  });
  it('forgets closed tabs', () => {
    const tracker = createVisitTracker();
    tracker.isNewVisit(1, 'a', 0);
    tracker.forget(1);
    expect(tracker.isNewVisit(1, 'a', 1)).toBe(true);
  });
});
