import { describe, expect, it } from 'vitest';
import { compilePolicySet } from './compile-policy-set.ts';
import { defaultTexts, minimalClassification, minimalDlp, minimalExposure } from './test-support.ts';
import { validatePolicy } from './validate-policy.ts';

describe('compilePolicySet', () => {
  it('accepts validated policy values as well as YAML text, with the same snapshot id', () => {
    const texts = defaultTexts();
    const values = texts.map((text) => {
      const result = validatePolicy(text);
      if (!result.ok) throw new Error('defaults must validate');
      return result.policy;
    });
    const fromText = compilePolicySet(texts);
    const fromValues = compilePolicySet(values);
    expect(fromText.ok && fromValues.ok).toBe(true);
    if (fromText.ok && fromValues.ok) expect(fromValues.set.snapshotId).toBe(fromText.set.snapshotId);
  });

  it.each([
    [
      'a missing kind',
      [minimalClassification, minimalDlp],
      [{ document: -1, path: 'kind', message: 'the set has no exposure document' }],
    ],
    [
      'a kind given twice',
      [minimalClassification, minimalExposure, minimalExposure, minimalDlp],
      [{ document: 2, path: 'kind', message: 'a second exposure document (the first is document 1)' }],
    ],
    [
      'an invalid document, with its index and line',
      [minimalClassification, 'kind: exposure\nrules:\n  - id: x\n', minimalDlp],
      [{ document: 1, path: 'rules[0].description', line: 3, column: 5 }],
    ],
    [
      'an invalid value source, without line information',
      [minimalClassification, { kind: 'exposure', rules: [{ id: 'x' }] }, minimalDlp],
      [{ document: 1, path: 'rules[0].description', line: 0, column: 0 }],
    ],
  ] as const)('rejects %s', (_, docs, expected) => {
    const result = compilePolicySet(docs as never);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.slice(0, expected.length)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });
});
