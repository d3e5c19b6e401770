import { describe, expect, it } from 'vitest';
import { allDetectors, secretDetectors } from '../src/detectors/index.ts';
import { createScanner } from '../src/engine/scanner.ts';
import { dlpCategories } from '../src/types.ts';

const scanner = createScanner({ detectors: allDetectors, salt: 'conventions' });
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('detector conventions', () => {
  it('ships at least 120 detectors, 80 of them provider secret formats', () => {
    expect(allDetectors.length).toBeGreaterThanOrEqual(120);
    expect(secretDetectors.length).toBeGreaterThanOrEqual(80);
  });

  it('has unique kebab-case ids', () => {
    const ids = allDetectors.map((d) => d.id);
    expect(ids.filter((id) => !KEBAB.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(allDetectors.map((d) => [d.id, d] as const))('%s is well formed', (_id, d) => {
    expect(dlpCategories).toContain(d.category);
    expect(d.name.length).toBeGreaterThan(0);
    expect(d.description.length).toBeGreaterThan(0);
    expect(d.pattern.flags).toContain('g');
    expect(d.examples.positive.length).toBeGreaterThanOrEqual(1);
    expect(d.examples.negative.length).toBeGreaterThanOrEqual(1);
  });

  it.each(allDetectors.map((d) => [d.id, d] as const))('%s: positives found at medium+, negatives not', (_id, d) => {
    for (const text of d.examples.positive) {
      const found = scanner.scan(text).map((f) => f.detector);
      expect(found, `positive ${JSON.stringify(text)}`).toContain(d.id);
    }
    for (const text of d.examples.negative) {
      const found = scanner.scan(text).map((f) => f.detector);
      expect(found, `negative ${JSON.stringify(text)}`).not.toContain(d.id);
    }
  });
});
