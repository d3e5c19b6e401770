import { describe, expect, it } from 'vitest';
import { createScanner } from '../engine/scanner.ts';
import { compileCustomDetectors, hashDictionaryTerm } from './index.ts';

describe('compileCustomDetectors', () => {
  it('compiles keyword lists into whole-word, case-insensitive detectors', () => {
    const { detectors } = compileCustomDetectors([
      { kind: 'keywords', id: 'codenames', category: 'confidential', terms: ['Bluebird', 'Project Orca'] },
    ]);
    const s = createScanner({ detectors, salt: 's' });
    expect(s.scan('notes on project orca and BLUEBIRD').map((f) => f.detector)).toEqual(['codenames', 'codenames']);
    expect(s.scan('bluebirds sing')).toEqual([]);
  });

  it('matches hashed dictionary terms, single words and n-grams, without holding the terms', () => {
    const salt = 'policy-salt';
    const spec = [
      {
        kind: 'dictionary' as const,
        id: 'customer-names',
        category: 'pii' as const,
        salt,
        maxWords: 2,
        hashes: [hashDictionaryTerm(salt, 'Northwind'), hashDictionaryTerm(salt, 'Tailspin  Toys')],
      },
    ];
    expect(JSON.stringify(spec)).not.toMatch(/northwind/i);
    const s = createScanner({ detectors: [], salt: 'x', custom: spec });
    const text = 'Renewal for northwind, then tailspin toys.';
    const found = s.scan(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['northwind', 'tailspin toys']);
    expect(found.every((f) => f.detector === 'customer-names')).toBe(true);
  });

  it('accepts a linear-safe regex with keywords as its prefilter', () => {
    const { detectors } = compileCustomDetectors([
      {
        kind: 'regex',
        id: 'ticket',
        category: 'confidential',
        pattern: String.raw`\bSEC-[0-9]{4,6}\b`,
        keywords: ['sec-'],
      },
    ]);
    expect(detectors[0]!.trigger).toEqual({ keywords: ['sec-'] });
    expect(createScanner({ detectors, salt: 's' }).scan('see SEC-20931').length).toBe(1);
  });

  it('runs a regex without keywords over the whole text', () => {
    const { detectors } = compileCustomDetectors([
      { kind: 'regex', id: 'emp', category: 'pii', pattern: String.raw`\bE[0-9]{6}\b` },
    ]);
    expect(detectors[0]!.trigger).toEqual({ always: true });
    expect(createScanner({ detectors, salt: 's' }).scan('employee E482913').length).toBe(1);
  });

  it.each([
    ['(a|b+)+c', /custom regex "bad": nested unbounded quantifier/],
    [String.raw`(x)\1`, /custom regex "bad": backreference/],
    ['[a-z', /custom regex "bad": invalid regular expression/],
    ['x?', /custom regex "bad": pattern matches the empty string/],
  ])('rejects the regex %s with a clear error', (pattern, message) => {
    expect(() => compileCustomDetectors([{ kind: 'regex', id: 'bad', category: 'secret', pattern }])).toThrow(message);
  });

  it('reports schema problems with their path', () => {
    expect(() =>
      compileCustomDetectors([{ kind: 'keywords', id: 'Not Kebab', category: 'secret', terms: ['x1'] }]),
    ).toThrow(/invalid custom detectors: 0\.id: must be kebab-case/);
    expect(() =>
      compileCustomDetectors([{ kind: 'dictionary', id: 'd', category: 'pii', salt: 's', hashes: ['abc'] }]),
    ).toThrow(/0\.hashes\.0: must be a hex SHA-256/);
  });
});
