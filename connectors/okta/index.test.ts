import { generateKeyPairSync } from 'node:crypto';
import { observationInputSchema } from '@sightline/backend/observations';
import { matchApp, suspectAiApp } from '@sightline/fingerprints';
import { afterEach, describe, expect, it } from 'vitest';
import type { ObservationInput, SyncBatch } from '../src/types.ts';
import { createOktaClient } from './client.ts';
import { type SmallOktaDataset, smallBase } from './dataset-small.ts';
import { createOktaConnector, oktaConnector } from './index.ts';
import { type OktaMock, type OktaMockOptions, startMockServer } from './mock-server.ts';

const token = 'test-api-token-0123456789';
const context = { allowCustomHost: true, now: () => smallBase, maxRetries: 3 };
let mock: OktaMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function start(options: OktaMockOptions = {}) {
  mock = await startMockServer(options);
  return mock;
}

function instance(m: OktaMock, extra: Record<string, unknown> = {}, paging?: { appPage: number; logPage: number }) {
  const config = oktaConnector.configSchema.parse({ orgUrl: m.url, apiToken: token, ...extra });
  return paging
    ? createOktaConnector(createOktaClient(config), config, context, paging)
    : oktaConnector.create(config, context);
}

/** An in-memory runner: keeps emitted batches and the last cursor, and can abort after N batches. */
function collector(abortAfter = Number.POSITIVE_INFINITY) {
  const controller = new AbortController();
  const batches: SyncBatch[] = [];
  return {
    batches,
    controller,
    get observations(): ObservationInput[] {
      return batches.flatMap((b) => b.observations);
    },
    options(cursor: SyncBatch['cursor'] | null = null) {
      return {
        cursor,
        signal: controller.signal,
        progress: () => {},
        emit: async (b: SyncBatch) => {
          batches.push(b);
          if (batches.length >= abortAfter) controller.abort(new Error('killed'));
        },
      };
    },
  };
}

