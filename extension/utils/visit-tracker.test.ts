import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { visitLogItem } from './storage.ts';
import { createVisitTracker } from './visit-tracker.ts';

describe('visit tracker', () => {
  beforeEach(() => fakeBrowser.reset());

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
  ] as const)('$name', async ({ steps, expected }) => {
    const tracker = createVisitTracker(visitLogItem);
    const seen: boolean[] = [];
    for (const [tab, key, at] of steps) seen.push(await tracker.isNewVisit(tab, key, at));
    expect(seen).toEqual(expected);
  });

  it('remembers across a worker restart and forgets closed tabs', async () => {
    expect(await createVisitTracker(visitLogItem).isNewVisit(1, 'a', 0)).toBe(true);
    const restarted = createVisitTracker(visitLogItem);
    expect(await restarted.isNewVisit(1, 'a', 5)).toBe(false);
    await restarted.forget(1);
    expect(await restarted.isNewVisit(1, 'a', 6)).toBe(true);
  });
});
