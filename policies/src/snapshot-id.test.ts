import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compileOrThrow, defaultTexts } from './test-support.ts';

const base = defaultTexts();
const idOf = (texts: readonly string[]) => compileOrThrow(texts).snapshotId;
const baseId = idOf(base);

/** Re-serialises a YAML document after transforming its parsed value (drops comments and formatting). */
function edit(text: string, change: (doc: Record<string, unknown>) => void): string {
  const doc = parse(text) as Record<string, unknown>;
  change(doc);
  return stringify(doc);
}

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

type Doc = Record<string, unknown> & { rules: Record<string, unknown>[]; params?: Record<string, unknown> };
const at = (index: number, change: (doc: Doc) => void) => {
  const texts = [...base];
  texts[index] = edit(base[index] ?? '', (doc) => change(doc as Doc));
  return texts;
};

describe('snapshot id', () => {
  it('is a SHA-256 hex digest', () => {
    expect(baseId).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['documents in another order', [base[2], base[0], base[1]]],
    ['every mapping with its keys reversed', base.map((t) => stringify(reverseKeys(parse(t))))],
    ['comments and formatting removed', base.map((t) => stringify(parse(t)))],
    ['classification rules reordered', at(0, (d) => d.rules.reverse())],
    ['exposure rules reordered', at(1, (d) => d.rules.reverse())],
    [
      'expression whitespace changed',
      at(1, (d) => {
        d.rules[0]!.when = `  ${String(d.rules[0]!.when).replaceAll(' ', '   ')}\n`;
      }),
    ],
    [
      'a default written out (on: asset)',
      at(1, (d) => {
        for (const r of d.rules) r.on ??= 'asset';
      }),
    ],
    [
      'a DLP dimension as a one-element list',
      at(2, (d) => {
        d.rules[0]!.status = ['blocked'];
      }),
    ],
    [
      'a DLP dimension listing every value instead of any',
      at(2, (d) => {
        d.rules[0]!.accountType = ['unknown', 'personal', 'corporate'];
      }),
    ],
    [
      'DLP dimension values reordered',
      at(2, (d) => {
        d.rules[0]!.status = ['blocked', 'blocked'];
      }),
    ],
  ] as const)('does not change with %s', (_, texts) => {
    expect(idOf(texts as readonly string[])).toBe(baseId);
  });

  it.each([
    [
      'a threshold parameter',
      at(1, (d) => {
        d.params!.minPeople = 11;
      }),
    ],
    [
      'a rule expression',
      at(1, (d) => {
        d.rules[0]!.when = `${String(d.rules[0]!.when)} && asset.tier > 1`;
      }),
    ],
    [
      'a severity',
      at(1, (d) => {
        d.rules[0]!.severity = 'critical';
      }),
    ],
    [
      'a message',
      at(1, (d) => {
        d.rules[0]!.message = 'changed';
      }),
    ],
    [
      'a description',
      at(0, (d) => {
        d.rules[0]!.description = 'changed';
      }),
    ],
    [
      'a rule id',
      at(0, (d) => {
        d.rules[0]!.id = 'renamed';
      }),
    ],
    [
      'a removed rule',
      at(0, (d) => {
        d.rules.pop();
      }),
    ],
    [
      'a classification output',
      at(0, (d) => {
        d.rules[0]!.set = { severity: 'low' };
      }),
    ],
    [
      'a rule subject',
      at(1, (d) => {
        d.rules[0]!.on = 'asset';
        d.rules[0]!.when = 'true';
      }),
    ],
    [
      'a DLP action',
      at(2, (d) => {
        d.rules[0]!.action = 'warn';
      }),
    ],
    [
      'the DLP default',
      at(2, (d) => {
        d.default = 'allow';
      }),
    ],
    [
      'DLP rule order (first match wins)',
      at(2, (d) => {
        d.rules.splice(0, 2, d.rules[1]!, d.rules[0]!);
      }),
    ],
    [
      'minConfidence',
      at(2, (d) => {
        d.minConfidence = 'high';
      }),
    ],
    [
      'maxFileBytes',
      at(2, (d) => {
        d.maxFileBytes = 1;
      }),
    ],
    [
      'unscannableFiles',
      at(2, (d) => {
        d.unscannableFiles = 'block';
      }),
    ],
  ] as const)('changes with %s', (_, texts) => {
    const result = idOf(texts as readonly string[]);
    expect(result).not.toBe(baseId);
  });
});
