import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../backend/src/app.ts';
import { type ConnectorRuntime, createConnectorRuntime } from '../../backend/src/connectors/scheduler.ts';
import { auditLog, connectors } from '../../backend/src/db/schema.ts';
import { buildTestApp, type Caller, ORIGIN, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { fakeConnector, SECRET } from './fake-connector.ts';
import { publicLookup } from './support.ts';

const NEW_SECRET = 'tok-ROTATED-abcdefghijklmn-9876';

describe.each(databaseKinds)('connector admin API on %s', (kind) => {
  let t: TestApp;
  let runtime: ConnectorRuntime;
  let app: ReturnType<typeof createApp>;
  let admin: Caller;
  let fake: ReturnType<typeof fakeConnector>;
  const bodies: string[] = [];

  const call = async (method: string, path: string, body?: unknown, caller: Caller = admin) => {
    const headers: Record<string, string> = { origin: ORIGIN, cookie: caller.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = caller.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    bodies.push(text);
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  const create = (overrides: Record<string, unknown> = {}) =>
    call('POST', '/connectors', {
      type: 'okta',
      name: 'Okta prod',
      config: { orgUrl: 'https://acme.okta.com', token: SECRET },
      intervalMinutes: 30,
      ...overrides,
    });

  beforeEach(async () => {
    if (postgresMissing(kind)) return;
    bodies.length = 0;
    t = await buildTestApp(kind);
    fake = fakeConnector({ batches: 2 });
    runtime = createConnectorRuntime(t.deps, {
      definitionOf: (type) => (type === 'okta' ? fake.definition : undefined),
      lookup: publicLookup,
      heartbeatMs: 20,
    });
    app = createApp(t.deps, { connectors: runtime });
    admin = await t.signIn('admin');
  });
  afterEach(async () => {
    if (postgresMissing(kind)) return;
    await runtime.stop();
    await t.close();
  });

  it.skipIf(postgresMissing(kind))(
    'creates, reads, updates and deletes; secrets are write-only and never returned',
    async () => {
      const created = await create();
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({
        type: 'okta',
        config: { orgUrl: 'https://acme.okta.com' },
        secretHints: { token: '••••wxyz' },
        allowCustomHost: false,
        intervalMinutes: 30,
      });
      expect(created.json.config.token).toBeUndefined();
      const id = created.json.id as string;
      const [stored] = await t.database.db.select().from(connectors).where(eq(connectors.id, id));
      expect(JSON.stringify(stored)).not.toContain(SECRET);
      // Sealed with the connector id as associated data: the sealed value of one connector opens for no other.
      expect(() => t.deps.box.openText(stored!.secretsSealed, 'connector:other')).toThrow();

      expect((await call('GET', '/connectors')).json.connectors).toHaveLength(1);
      expect((await call('GET', `/connectors/${id}`)).json.name).toBe('Okta prod');

      // PATCH without the secret keeps it; with it, replaces it.
      const renamed = await call('PATCH', `/connectors/${id}`, { name: 'Okta', config: { label: 'x' } });
      expect(renamed.status).toBe(200);
      expect(renamed.json).toMatchObject({
        name: 'Okta',
        config: { label: 'x' },
        secretHints: { token: '••••wxyz' },
        version: 2,
      });
      expect((await call('POST', `/connectors/${id}/test`)).json).toEqual({ ok: true, message: 'token ends wxyz' });
      const rotated = await call('PATCH', `/connectors/${id}`, { config: { token: NEW_SECRET } });
      expect(rotated.json.secretHints).toEqual({ token: '••••9876' });
      expect((await call('POST', `/connectors/${id}/test`)).json.message).toBe('token ends 9876');
      expect((await call('PATCH', `/connectors/${id}`, { config: { token: 'short' } })).json.error.code).toBe(
        'invalid_config',
      );

      expect((await call('DELETE', `/connectors/${id}`)).status).toBe(204);
      expect((await call('GET', `/connectors/${id}`)).status).toBe(404);

      for (const body of bodies) {
        expect(body).not.toContain(SECRET);
        expect(body).not.toContain(NEW_SECRET);
      }
      const audit = await t.database.db.select().from(auditLog).orderBy(auditLog.seq);
      const actions = audit.filter((a) => a.action.startsWith('connector.')).map((a) => a.action);
      expect(actions).toEqual([
        'connector.create',
        'connector.update',
        'connector.test',
        'connector.update',
        'connector.test',
        'connector.delete',
      ]);
      expect(
        audit.find(
          (a) => a.action === 'connector.update' && (a.details as { secretsReplaced: string[] }).secretsReplaced.length,
        )?.details,
      ).toMatchObject({ secretsReplaced: ['token'] });
      const auditText = JSON.stringify(audit);
      expect(auditText).not.toContain(SECRET);
      expect(auditText).not.toContain(NEW_SECRET);
    },
  );

  it.skipIf(postgresMissing(kind))('refuses unsafe base URLs unless the admin allows a custom host', async () => {
    for (const orgUrl of ['http://acme.okta.com', 'https://127.0.0.1', 'https://evil.example', 'https://[::1]']) {
      const res = await create({ config: { orgUrl, token: SECRET } });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('unsafe_base_url');
      expect(res.json.error.details[0].path).toBe('config.orgUrl');
    }
    const custom = await create({ config: { orgUrl: 'http://127.0.0.1:8080', token: SECRET }, allowCustomHost: true });
    expect(custom.status).toBe(201);
    // Turning the flag off while the URL is private is refused, too.
    const off = await call('PATCH', `/connectors/${custom.json.id}`, { allowCustomHost: false });
    expect(off.json.error.code).toBe('unsafe_base_url');
    const missing = await create({ config: { orgUrl: 'https://acme.okta.com' } });
    expect(missing.json.error).toMatchObject({ code: 'invalid_config' });
    expect(JSON.stringify(missing.json)).not.toContain(SECRET);
    expect((await create({ type: 'slack' })).json.error.code).toBe('unsupported_type');
  });

  it.skipIf(postgresMissing(kind))('reports a failed test with its problem class', async () => {
    fake = fakeConnector({
      batches: 0,
      test: async () => {
        throw Object.assign(new Error('Invalid token provided'), { status: 401, errorCode: 'E0000011' });
      },
    });
    const { json } = await create();
    const res = await call('POST', `/connectors/${json.id}/test`);
    expect(res.json).toMatchObject({ ok: false, problem: 'bad_credentials' });
    expect(res.json.message).toMatch(/rejected the credentials/);
  });

  it.skipIf(postgresMissing(kind))(
    'sync now runs the connector and lists the run; cancel stops a running sync',
    async () => {
      const { json } = await create();
      expect((await call('POST', `/connectors/${json.id}/cancel`)).status).toBe(409);
      expect((await call('POST', `/connectors/${json.id}/sync`)).status).toBe(202);
      await runtime.runner.drain();
      const runs = await call('GET', `/connectors/${json.id}/runs`);
      expect(runs.json.runs).toHaveLength(1);
      expect(runs.json.runs[0]).toMatchObject({
        status: 'succeeded',
        trigger: `manual:${admin.userId}`,
        counts: { batches: 2, inserted: 4 },
      });
      expect((await call('GET', `/connectors/${json.id}`)).json).toMatchObject({
        lastStatus: 'succeeded',
        running: false,
        hasCursor: true,
      });

      fake = fakeConnector({ batches: 5, waitForAbortAfter: 1 });
      expect((await call('POST', `/connectors/${json.id}/sync`)).status).toBe(202);
      for (let i = 0; i < 200 && !(await call('GET', `/connectors/${json.id}`)).json.running; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect((await call('POST', `/connectors/${json.id}/sync`)).json.error.code).toBe('already_running');
      expect((await call('POST', `/connectors/${json.id}/cancel`)).status).toBe(202);
      await runtime.runner.drain();
      const after = await call('GET', `/connectors/${json.id}/runs`);
      expect(after.json.runs.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'succeeded']);
      const actions = (await t.database.db.select().from(auditLog))
        .map((a) => a.action)
        .filter((a) => a.startsWith('connector.'));
      expect(actions).toEqual(['connector.create', 'connector.sync', 'connector.sync', 'connector.cancel']);
    },
  );
});
