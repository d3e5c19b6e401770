import { describe, expect, it } from 'vitest';
import { EnvError, publicUrl, readEnv } from './env.ts';

describe('readEnv', () => {
  it('applies defaults on an empty environment', () => {
    const env = readEnv({});
    expect(env.PORT).toBe(8787);
    expect(env.SIGHTLINE_DATA_DIR).toBe('.sightline');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(publicUrl(env)).toBe('http://127.0.0.1:8787');
  });

  it.each([
    ['PORT', 'eighty', 'PORT="eighty"'],
    ['PORT', '70000', 'PORT="70000"'],
    ['DATABASE_URL', 'mysql://x', 'postgres://'],
    ['SIGHTLINE_SECRET_KEY', 'c2hvcnQ=', '32 random bytes'],
    ['SIGHTLINE_TRUST_PROXY', 'maybe', 'SIGHTLINE_TRUST_PROXY'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
  ])('rejects %s=%s naming the variable', (name, value, fragment) => {
    expect(() => readEnv({ [name]: value })).toThrow(EnvError);
    expect(() => readEnv({ [name]: value })).toThrow(fragment);
  });

  it('treats empty strings as unset', () => {
    expect(readEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('accepts a valid key and booleans', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const env = readEnv({ SIGHTLINE_SECRET_KEY: key, SIGHTLINE_TRUST_PROXY: 'yes', PORT: '9000' });
    expect(env.SIGHTLINE_TRUST_PROXY).toBe(true);
    expect(env.PORT).toBe(9000);
  });
});
