import { describe, expect, it } from 'vitest';
import { allDetectors } from '../src/detectors/index.ts';
import { createScanner } from '../src/engine/scanner.ts';
import { buildCorpus } from './corpus/build.ts';
import { evaluate, formatTable } from './corpus/evaluate.ts';

describe('quality on the labelled corpus (medium+ confidence)', () => {
  const docs = buildCorpus();
  const result = evaluate(createScanner({ detectors: allDetectors, salt: 'quality' }), docs);
  console.log(`${docs.length} documents\n${formatTable(result.rows)}`);

  it('plants values of every category and holds hard negatives', () => {
    expect(result.rows.every((r) => r.planted > 0)).toBe(true);
    expect(docs.filter((d) => d.planted.length === 0).length).toBeGreaterThan(0);
  });

  it.each(result.rows.map((r) => [r.category, r] as const))('%s: precision >= 0.98 and recall >= 0.97', (_c, row) => {
    const detail = `misses: ${JSON.stringify(result.misses.filter((m) => m.planted.category === row.category).slice(0, 5))}; false positives: ${JSON.stringify(result.falsePositives.filter((f) => f.finding.category === row.category).slice(0, 5))}`;
    expect(row.precision, detail).toBeGreaterThanOrEqual(0.98);
    expect(row.recall, detail).toBeGreaterThanOrEqual(0.97);
  });
});
