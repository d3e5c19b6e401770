import { describe, expect, it } from 'vitest';
import { confidentialDetectors } from '../confidential/index.ts';
import { financialDetectors } from '../financial/index.ts';
import { generatedDetectors, piiGenerators, piiTemplates, seedGenerators } from '../generators-pii.ts';
import { healthDetectors } from '../health/index.ts';
import {
  hasContextWord,
  KEBAB,
  matchesOf,
  quantifierProblems,
  validatedMatches,
  worstTimeMs,
} from './detector-checks.ts';
import { piiDetectors } from './index.ts';

const all = [...piiDetectors, ...financialDetectors, ...healthDetectors, ...confidentialDetectors];

describe('detector set (pii, financial, health, confidential)', () => {
  it('has at least 45 detectors with unique kebab-case ids and the right categories', () => {
    expect(all.length).toBeGreaterThanOrEqual(45);
    const ids = all.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(KEBAB);
    for (const d of piiDetectors) expect(d.category).toBe('pii');
    for (const d of financialDetectors) expect(d.category).toBe('financial');
    for (const d of healthDetectors) expect(d.category).toBe('health');
    for (const d of confidentialDetectors) expect(d.category).toBe('confidential');
  });

  it('covers national identifiers of at least 22 countries', () => {
    const prefixes = new Set(piiDetectors.map((d) => d.id.split('-')[0]).filter((p) => p && p.length === 2));
    expect(prefixes.size).toBeGreaterThanOrEqual(22);
  });

  it.each(all.map((d) => [d.id, d] as const))('%s: pattern is global and only uses bounded quantifiers', (_id, d) => {
    expect(d.pattern.flags).toContain('g');
    expect(quantifierProblems(d.pattern.source)).toEqual([]);
  });

  it.each(all.map((d) => [d.id, d] as const))('%s: pattern stays fast on adversarial input', (_id, d) => {
    expect(worstTimeMs(d)).toBeLessThan(250);
  });

  it.each(all.map((d) => [d.id, d] as const))('%s: examples behave', (_id, d) => {
    expect(d.examples.positive.length).toBeGreaterThanOrEqual(2);
    expect(d.examples.negative.length).toBeGreaterThanOrEqual(2);
    expect(d.name.length).toBeGreaterThan(0);
    expect(d.description.length).toBeGreaterThan(0);
    for (const text of d.examples.positive) {
      expect(validatedMatches(d, text), text).not.toHaveLength(0);
      if (d.requiresContext) expect(hasContextWord(d, text), text).toBe(true);
    }
    for (const text of d.examples.negative) {
      const fires = validatedMatches(d, text).length > 0 && (!d.requiresContext || hasContextWord(d, text));
      expect(fires, text).toBe(false);
    }
  });
});

describe('generators', () => {
  it('cover every detector', () => {
    for (const d of generatedDetectors) expect(piiGenerators[d.id], d.id).toBeTypeOf('function');
    expect(Object.keys(piiGenerators).sort()).toEqual(generatedDetectors.map((d) => d.id).sort());
  });

  it.each(generatedDetectors.map((d) => [d.id, d] as const))(
    '%s: generated values match and validate in a template',
    (id, d) => {
      seedGenerators(42);
      const templates = piiTemplates[id] ?? [];
      expect(templates.length).toBeGreaterThan(0);
      for (let i = 0; i < 25; i++) {
        const value = piiGenerators[id]!();
        if (d.validate) expect(d.validate(value), value).toBe(true);
        const text = (templates[i % templates.length] ?? '').replace('{value}', value);
        const found = matchesOf(d, text).filter(
          (c) => c.value === value && (!d.validate || d.validate(c.value, c.match)),
        );
        expect(found.length, text).toBeGreaterThan(0);
      }
    },
  );
});
