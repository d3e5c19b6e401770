import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMasterKey } from './master-key.ts';
import { createSecretBox, SecretBoxError } from './secret-box.ts';

const key = Buffer.alloc(32, 1);

describe('secret box', () => {
  it('round-trips and never stores the plaintext', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('hunter2-connector-token', 'connector:1');
    expect(sealed).not.toContain('hunter2');
    expect(sealed.startsWith(`v1:${box.keyId}:`)).toBe(true);
    expect(box.openText(sealed, 'connector:1')).toBe('hunter2-connector-token');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it.each([
    ['tampered ciphertext', (s: string) => `${s.slice(0, -2)}${s.endsWith('A') ? 'BB' : 'AA'}`, ''],
    ['wrong associated data', (s: string) => s, 'connector:2'],
    ['truncated', (s: string) => s.slice(0, 20), 'connector:1'],
    ['garbage', () => 'nonsense', 'connector:1'],
  ])('rejects %s', (_name, mutate, aad) => {
    const box = createSecretBox(key);
    const sealed = mutate(box.seal('secret', 'connector:1'));
    expect(() => box.open(sealed, aad || 'connector:1')).toThrow(SecretBoxError);
  });

  it('names the key it needs when the key differs', () => {
    const sealed = createSecretBox(key).seal('secret');
    expect(() => createSecretBox(Buffer.alloc(32, 2)).open(sealed)).toThrow(/sealed with key/);
  });

  it('refuses a key of the wrong size at construction', () => {
    expect(() => createSecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe('master key', () => {
  it('generates a 0600 key file in embedded mode and reads it back', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sl-key-'));
    const first = loadMasterKey({ dataDir, embedded: true });
    expect(first.origin).toBe('generated');
    expect(statSync(first.path!).mode & 0o777).toBe(0o600);
    const second = loadMasterKey({ dataDir, embedded: true });
    expect(second.origin).toBe('file');
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('requires the variable with PostgreSQL', () => {
    expect(() => loadMasterKey({ dataDir: '/nonexistent', embedded: false })).toThrow(/SIGHTLINE_SECRET_KEY/);
  });

  it('rejects a malformed key file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sl-key-'));
    writeFileSync(join(dataDir, 'secret.key'), 'short\n', { mode: 0o600 });
    expect(() => loadMasterKey({ dataDir, embedded: true })).toThrow(/32-byte/);
  });
});
