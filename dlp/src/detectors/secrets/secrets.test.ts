import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../types.ts';
import {
  BASE62,
  base62Crc32,
  base62Encode,
  bech32Checksum,
  crc32,
  verifyBase62Crc32Token,
  verifyBech32,
} from './checksums.ts';
import { secretGenerators } from './generators.ts';
import { secretDetectorFamilies, secretDetectors } from './index.ts';
import { quantifierProblems } from './quantifier-lint.ts';
import { looksRandom, rand } from './random.ts';
import { decodeBase64Text, isAzureSasSignature, isDiscordBotToken } from './validators.ts';

/** Values the detector would report in `text`: pattern matches (group `value` if any) that pass `validate`. */
function valuesIn(d: Detector, text: string): string[] {
  const re = new RegExp(d.pattern.source, d.pattern.flags);
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    const value = m.groups?.value ?? m[0];
    if (!d.validate || d.validate(value)) out.push(value);
  }
  return out;
}

const lower = (s: string) => s.toLowerCase();
const hasAny = (text: string, words: readonly string[]) => words.some((w) => lower(text).includes(lower(w)));

describe('secret detector catalogue', () => {
  it('has at least 85 detectors with unique kebab-case ids, all in category secret', () => {
    expect(secretDetectors.length).toBeGreaterThanOrEqual(85);
    const ids = secretDetectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of secretDetectors) {
      expect(d.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(d.category).toBe('secret');
      expect(d.name.length).toBeGreaterThan(3);
      expect(d.description.length).toBeGreaterThan(20);
    }
    const counted = Object.values(secretDetectorFamilies).reduce((n, f) => n + f.length, 0);
    expect(counted).toBe(secretDetectors.length);
  });

  it('starts distinctive formats high and context-only formats below high', () => {
    for (const d of secretDetectors) {
      if (d.requiresContext) {
        expect(d.confidence, d.id).not.toBe('high');
        expect(d.context?.length, d.id).toBeGreaterThan(0);
        expect(d.description, d.id).toMatch(/context/i);
      }
    }
  });

  it('uses keyword triggers and the g flag on every pattern', () => {
    for (const d of secretDetectors) {
      expect('keywords' in d.trigger, d.id).toBe(true);
      if ('keywords' in d.trigger) expect(d.trigger.keywords.length, d.id).toBeGreaterThan(0);
      expect(d.pattern.flags, d.id).toContain('g');
    }
  });

  it('has no unbounded or nested quantifier in any pattern', () => {
    for (const d of secretDetectors) expect(quantifierProblems(d.pattern.source), d.id).toEqual([]);
  });

  it('lint catches unbounded and nested quantifiers', () => {
    expect(quantifierProblems('a+b')).toHaveLength(1);
    expect(quantifierProblems('a.*b')).toHaveLength(1);
    expect(quantifierProblems('x{2,}')).toHaveLength(1);
    expect(quantifierProblems('(?:a{1,3}b){1,4}')).toEqual(['nested quantifier at 11']);
    expect(quantifierProblems('(?:ab?){2}')).toHaveLength(1);
    expect(quantifierProblems('[+*]{3}\\+(?:[a-f]{16}_)?x{1,5}')).toEqual([]);
    expect(quantifierProblems('(?<value>a{2,4})(?<![a-z])')).toEqual([]);
  });

  it('finds a value in every positive example, with a trigger keyword and (if required) a context word', () => {
    for (const d of secretDetectors) {
      expect(d.examples.positive.length, d.id).toBeGreaterThanOrEqual(2);
      for (const text of d.examples.positive) {
        expect(valuesIn(d, text), `${d.id}: ${text}`).not.toEqual([]);
        if ('keywords' in d.trigger) expect(hasAny(text, d.trigger.keywords), `${d.id} trigger: ${text}`).toBe(true);
        if (d.requiresContext) expect(hasAny(text, d.context ?? []), `${d.id} context: ${text}`).toBe(true);
        expect(text, d.id).not.toMatch(/example|sample|dummy|fake|\btest\b/i);
      }
    }
  });

  it('finds nothing in any negative example (or, for context-only formats, finds no context word)', () => {
    for (const d of secretDetectors) {
      expect(d.examples.negative.length, d.id).toBeGreaterThanOrEqual(2);
      for (const text of d.examples.negative) {
        const found = valuesIn(d, text);
        if (found.length > 0 && d.requiresContext)
          expect(hasAny(text, d.context ?? []), `${d.id}: ${text}`).toBe(false);
        else expect(found, `${d.id}: ${text}`).toEqual([]);
      }
    }
  });

  it('runs every pattern over long runs of its own alphabet quickly', () => {
    const runs = ['a', 'A', '0', 'aA0', 'f0', 'aA0_-', 'aA0+/', 'A2', 'aA0.'].map((u) => u.repeat(40_000 / u.length));
    for (const d of secretDetectors) {
      const re = new RegExp(d.pattern.source, d.pattern.flags);
      const started = performance.now();
      for (const run of runs) for (const _ of run.matchAll(re));
      expect(performance.now() - started, d.id).toBeLessThan(250);
    }
  });
});

