import { classifyObservation, observationInputSchema } from '@sightline/backend/observations';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCollector } from '../src/testing/sync-collector.ts';
import type { ConnectorContext, ObservationInput } from '../src/types.ts';
import { githubConnector } from './index.ts';
import { type GithubMockOptions, startMockServer } from './mock-server.ts';

type Mock = Awaited<ReturnType<typeof startMockServer>>;
const mocks: Mock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

async function setup(options: GithubMockOptions = {}) {
  const mock = await startMockServer(options);
  mocks.push(mock);
  const config = githubConnector.configSchema.parse(mock.config);
  const context: ConnectorContext = {
    allowCustomHost: true,
    now: () => new Date('2026-03-10T12:00:00Z'),
    maxRetries: 3,
  };
  return { mock, config, context, connector: githubConnector.create(config, context) };
}

const refs = (os: ObservationInput[]) => os.map((o) => o.sourceRef).sort();
const serviceOf = (o: ObservationInput | undefined) => {
  const m = classifyObservation(observationInputSchema.parse(o));
  return m ? (m.serviceId ?? m.unknownKey) : null;
};

describe('github connector', () => {
  it('full sync follows Link pages and maps installs, Copilot seats and token grants to catalog services', async () => {
    const { mock, connector } = await setup();
    const run = syncCollector();
    const summary = await connector.sync(run.options);
    expect(summary.counts).toMatchObject({ installations: 5, seats: 3, grants: 3 });
    expect(mock.requests.filter((r) => r.pathname.endsWith('/installations')).map((r) => r.query.page)).toEqual([
      undefined,
      '2',
      '3',
    ]);
    const byRef = new Map(run.state.observations.map((o) => [o.sourceRef, o]));
    expect(serviceOf(byRef.get('installation:1'))).toBe('coderabbit');
    expect(serviceOf(byRef.get('installation:3'))).toBe('sourcery');
    expect(serviceOf(byRef.get('installation:4'))).toMatch(/^app:/);
    expect(serviceOf(byRef.get('installation:2'))).toBeNull();
    expect(byRef.get('installation:1')?.scopes).toEqual(['contents:read', 'pull_requests:write']);
    expect(byRef.get('copilot-seat:101')).toMatchObject({
      kind: 'seat',
      person: { email: 'octocat@example.com' },
      windowEnd: new Date('2026-03-01T09:30:00Z'),
      details: { lastActivityEditor: 'vscode/1.98.0' },
    });
    expect(byRef.get('copilot-seat:102')).toMatchObject({ person: { externalId: 'hubot' } });
    expect(serviceOf(byRef.get('copilot-seat:102'))).toBe('github-copilot');
    expect(serviceOf(byRef.get('pat-grant:11'))).toBe('claude-code');
    expect(serviceOf(byRef.get('pat-grant:13'))).toMatch(/^app:/);
    expect(serviceOf(byRef.get('pat-grant:12'))).toBeNull();
    expect(run.state.people).toContainEqual({ personKey: 'ext:github:mona', name: 'mona' });
    expect(run.state.cursor).toMatchObject({ pass: undefined });
  });

  it('second sync emits only records changed since the last pass', async () => {
    const { mock, connector } = await setup();
    const first = syncCollector();
    await connector.sync(first.options);
    const seat = mock.state.seats[2] as { last_activity_at: string };
    seat.last_activity_at = '2026-03-09T10:00:00Z';
    mock.state.installations.push({
      ...(mock.state.installations[0] as object),
      id: 6,
      app_slug: 'claude',
      created_at: '2026-03-09T00:00:00Z',
      updated_at: '2026-03-09T00:00:00Z',
    });
    const second = syncCollector(first.state.cursor);
    await connector.sync(second.options);
    expect(refs(second.state.observations)).toEqual(['copilot-seat:103', 'installation:6']);
  });

  it.each(['primary' as const, 'secondary' as const])(
    'honours the %s rate limit by waiting before the retry',
    async (rateLimit) => {
      const { mock, connector } = await setup({
        rateLimit,
        failures: [{ kind: 'rate_limit', path: '/copilot/', times: 1 }],
      });
      const run = syncCollector();
      await connector.sync(run.options);
      const seats = mock.requests.filter((r) => r.pathname.endsWith('/copilot/billing/seats'));
      expect(seats.length).toBe(3);
      expect(seats[1]!.at - seats[0]!.at).toBeGreaterThanOrEqual(900);
      expect(run.state.observations.filter((o) => o.kind === 'seat')).toHaveLength(3);
    },
  );

  it('test() tells bad credentials, missing scopes, missing Copilot licence and unreachable hosts apart', async () => {
    const ok = await setup();
    await expect(ok.connector.test()).resolves.toMatchObject({ ok: true });

    const bad = githubConnector.create({ ...ok.config, token: 'ghp_wrong' }, ok.context);
    await expect(bad.test()).resolves.toMatchObject({ ok: false, problem: 'bad_credentials' });

    const noScope = await setup({ tokenScopes: ['repo'] });
    const scope = await noScope.connector.test();
    expect(scope).toMatchObject({ ok: false, problem: 'missing_scope', details: { failed: 'installations' } });
    expect(scope.message).toContain('admin:org, read:org');

    const noCopilot = await setup({ noCopilot: true });
    const licence = await noCopilot.connector.test();
    expect(licence).toMatchObject({ ok: false, problem: 'missing_license', details: { failed: 'seats' } });

    const wrongOrg = githubConnector.create({ ...ok.config, org: 'nope' }, ok.context);
    await expect(wrongOrg.test()).resolves.toMatchObject({ ok: false, problem: 'missing_scope' });

    const gone = await setup();
    await gone.mock.close();
    mocks.splice(mocks.indexOf(gone.mock), 1);
    await expect(gone.connector.test()).resolves.toMatchObject({ ok: false, problem: 'unreachable' });
    const strict = githubConnector.create(ok.config, { ...ok.context, allowCustomHost: false });
    await expect(strict.test()).resolves.toMatchObject({ ok: false, problem: 'unreachable' });
  });

  it('skips Copilot seats when the organisation has no Copilot subscription, and fails on a revoked token', async () => {
    const { connector } = await setup({ noCopilot: true });
    const summary = await connector.sync(syncCollector().options);
    expect(summary.counts).toMatchObject({ installations: 5, seatsUnavailable: 1, grants: 3 });

    const revoked = await setup({ failures: [{ kind: 'bad_credentials', path: '/personal-access-tokens' }] });
    const run = syncCollector();
    await expect(revoked.connector.sync(run.options)).rejects.toMatchObject({ problem: 'bad_credentials' });
    expect(run.state.cursor).toMatchObject({ pass: { phase: 2 } });
  });

  it('skips and counts records not in the documented shape instead of failing the sync', async () => {
    const { mock, connector } = await setup();
    mock.state.seats.push({ assignee: { login: 'broken' }, created_at: '2026-03-01T00:00:00Z' });
    const summary = await connector.sync(syncCollector().options);
    expect(summary.counts).toMatchObject({ invalid: 1, seats: 3 });
  });

  it('resumes after a crash from the last committed page without re-emitting', async () => {
    const full = await setup();
    const all = syncCollector();
    await full.connector.sync(all.options);

    const { mock, connector } = await setup();
    const crashed = syncCollector(null, 2);
    await expect(connector.sync(crashed.options)).rejects.toThrow('lease lost');
    const before = mock.requests.length;
    const resumed = syncCollector(crashed.state.cursor);
    await connector.sync(resumed.options);
    expect(mock.requests[before]!.query.page).toBe('3');
    const emitted = refs([...crashed.state.observations, ...resumed.state.observations]);
    expect(new Set(emitted).size).toBe(emitted.length);
    expect(emitted).toEqual(refs(all.state.observations));
  });
});
