import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { commonDetectors } from '../detectors/common/index.ts';
import type { Detector } from '../types.ts';
import { createScanner } from './scanner.ts';

/** A small specific detector: a prefixed token, as provider detectors are. */
const acmeToken: Detector = {
  id: 'acme-token',
  name: 'Acme token',
  category: 'secret',
  description: 'acme_ prefix and 24 alphanumerics.',
  trigger: { keywords: ['acme_'] },
  pattern: /\bacme_[A-Za-z0-9]{24}\b/g,
  confidence: 'high',
  examples: { positive: [], negative: [] },
};

/** A shape with no checksum, only acted on next to its context word. */
const badge: Detector = {
  id: 'badge-number',
  name: 'Badge number',
  category: 'pii',
  description: 'B- and seven digits.',
  trigger: { digits: 7 },
  pattern: /\bB-(?<value>[0-9]{7})\b/g,
  confidence: 'medium',
  requiresContext: true,
  context: ['badge'],
  examples: { positive: [], negative: [] },
};

const TOKEN = 'acme_Zq8Lm2Xr7Vb4Nt6Kp9Ws3Hd1';
const scanner = createScanner({ detectors: [...commonDetectors, acmeToken, badge], salt: 'pepper' });

describe('createScanner', () => {
  it('reports offsets, 1-based line and column, a masked value and the salted hash', () => {
    const text = `line one\n  key is ${TOKEN} ok`;
    const [f] = scanner.scan(text);
    expect(f).toMatchObject({ detector: 'acme-token', category: 'secret', confidence: 'high', line: 2, column: 10 });
    expect(text.slice(f!.start, f!.end)).toBe(TOKEN);
    expect(f!.masked).toBe(`acme${'*'.repeat(TOKEN.length - 4)}`);
    expect(f!.hash).toBe(bytesToHex(sha256(utf8ToBytes(`pepper${TOKEN}`))));
    expect(JSON.stringify(f)).not.toContain(TOKEN.slice(5));
  });

  it('shows at most 4 characters of any value', () => {
    const text = 'mail maria.gonzalez@northwind-traders.com and card 4539 8262 3472 1702';
    for (const f of scanner.scan(text, { minConfidence: 'low' })) {
      expect(f.masked.replace(/\*/g, '').length).toBeLessThanOrEqual(4);
    }
  });

  it('does not run a pattern whose trigger is absent', () => {
    const noTrigger = { ...acmeToken, id: 'acme-token-2', trigger: { keywords: ['zebra'] } };
    const s = createScanner({ detectors: [noTrigger], salt: 's' });
    expect(s.scan(`key ${TOKEN}`)).toEqual([]);
    expect(s.scan(`zebra key ${TOKEN}`)).toHaveLength(1);
  });

  it('searches only within the window around a keyword', () => {
    const far = { ...acmeToken, id: 'far', trigger: { keywords: ['vault'] }, window: 20 };
    const s = createScanner({ detectors: [far], salt: 's' });
    expect(s.scan(`vault ${TOKEN}`)).toHaveLength(1);
    expect(s.scan(`vault ${' filler'.repeat(40)} ${TOKEN}`)).toEqual([]);
  });

  it('caps requiresContext detectors at low without a context word and raises them with one', () => {
    expect(scanner.scan('id B-4821937 assigned')).toEqual([]);
    expect(scanner.scan('id B-4821937 assigned', { minConfidence: 'low' })[0]?.confidence).toBe('low');
    expect(scanner.scan('badge B-4821937 assigned')[0]?.confidence).toBe('high');
  });

  it.each([
    ['a placeholder value', 'key acme_xxxxXXXXxxxxXXXXxxxxXXXX', 0],
    ['a repeated value', 'key acme_ababababababababababababab', 0],
    ['a sequential value', 'key acme_abcdefgh12345678Zq8Lm2Xr', 0],
  ])('drops %s', (_label, text, count) => {
    expect(scanner.scan(text, { minConfidence: 'low' })).toHaveLength(count);
  });

  it('lowers a value in example or test context by one level', () => {
    expect(scanner.scan(`example: ${TOKEN}`)[0]?.confidence).toBe('medium');
    expect(scanner.scan(`test fixture ${TOKEN}`)[0]?.confidence).toBe('medium');
  });

  it('lets a specific detector win over an overlapping generic one', () => {
    const found = scanner.scan(`API_TOKEN="${TOKEN}"`);
    expect(found.map((f) => f.detector)).toEqual(['acme-token']);
  });

  it('keeps the generic detector when no specific one matches', () => {
    const found = scanner.scan('API_TOKEN="Zq8Lm2Xr7Vb4Nt6Kp9Ws3Hd1Qe"');
    expect(found.map((f) => f.detector)).toEqual(['generic-secret-assignment']);
  });

  it('sorts findings by offset and never reports overlapping ones', () => {
    const text = `badge B-4821937\nAPI_TOKEN="${TOKEN}"\nto maria.gonzalez@northwind-traders.com`;
    const found = scanner.scan(text);
    expect(found.map((f) => f.detector)).toEqual(['badge-number', 'acme-token', 'email-address']);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it('rejects duplicate detector ids at construction', () => {
    expect(() => createScanner({ detectors: [acmeToken, acmeToken], salt: 's' })).toThrow(
      /duplicate detector id "acme-token"/,
    );
  });

  it('runs custom detectors from the policy spec', () => {
    const s = createScanner({
      detectors: [],
      salt: 's',
      custom: [{ kind: 'keywords', id: 'project-names', category: 'confidential', terms: ['Falcon Nine'] }],
    });
    expect(s.scan('status of falcon nine?').map((f) => f.detector)).toEqual(['project-names']);
  });
});