describe('secret generators', () => {
  it('has a generator for every detector whose values match the detector and look random', () => {
    for (const d of secretDetectors) {
      const generate = secretGenerators[d.id];
      expect(generate, d.id).toBeTypeOf('function');
      if (!generate) continue;
      for (let i = 0; i < 25; i++) {
        const generated = generate();
        const found = valuesIn(d, generated);
        expect(found, `${d.id}: ${generated}`).toHaveLength(1);
        expect(looksRandom(found[0] ?? ''), `${d.id}: ${generated}`).toBe(true);
      }
    }
    expect(Object.keys(secretGenerators).sort()).toEqual(secretDetectors.map((d) => d.id).sort());
  });
});

describe('checksums', () => {
  it('computes CRC-32 (IEEE) check values', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
    for (let i = 0; i < 200; i++) {
      const s = rand(BASE62, 1 + (i % 60));
      expect(crc32(s), s).toBe(zlibCrc32(Buffer.from(s, 'latin1')));
    }
  });

  it('encodes base62 in GMP order with zero padding', () => {
    expect(base62Encode(0, 6)).toBe('000000');
    expect(base62Encode(61, 1)).toBe('z');
    expect(base62Encode(62, 2)).toBe('10');
    expect(base62Encode(0xffffffff, 6)).toBe('4gfFC3');
    expect(base62Crc32('Sightline0Sightline1Sightline2')).toBe('1strAL');
    expect(base62Crc32('k7Qm2Rz9Wx4Pn8Tv3Ly6Hb1Jd5Fg0S')).toBe('4XGRNG');
  });

  it('verifies GitHub-style tokens and rejects a changed character', () => {
    expect(verifyBase62Crc32Token('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', 4)).toBe(true);
    expect(verifyBase62Crc32Token('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', 4)).toBe(true);
    expect(verifyBase62Crc32Token('ghp_Sightline0Sightline1Sightline31strAL', 4)).toBe(false);
    expect(verifyBase62Crc32Token('ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 4)).toBe(false);
    expect(verifyBase62Crc32Token('ghp_short', 4)).toBe(false);
  });

  it('verifies Bech32 (BIP-173) checksums', () => {
    expect(bech32Checksum('a', [])).toBe('2uel5l');
    expect(verifyBech32('A12UEL5L')).toBe(true);
    expect(verifyBech32('a12uel5l')).toBe(true);
    expect(verifyBech32('A12UEL5l')).toBe(false);
    expect(verifyBech32('a12uel5m')).toBe(false);
    const zeros = new Array<number>(52).fill(0);
    const key = `AGE-SECRET-KEY-1${'Q'.repeat(52)}${bech32Checksum('age-secret-key-', zeros).toUpperCase()}`;
    expect(key).toBe(`AGE-SECRET-KEY-1${'Q'.repeat(52)}8H00W3`);
    expect(verifyBech32(key)).toBe(true);
    expect(verifyBech32(key.replace('8H00W3', '8H00W4'))).toBe(false);
  });
});

describe('structural validators', () => {
  it('decodes base64 and checks Discord ids and Azure SAS signatures', () => {
    expect(decodeBase64Text('MTIzNDU2Nzg5MDEyMzQ1Njc4')).toBe('123456789012345678');
    expect(isDiscordBotToken('MTIzNDU2Nzg5MDEyMzQ1Njc4.Gh7kQz.abc')).toBe(true);
    expect(isDiscordBotToken('bm90IGRpZ2l0cw.Gh7kQz.abc')).toBe(false);
    const sig = Buffer.alloc(32, 7).toString('base64');
    expect(isAzureSasSignature(encodeURIComponent(sig))).toBe(true);
    expect(isAzureSasSignature(encodeURIComponent(Buffer.alloc(24, 7).toString('base64')))).toBe(false);
  });
});
