import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';

describe('CORS on the device routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
  });
  afterAll(() => t.close());

  const preflight = (path: string, origin: string) =>
    t.app.request(path, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  it.each(['/api/v1/enroll', '/api/v1/extension/bundle', '/api/v1/ingest'])(
    'answers an extension preflight on %s',
    async (path) => {
      const res = await preflight(path, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop');
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      );
      expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    },
  );

  it('exposes ETag to the extension and refuses web origins', async () => {
    const res = await t.app.request('/api/v1/extension/bundle', {
      headers: { origin: 'moz-extension://0f1e2d3c-aaaa-bbbb-cccc-111122223333' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-expose-headers')).toContain('etag');
    const web = await preflight('/api/v1/ingest', 'https://evil.example');
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gives admin routes no CORS at all', async () => {
    const res = await preflight('/api/v1/users', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
