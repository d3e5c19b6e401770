import { classifyObservation, observationInputSchema } from '@sightline/backend/observations';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCollector } from '../src/testing/sync-collector.ts';
import type { ConnectorContext, ObservationInput } from '../src/types.ts';
import { slackConnector } from './index.ts';
import { type SlackMockOptions, startMockServer } from './mock-server.ts';

type Mock = Awaited<ReturnType<typeof startMockServer>>;
const mocks: Mock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

async function setup(options: SlackMockOptions = {}) {
  const mock = await startMockServer(options);
  mocks.push(mock);
  const config = slackConnector.configSchema.parse(mock.config);
  const context: ConnectorContext = {
    allowCustomHost: true,
    now: () => new Date('2026-03-10T12:00:00Z'),
    maxRetries: 3,
  };
  return { mock, config, context, connector: slackConnector.create(config, context) };
}

const refs = (os: ObservationInput[]) => os.map((o) => o.sourceRef).sort();
const serviceOf = (o: ObservationInput | undefined) => {
  const m = classifyObservation(observationInputSchema.parse(o));
  return m ? (m.serviceId ?? m.unknownKey) : null;
};

describe('slack connector', () => {
  it('full sync pages approvals and requests by cursor and the integration log by page', async () => {
    const { mock, connector } = await setup();
    const run = syncCollector();
    const summary = await connector.sync(run.options);
    expect(summary.counts).toMatchObject({ approved: 3, requests: 2, logs: 5 });
    const approvedCalls = mock.requests.filter((r) => r.apiMethod === 'admin.apps.approved.list');
    expect(approvedCalls.map((r) => Boolean(r.form.cursor))).toEqual([false, true]);
    expect(approvedCalls[0]!.form.enterprise_id).toBe('E0ACME');
    expect(mock.requests.filter((r) => r.apiMethod === 'team.integrationLogs').map((r) => r.form.page)).toEqual([
      '1',
      '2',
      '3',
    ]);

    const byRef = new Map(run.state.observations.map((o) => [o.sourceRef, o]));
    expect(byRef.get('approved:E0ACME:A0OTTER01')).toMatchObject({
      kind: 'app',
      app: { name: 'Otter.ai', clientId: 'A0OTTER01', domains: ['otter.ai'] },
      details: { sensitiveScopes: ['channels:history'] },
    });
    expect(serviceOf(byRef.get('approved:E0ACME:A0OTTER01'))).toBe('otter-ai');
    expect(serviceOf(byRef.get('approved:E0ACME:A0CLAUDE1'))).toBe('claude');
    expect(serviceOf(byRef.get('approved:E0ACME:A0JIRA001'))).toBeNull();
    expect(byRef.get('request:Ar0001')).toMatchObject({ kind: 'install', person: { email: 'ada@example.com' } });
    expect(serviceOf(byRef.get('request:Ar0001'))).toBe('fireflies-ai');
    expect(serviceOf(byRef.get('request:Ar0002'))).toMatch(/^app:/);
    const chatgpt = byRef.get('log:A0GPT0001:W0ADA:1772000000:added');
    expect(chatgpt).toMatchObject({ person: { email: 'ada@example.com' }, scopes: ['chat:write', 'channels:history'] });
    expect(serviceOf(chatgpt)).toBe('chatgpt');
    expect(byRef.get('log:A0OTTER01:W0GRACE:1771800000:removed')?.details).toMatchObject({ changeType: 'removed' });
    expect(run.state.people).toContainEqual({
      personKey: 'linus@example.com',
      email: 'linus@example.com',
      name: 'linus',
    });
    expect(byRef.get('request:Ar0002')?.person).toEqual({ email: 'grace@example.com' });
    expect(
      mock.requests
        .filter((r) => r.apiMethod === 'users.info')
        .map((r) => r.form.user)
        .sort(),
    ).toEqual(['W0ADA', 'W0GRACE', 'W0LIN']);
    expect(run.state.cursor).toMatchObject({ watermarks: { logs: 1772000000 } });
  });

  it('second sync reads the log only down to the watermark and emits only new entries', async () => {
    const { mock, connector } = await setup();
    const first = syncCollector();
    await connector.sync(first.options);
    mock.state.logs.unshift(
      { app_id: 'A0NEW0001', app_type: 'Perplexity', user_id: 'W0ADA', date: '1772100000', change_type: 'added' },
      { app_id: 'A0NEW0002', app_type: 'Notion AI', user_id: 'W0ADA', date: '1772000000', change_type: 'added' },
    );
    const before = mock.requests.length;
    const second = syncCollector(first.state.cursor);
    await connector.sync(second.options);
    const logCalls = mock.requests.slice(before).filter((r) => r.apiMethod === 'team.integrationLogs');
    expect(logCalls.map((r) => r.form.page)).toEqual(['1', '2']);
    expect(refs(second.state.observations)).toEqual([
      'log:A0NEW0001:W0ADA:1772100000:added',
      'log:A0NEW0002:W0ADA:1772000000:added',
    ]);
  });

  it('waits the Retry-After of a 429 before retrying', async () => {
    const { mock, connector } = await setup({
      failures: [{ kind: 'rate_limit', path: 'admin.apps.requests.list', times: 1 }],
    });
    const run = syncCollector();
    await connector.sync(run.options);
    const calls = mock.requests.filter((r) => r.apiMethod === 'admin.apps.requests.list');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(run.state.observations.filter((o) => o.sourceRef.startsWith('request:'))).toHaveLength(2);
  });

  it('backs off and retries an HTTP 200 ratelimited error', async () => {
    const { mock, connector } = await setup({
      rateLimitAs: 'body',
      failures: [{ kind: 'rate_limit', path: 'team.integrationLogs', times: 2 }],
    });
    const summary = await connector.sync(syncCollector().options);
    expect(mock.requests.filter((r) => r.apiMethod === 'team.integrationLogs' && r.form.page === '1')).toHaveLength(3);
    expect(summary.counts.logs).toBe(5);
  });

  it('test() tells bad credentials, missing scopes, bot tokens and plans apart', async () => {
    const ok = await setup();
    await expect(ok.connector.test()).resolves.toMatchObject({ ok: true, details: { unavailable: [] } });

    const bad = slackConnector.create({ ...ok.config, token: 'xoxp-wrong' }, ok.context);
    await expect(bad.test()).resolves.toMatchObject({
      ok: false,
      problem: 'bad_credentials',
      details: { failed: 'auth' },
    });

    const bot = slackConnector.create({ ...ok.config, token: ok.mock.botToken }, ok.context);
    const botResult = await bot.test();
    expect(botResult).toMatchObject({ ok: false, problem: 'missing_scope' });
    expect(botResult.message).toMatch(/user token \(xoxp-\)/);

    const noScope = await setup({ tokenScopes: ['admin'] });
    const scope = await noScope.connector.test();
    expect(scope).toMatchObject({ ok: false, problem: 'missing_scope', details: { failed: 'apps' } });
    expect(scope.message).toContain('admin.apps:read');

    const notGrid = await setup({ notGrid: true });
    await expect(notGrid.connector.test()).resolves.toMatchObject({
      ok: true,
      details: { unavailable: ['apps: team_not_on_enterprise'] },
    });
    const free = await setup({ notGrid: true, freePlan: true });
    await expect(free.connector.test()).resolves.toMatchObject({ ok: false, problem: 'missing_license' });

    const gone = await setup();
    await gone.mock.close();
    mocks.splice(mocks.indexOf(gone.mock), 1);
    await expect(gone.connector.test()).resolves.toMatchObject({ ok: false, problem: 'unreachable' });
    const strict = slackConnector.create(ok.config, { ...ok.context, allowCustomHost: false });
    await expect(strict.test()).resolves.toMatchObject({ ok: false, problem: 'unreachable' });
  });

  it('skips admin app phases outside Enterprise Grid and fails a sync on a revoked token', async () => {
    const { connector } = await setup({ notGrid: true });
    const summary = await connector.sync(syncCollector().options);
    expect(summary.counts).toMatchObject({ approvedUnavailable: 1, requestsUnavailable: 1, logs: 5 });

    const revoked = await setup({ failures: [{ kind: 'bad_credentials', path: 'team.integrationLogs' }] });
    await expect(revoked.connector.sync(syncCollector().options)).rejects.toMatchObject({ problem: 'bad_credentials' });
  });

  it('keeps external ids and stops looking up users when the token cannot read e-mails', async () => {
    const { mock, connector } = await setup({ tokenScopes: ['admin.apps:read', 'admin'] });
    const run = syncCollector();
    await connector.sync(run.options);
    expect(mock.requests.filter((r) => r.apiMethod === 'users.info')).toHaveLength(1);
    const log = run.state.observations.find((o) => o.sourceRef === 'log:A0GPT0001:W0ADA:1772000000:added');
    expect(log?.person).toEqual({ externalId: 'W0ADA' });
    expect(run.state.people).toContainEqual({ personKey: 'ext:slack:W0LIN', name: 'linus' });
  });

  it('skips and counts records not in the documented shape instead of failing the sync', async () => {
    const { mock, connector } = await setup();
    mock.state.logs.splice(1, 0, { user_id: 'W0ADA', change_type: 'added' });
    mock.state.approved.push({ app: { id: 'A0BROKEN' }, date_updated: 1800000000 });
    const summary = await connector.sync(syncCollector().options);
    expect(summary.counts).toMatchObject({ invalid: 2, approved: 3, logs: 5 });
  });

  it('resumes after a crash from the last committed page without re-emitting', async () => {
    const full = await setup();
    const all = syncCollector();
    await full.connector.sync(all.options);

    const { connector } = await setup();
    const crashed = syncCollector(null, 4);
    await expect(connector.sync(crashed.options)).rejects.toThrow('lease lost');
    const resumed = syncCollector(crashed.state.cursor);
    await connector.sync(resumed.options);
    const emitted = refs([...crashed.state.observations, ...resumed.state.observations]);
    expect(new Set(emitted).size).toBe(emitted.length);
    expect(emitted).toEqual(refs(all.state.observations));
  });
});
