import { observationInputSchema } from '@sightline/backend/observations';
import { matchApp } from '@sightline/fingerprints';
import { afterEach, describe, expect, it } from 'vitest';
import type { ObservationInput, SyncBatch } from '../src/types.ts';
import type { SmallEntraDataset } from './dataset-fixtures.ts';
import { entraConnector } from './index.ts';
import { type EntraMock, type EntraMockOptions, startMockServer } from './mock-server.ts';

const context = { allowCustomHost: true, now: () => new Date('2025-03-01T00:00:00Z'), maxRetries: 3 };
let mock: EntraMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function connect(options: EntraMockOptions = {}, override: Record<string, unknown> = {}) {
  mock = await startMockServer(options);
  return {
    m: mock,
    c: entraConnector.create(entraConnector.configSchema.parse({ ...mock.config, ...override }), context),
  };
}

function collector(abortAfter = Number.POSITIVE_INFINITY) {
  const controller = new AbortController();
  const batches: SyncBatch[] = [];
  return {
    batches,
    get observations(): ObservationInput[] {
      return batches.flatMap((b) => b.observations);
    },
    options: (cursor: SyncBatch['cursor'] | null = null) => ({
      cursor,
      signal: controller.signal,
      progress: () => {},
      emit: async (b: SyncBatch) => {
        batches.push(b);
        if (batches.length >= abortAfter) controller.abort(new Error('killed'));
      },
    }),
  };
}

describe('entra connector', () => {
  it('full sync: service principals, assignments, grants with data scopes, sign-ins, Copilot seats, people', async () => {
    const { c } = await connect({ pageSize: 7 });
    const run = collector();
    const summary = await c.sync(run.options());
    expect(summary.counts).toMatchObject({
      people: 40,
      apps: 20,
      assignments: 70,
      grants: 20,
      'sign-ins': 60,
      seats: 8,
    });
    for (const o of run.observations) observationInputSchema.parse(o);
    const refs = run.observations.map((o) => o.sourceRef);
    expect(new Set(refs).size).toBe(refs.length);
    const app = (name: string) => run.observations.find((o) => o.kind === 'app' && o.app?.name === name)!;
    expect(matchApp(app('ChatGPT Enterprise').app!)?.service.id).toBe('chatgpt');
    expect(matchApp(app('Otter.ai').app!)?.service.id).toBe('otter-ai');
    const grant = run.observations.find((o) => o.kind === 'oauth_grant' && o.app?.name === 'Claude')!;
    expect(grant.scopes).toContain('Mail.Read');
    expect(grant.details).toMatchObject({ dataAccess: true });
    expect(grant.app?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    const seat = run.observations.find((o) => o.kind === 'seat')!;
    expect(matchApp(seat.app!)?.service.id).toBe('microsoft-365-copilot');
    expect(run.batches.flatMap((b) => b.people ?? []).find((p) => p.department === 'Finance')).toBeDefined();
    expect(run.batches.at(-1)!.cursor).toMatchObject({
      spDelta: expect.stringContaining('$deltatoken='),
      signIns: { watermark: '2025-02-28T01:00:00.000Z' },
    });
  });

  it('incremental sync uses the deltaLink and the sign-in watermark', async () => {
    const { m, c } = await connect();
    const first = collector();
    await c.sync(first.options());
    const data = m.dataset as SmallEntraDataset;
    data.addServicePrincipal('Perplexity Enterprise Pro', 'Perplexity AI', 'www.perplexity.ai');
    data.addSignIns(5, Date.parse('2025-02-28T06:00:00Z'), 60_000);
    const before = m.requests.length;
    const second = collector();
    const summary = await c.sync(second.options(first.batches.at(-1)!.cursor));
    expect(summary.counts['apps']).toBe(1);
    const paths = m.requests.slice(before).map((r) => decodeURIComponent(r.path));
    expect(paths.some((p) => p.includes('servicePrincipals/delta?$deltatoken='))).toBe(true);
    expect(paths.some((p) => p.includes('signIns') && p.includes('createdDateTime ge 2025-02-28T01:00:00.000Z'))).toBe(
      true,
    );
    const signIns = second.observations.filter((o) => o.kind === 'sign_in');
    // The 5 new ones plus the boundary event (`ge`), which upserts by sourceRef.
    expect(signIns).toHaveLength(6);
  });

  it('honours 429 Retry-After on sign-ins and succeeds', async () => {
    const { m, c } = await connect({ failures: [{ kind: 'rate_limit', path: '/auditLogs/signIns' }] });
    const summary = await c.sync(collector().options());
    expect(summary.counts).toMatchObject({ throttled: 1, 'sign-ins': 60 });
    const hits = m.requests.filter((r) => r.path.startsWith('/v1.0/auditLogs/signIns'));
    expect(hits[0]!.status).toBe(429);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('without Entra ID P1: test() says missing_license and sync continues without sign-ins, recording why', async () => {
    const { c } = await connect({ premium: false });
    expect(await c.test()).toMatchObject({
      ok: false,
      problem: 'missing_license',
      message: expect.stringContaining('P1'),
    });
    const run = collector();
    const summary = await c.sync(run.options());
    expect(summary.counts).toMatchObject({ signInsSkippedNoLicense: 1, apps: 20, seats: 8 });
    expect(run.observations.some((o) => o.kind === 'sign_in')).toBe(false);
    expect(run.batches.at(-1)!.cursor['notes']).toEqual([
      expect.stringContaining('no Microsoft Entra ID P1/P2 licence'),
    ]);
  });

  it('test() tells a bad secret, a missing permission and an unreachable tenant apart', async () => {
    const { c: ok } = await connect();
    expect(await ok.test()).toMatchObject({ ok: true });
    const { c: badSecret } = await connect({}, { clientSecret: 'wrong' });
    expect(await badSecret.test()).toMatchObject({
      ok: false,
      problem: 'bad_credentials',
      message: expect.stringContaining('AADSTS7000215'),
    });
    const { c: noScope } = await connect({
      failures: [{ kind: 'missing_scope', path: '/oauth2PermissionGrants', times: 5 }],
    });
    expect(await noScope.test()).toMatchObject({
      ok: false,
      problem: 'missing_scope',
      message: expect.stringContaining('Directory.Read.All'),
    });
    const { m, c: gone } = await connect();
    await m.close();
    mock = undefined;
    expect(await gone.test()).toMatchObject({ ok: false, problem: 'unreachable' });
  });

  it('resumes from the last emitted cursor after a crash, without duplicating records', async () => {
    const { c } = await connect({ pageSize: 5 });
    const crashed = collector(14);
    await expect(c.sync(crashed.options())).rejects.toThrow('killed');
    const resumed = collector();
    await c.sync(resumed.options(crashed.batches.at(-1)!.cursor));
    const full = collector();
    await c.sync(full.options());
    const union = new Set([...crashed.observations, ...resumed.observations].map((o) => o.sourceRef));
    expect(union).toEqual(new Set(full.observations.map((o) => o.sourceRef)));
    const signIns = [...crashed.observations, ...resumed.observations].filter((o) => o.kind === 'sign_in');
    expect(new Set(signIns.map((o) => o.sourceRef)).size).toBe(signIns.length);
  });

  it('refuses a non-Microsoft authority host unless a custom host is allowed', () => {
    const config = entraConnector.configSchema.parse({
      tenantId: 't',
      clientId: 'c',
      clientSecret: 's',
      authorityHost: 'https://evil.example',
    });
    expect(() => entraConnector.create(config, { ...context, allowCustomHost: false })).toThrow('authorityHost');
    expect(entraConnector.secretFields).toEqual(['clientSecret']);
  });
});