describe('okta connector', () => {
  it('full sync: apps, assignments with departments, grants, SSO and consent events', async () => {
    const m = await start();
    const run = collector();
    const summary = await instance(m).sync(run.options());
    expect(summary.counts).toMatchObject({ apps: 32, assignments: 140, grants: 10, 'sign-ins': 80, consents: 10 });
    for (const o of run.observations) observationInputSchema.parse(o);
    const refs = run.observations.map((o) => o.sourceRef);
    expect(new Set(refs).size).toBe(refs.length);
    const people = run.batches.flatMap((b) => b.people ?? []);
    expect(people.find((p) => p.personKey === 'ada.okafor0@acme.example')?.department).toBe('Engineering');
    const apps = run.observations.filter((o) => o.kind === 'app');
    const matched = new Map(apps.map((o) => [o.app!.name, matchApp(o.app!)?.service.id]));
    expect(matched.get('ChatGPT Enterprise')).toBe('chatgpt');
    expect(matched.get('Claude Enterprise')).toBe('claude');
    expect(matched.get('Otter.ai')).toBe('otter-ai');
    expect(matched.get('Salesforce')).toBeUndefined();
    expect(suspectAiApp({ name: 'Acme GPT Assistant', scopes: [] }).suspected).toBe(true);
    expect(suspectAiApp({ name: 'Workday', scopes: [] }).suspected).toBe(false);
    const signIn = run.observations.find((o) => o.kind === 'sign_in')!;
    expect(signIn.windowStart).toEqual(signIn.windowEnd);
    expect(signIn.person).toMatchObject({ email: expect.stringContaining('@acme.example') });
    expect(run.batches.at(-1)!.cursor).toMatchObject({ logsNext: expect.stringContaining('/api/v1/logs?after=') });
  });

  it('incremental sync reads only new System Log events from the persisted polling link', async () => {
    const m = await start();
    const first = collector();
    await instance(m).sync(first.options());
    const cursor = first.batches.at(-1)!.cursor;
    (m.dataset as SmallOktaDataset).addLogEvents(12, new Date('2025-02-28T12:00:00Z').getTime(), 60_000);
    const logRequestsBefore = m.requests.filter((r) => r.path.startsWith('/api/v1/logs')).length;
    const second = collector();
    const summary = await instance(m).sync(second.options(cursor));
    const logEvents = second.observations.filter((o) => o.sourceRef.startsWith('log:'));
    expect(logEvents).toHaveLength(12);
    const firstRefs = new Set(first.observations.map((o) => o.sourceRef));
    expect(logEvents.every((o) => !firstRefs.has(o.sourceRef))).toBe(true);
    expect(summary.counts['sign-ins']! + summary.counts['consents']!).toBe(12);
    const logRequests = m.requests.filter((r) => r.path.startsWith('/api/v1/logs')).slice(logRequestsBefore);
    expect(logRequests[0]!.path).toContain('after=');
    expect(logRequests.some((r) => r.path.includes('since='))).toBe(false);
  });

  it('waits for X-Rate-Limit-Reset on 429 E0000047 and then succeeds', async () => {
    const m = await start({ failures: [{ kind: 'rate_limit', path: '/api/v1/logs' }] });
    const run = collector();
    const summary = await instance(m).sync(run.options());
    expect(summary.counts['throttled']).toBe(1);
    const logs = m.requests.filter((r) => r.path.startsWith('/api/v1/logs'));
    expect(logs[0]!.status).toBe(429);
    expect(logs[1]!.status).toBe(200);
    // Reset is whole epoch seconds: the retry must come after the reset second began, i.e. ≥ next second boundary.
    expect(logs[1]!.at).toBeGreaterThanOrEqual((Math.floor(logs[0]!.at / 1000) + 1) * 1000);
    expect(summary.counts['sign-ins']).toBe(80);
  });

  it('resumes from the last emitted cursor after a crash, without duplicating records', async () => {
    const m = await start();
    const paging = { appPage: 5, logPage: 20 };
    const crashed = collector(9);
    await expect(instance(m, {}, paging).sync(crashed.options())).rejects.toThrow('killed');
    expect(crashed.batches).toHaveLength(9);
    const resumed = collector();
    await instance(m, {}, paging).sync(resumed.options(crashed.batches.at(-1)!.cursor));
    const logRefs = [...crashed.observations, ...resumed.observations].filter((o) => o.sourceRef.startsWith('log:'));
    expect(new Set(logRefs.map((o) => o.sourceRef)).size).toBe(logRefs.length);
    expect(logRefs).toHaveLength(90);
    const store = new Map([...crashed.observations, ...resumed.observations].map((o) => [o.sourceRef, o]));
    const full = collector();
    await instance(m, {}, paging).sync(full.options());
    expect(store.size).toBe(new Set(full.observations.map((o) => o.sourceRef)).size);
  });

  it('test() reports a bad API token as bad_credentials (E0000011)', async () => {
    const m = await start();
    const result = await instance(m, { apiToken: 'wrong-token-0000000000' }).test();
    expect(result).toMatchObject({
      ok: false,
      problem: 'bad_credentials',
      message: expect.stringContaining('E0000011'),
    });
  });

  it('test() reports a token without System Log access as missing_scope (E0000006)', async () => {
    const m = await start({
      failures: [{ kind: 'missing_scope', path: '/api/v1/logs', times: Number.POSITIVE_INFINITY }],
    });
    const result = await instance(m).test();
    expect(result).toMatchObject({
      ok: false,
      problem: 'missing_scope',
      message: expect.stringContaining('/api/v1/logs'),
    });
  });

  it('test() reports an unreachable org', async () => {
    const m = await start();
    const url = m.url;
    await m.close();
    mock = undefined;
    const config = oktaConnector.configSchema.parse({ orgUrl: url, apiToken: token });
    const result = await oktaConnector.create(config, context).test();
    expect(result).toMatchObject({
      ok: false,
      problem: 'unreachable',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  describe('OAuth service app (private_key_jwt)', () => {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const serviceApp = {
      clientId: '0oaservice1',
      publicKey: keys.publicKey,
      grantedScopes: ['okta.apps.read', 'okta.logs.read', 'okta.users.read'],
    };
    const oauth = {
      authMode: 'private_key',
      clientId: '0oaservice1',
      privateKey: pem,
      keyId: 'kid1',
      apiToken: undefined,
    };

    it('signs a client assertion the token endpoint accepts, and syncs with the bearer token', async () => {
      const m = await start({ serviceApp });
      const run = collector();
      const summary = await instance(m, oauth).sync(run.options());
      expect(summary.counts['apps']).toBe(32);
      expect(m.requests.filter((r) => r.path === '/oauth2/v1/token')).toMatchObject([{ method: 'POST', status: 200 }]);
    });

    it('reports an unregistered key as bad_credentials and an ungranted scope as missing_scope', async () => {
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
        type: 'pkcs8',
        format: 'pem',
      });
      const m = await start({ serviceApp });
      expect(await instance(m, { ...oauth, privateKey: other.toString() }).test()).toMatchObject({
        ok: false,
        problem: 'bad_credentials',
      });
      await m.close();
      const m2 = await start({ serviceApp: { ...serviceApp, grantedScopes: ['okta.apps.read'] } });
      expect(await instance(m2, oauth).test()).toMatchObject({
        ok: false,
        problem: 'missing_scope',
        message: expect.stringContaining('okta.logs.read'),
      });
    });
  });

  it('validates the configuration and names secret fields', () => {
    expect(oktaConnector.configSchema.safeParse({ orgUrl: 'https://acme.okta.com' }).success).toBe(false);
    expect(oktaConnector.configSchema.safeParse({ orgUrl: 'https://acme.okta.com/', apiToken: token })).toMatchObject({
      success: true,
      data: { orgUrl: 'https://acme.okta.com', authMode: 'api_token', logLookbackDays: 90 },
    });
    expect(oktaConnector.secretFields).toEqual(['apiToken', 'privateKey']);
  });
});
