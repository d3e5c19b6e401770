import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.ts';
import { signWebhook, verifyWebhook } from './sign.ts';
import { checkWebhookTarget, isPrivateAddress } from './target-check.ts';

describe('webhook target check', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
    ['not-an-ip', true],
  ])('%s private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  const refused = async (url: string, allowPrivate = false, resolve?: (h: string) => Promise<string[]>) => {
    try {
      await checkWebhookTarget(url, { allowPrivate, resolve });
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      return (err as ApiError).message;
    }
  };

  it('refuses http, credentials, loopback and private targets unless allowPrivate', async () => {
    expect(await refused('http://hooks.example.com/x', false, async () => ['93.184.216.34'])).toMatch(/https/);
    expect(await refused('https://user:pw@hooks.example.com/x', false, async () => ['93.184.216.34'])).toMatch(
      /credentials/,
    );
    expect(await refused('https://127.0.0.1/x')).toMatch(/private or loopback/);
    expect(await refused('https://[::1]:8443/x')).toMatch(/private or loopback/);
    expect(await refused('https://localhost/x')).toMatch(/loopback/);
    expect(await refused('https://internal.example/x', false, async () => ['10.0.0.5'])).toMatch(/10\.0\.0\.5/);
    expect(await refused('not a url')).toMatch(/valid URL/);
    expect(await refused('https://hooks.example.com/x', false, async () => ['93.184.216.34'])).toBeNull();
    expect(await refused('http://127.0.0.1:9999/x', true)).toBeNull();
  });
});

describe('webhook signature', () => {
  it('is sha256=<hex HMAC of "<timestamp>.<body>"> and verifies only the same body, time and secret', () => {
    const sig = signWebhook('s3cret-s3cret-s3cret', '1700000000', '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret-s3cret-s3cret', '1700000000', '{"a":1}', sig)).toBe(true);
    expect(verifyWebhook('s3cret-s3cret-s3cret', '1700000001', '{"a":1}', sig)).toBe(false);
    expect(verifyWebhook('s3cret-s3cret-s3cret', '1700000000', '{"a":2}', sig)).toBe(false);
    expect(verifyWebhook('other-secret-value', '1700000000', '{"a":1}', sig)).toBe(false);
  });
});
