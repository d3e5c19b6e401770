import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';

describe('HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
  });
  afterAll(() => t.close());

  it.each([
    ['unknown route', 'GET', '/api/v1/nothing-here', undefined, 404, 'not_found'],
    ['malformed JSON', 'POST', '/api/v1/auth/login', '{"email":', 400, 'malformed_json'],
    ['schema violation', 'POST', '/api/v1/auth/login', { email: 1 }, 400, 'invalid_request'],
    [
      'unknown field',
      'POST',
      '/api/v1/auth/login',
      { email: 'a@b.c', password: 'x', admin: true },
      400,
      'invalid_request',
    ],
  ])('renders %s as the error model', async (_name, method, path, body, status, code) => {
    const res = await t.request(method, path, { body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(5);
  });

  it('gives field details for validation errors', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { email: 1 } });
    const json = (await res.json()) as { error: { details: { path: string }[] } };
    expect(json.error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: JSON.stringify({ email: 'x'.repeat(1_100_000), password: 'y' }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('sets a request id, security headers and a strict CSP', async () => {
    const res = await t.request('GET', '/healthz');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const echoed = await t.request('GET', '/healthz', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-abc-123');
  });

  it('writes structured JSON logs that never contain passwords, tokens or cookies', async () => {
    const owner = await t.signIn('owner', 'logcheck@example.com');
    await t.request('POST', '/api/v1/auth/login', { body: { email: 'logcheck@example.com', password: TEST_PASSWORD } });
    await t.request('GET', '/api/v1/users', { caller: owner });
    const lines = t.logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l.path === '/api/v1/users' && l.status === 200 && typeof l.requestId === 'string')).toBe(
      true,
    );
    const all = t.logLines.join('\n');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain(owner.cookie.split('=')[1]!);
    expect(all).not.toContain(owner.csrf);
  });

  it('serves an OpenAPI document listing every API route, and the reference page', async () => {
    const doc = (await (await t.request('GET', '/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/audit',
      '/api/v1/audit/verify',
      '/readyz',
      '/healthz',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const page = await t.request('GET', '/api/reference');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/reference/swagger-ui-bundle.js');
    const js = await t.request('GET', '/api/reference/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
  });
});

describe.each(databaseKinds)('readiness on %s', (kind) => {
  it.skipIf(postgresMissing(kind))('reports the database reachable and migrations current', async () => {
    const t = await buildTestApp(kind);
    try {
      const res = await t.request('GET', '/readyz');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        status: 'ready',
        database: { kind, reachable: true, migrations: { current: true } },
      });
      await t.database.close();
      const down = await t.request('GET', '/readyz');
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'not_ready', database: { reachable: false } });
    } finally {
      await t.close().catch(() => {});
    }
  });
});
