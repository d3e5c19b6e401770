import { classifyObservation, observationInputSchema } from '@sightline/backend/observations';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCollector } from '../src/testing/sync-collector.ts';
import type { ConnectorContext, ObservationInput } from '../src/types.ts';
import { googleScopes } from './client.ts';
import { activity, geminiEvent } from './fixture.ts';
import { createGoogleConnector, googleConnector } from './index.ts';
import { type GoogleMockOptions, startMockServer } from './mock-server.ts';

type Mock = Awaited<ReturnType<typeof startMockServer>>;
const mocks: Mock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

async function setup(options: GoogleMockOptions = {}, now = '2026-03-10T12:00:00Z') {
  const mock = await startMockServer(options);
  mocks.push(mock);
  const config = googleConnector.configSchema.parse({
    ...mock.config,
    activities: ['token', 'saml', 'gemini_in_workspace_apps', 'login'],
  });
  const context: ConnectorContext = { allowCustomHost: true, now: () => new Date(now), maxRetries: 3 };
  return { mock, config, context, connector: googleConnector.create(config, context) };
}

const refs = (os: ObservationInput[]) => os.map((o) => o.sourceRef).sort();

describe('google connector', () => {
  it('full sync over the JWT path: grants, people with departments, report activity, catalog matches', async () => {
    const { mock, connector } = await setup();
    const run = syncCollector();
    const summary = await connector.sync(run.options);

    const tokenPost = mock.requests.find((r) => r.pathname === '/token');
    const claims = JSON.parse(
      Buffer.from(new URLSearchParams(tokenPost!.body).get('assertion')!.split('.')[1]!, 'base64url').toString(),
    );
    expect(claims).toMatchObject({ sub: 'admin@example.com', scope: googleScopes.join(' ') });

    const byRef = new Map(run.state.observations.map((o) => [o.sourceRef, o]));
    expect(byRef.get('grant:ada@example.com:111-otter.apps.googleusercontent.com')).toMatchObject({
      kind: 'oauth_grant',
      app: { name: 'Otter.ai' },
      person: { email: 'ada@example.com' },
      details: { dataAccess: ['calendar'] },
    });
    expect(byRef.get('grant:ada@example.com:222-chatgpt.apps.googleusercontent.com')?.details).toMatchObject({
      dataAccess: ['drive'],
    });
    const gemini = byRef.get('gemini:ada@example.com:2026-03-03');
    expect(gemini).toMatchObject({
      kind: 'browser_use',
      details: { events: 2, features: ['docs:help_me_write', 'gmail:summarize'] },
    });
    expect(
      byRef.get('token:revoke:grace@example.com:333-zoom.apps.googleusercontent.com:2026-03-04')?.details,
    ).toMatchObject({
      revoked: true,
    });

    const service = (ref: string) => {
      const m = classifyObservation(observationInputSchema.parse(byRef.get(ref)));
      return m ? (m.serviceId ?? m.unknownKey) : null;
    };
    expect(service('grant:ada@example.com:111-otter.apps.googleusercontent.com')).toBe('otter-ai');
    expect(service('grant:ada@example.com:222-chatgpt.apps.googleusercontent.com')).toBe('chatgpt');
    expect(service('grant:grace@example.com:444-ff.apps.googleusercontent.com')).toBe('fireflies-ai');
    expect(service('grant:alan@example.com:666-claude.apps.googleusercontent.com')).toBe('claude');
    expect(service('grant:alan@example.com:555-mail.apps.googleusercontent.com')).toMatch(/^app:/);
    expect(service('grant:ada@example.com:333-zoom.apps.googleusercontent.com')).toBeNull();
    expect(service('saml:login_success:grace@example.com:ChatGPT Enterprise:2026-03-02')).toBe('chatgpt');
    expect(service('gemini:ada@example.com:2026-03-03')).toBe('gemini');

    const people = new Map(run.state.people.map((p) => [p.personKey, p]));
    expect(people.get('ada@example.com')).toMatchObject({ name: 'Ada Lovelace', department: 'Engineering' });
    expect(people.get('grace@example.com')).toMatchObject({ department: '/Sales' });
    expect(people.get('alan@example.com')).toMatchObject({ department: 'Research' });
    expect(people.has('margaret@example.com')).toBe(true);
    expect(summary.counts).toMatchObject({ token: 4, saml: 1, gemini_in_workspace_apps: 2, login: 1 });
    expect(run.state.cursor).toMatchObject({ grantsDoneAt: '2026-03-10T12:00:00.000Z' });
  });

  it('second sync reads only new activity from the watermark and skips the grants pass until due', async () => {
    const first = await setup();
    const run1 = syncCollector();
    await first.connector.sync(run1.options);
    first.mock.state.activities.gemini_in_workspace_apps!.push(
      activity(
        'gemini_in_workspace_apps',
        '2026-03-10T20:00:00.000Z',
        'grace@example.com',
        [geminiEvent('sheets', 'analyze')],
        'g9',
      ),
    );
    const seen = first.mock.requests.length;
    const later = createGoogleConnector(first.config, {
      ...first.context,
      now: () => new Date('2026-03-11T06:00:00Z'),
    });
    const run2 = syncCollector(run1.state.cursor);
    await later.sync(run2.options);

    const second = first.mock.requests.slice(seen);
    expect(second.some((r) => r.pathname.startsWith('/admin/directory'))).toBe(false);
    const reports = second.filter((r) => r.pathname.includes('/activity/'));
    expect(reports.map((r) => r.query.startTime)).toEqual(Array(4).fill('2026-03-10T11:00:00.000Z'));
    expect(refs(run2.state.observations)).toEqual(['gemini:grace@example.com:2026-03-10']);
  });

  it('honours Google 403 userRateLimitExceeded with its Retry-After, then completes', async () => {
    const { mock, connector } = await setup({
      failures: [
        { kind: 'rate_limit', path: '/users?', times: 1 },
        { kind: 'rate_limit', path: '/applications/token', times: 2 },
      ],
      rateLimitStatus: 403,
    });
    const run = syncCollector();
    await connector.sync(run.options);
    const userCalls = mock.requests.filter((r) => r.pathname === '/admin/directory/v1/users');
    expect(userCalls.length).toBeGreaterThanOrEqual(2);
    expect(userCalls[1]!.at - userCalls[0]!.at).toBeGreaterThanOrEqual(950);
    const tokenReports = mock.requests.filter((r) => r.pathname.endsWith('/applications/token'));
    expect(tokenReports).toHaveLength(4);
    expect(tokenReports[1]!.at - tokenReports[0]!.at).toBeGreaterThanOrEqual(950);
    expect(tokenReports[2]!.at - tokenReports[1]!.at).toBeGreaterThanOrEqual(950);
    expect(tokenReports[3]!.query.pageToken).toBeDefined();
    expect(run.state.observations.some((o) => o.sourceRef.startsWith('token:'))).toBe(true);
  });

  it.each([
    [403 as const, null],
    [429 as const, 1],
  ])('retries a throttled report (HTTP %i, Retry-After %s) and completes', async (status, retryAfter) => {
    const { mock, connector } = await setup({
      failures: [{ kind: 'rate_limit', path: '/applications/saml', times: 1 }],
      rateLimitStatus: status,
      retryAfterSeconds: retryAfter,
    });
    const run = syncCollector();
    await connector.sync(run.options);
    const saml = mock.requests.filter((r) => r.pathname.endsWith('/applications/saml'));
    expect(saml).toHaveLength(2);
    if (retryAfter) expect(saml[1]!.at - saml[0]!.at).toBeGreaterThanOrEqual(retryAfter * 1000 - 50);
    expect(run.state.observations.some((o) => o.sourceRef.startsWith('saml:'))).toBe(true);
  });

  it('stops promptly when the signal aborts during a long vendor wait', async () => {
    const { connector } = await setup({
      failures: [{ kind: 'rate_limit', path: '/applications/token' }],
      retryAfterSeconds: 60,
    });
    const run = syncCollector();
    const started = Date.now();
    const sync = connector.sync(run.options);
    setTimeout(() => run.abort(new Error('cancelled by admin')), 300);
    await expect(sync).rejects.toThrow('cancelled by admin');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.state.cursor).toMatchObject({ grantsDoneAt: '2026-03-10T12:00:00.000Z' });
  });

  it('test() reports bad credentials, missing delegated scopes, missing licence and unreachable hosts', async () => {
    const ok = await setup();
    await expect(ok.connector.test()).resolves.toMatchObject({ ok: true });

    const badKey = googleConnector.create(
      { ...ok.config, serviceAccountEmail: 'other@x.iam.gserviceaccount.com' },
      ok.context,
    );
    const bad = await badKey.test();
    expect(bad).toMatchObject({ ok: false, problem: 'bad_credentials', details: { failed: 'token' } });
    expect(bad.message).toMatch(/private_key/);

    const noDwd = await setup({ delegatedScopes: [googleScopes[0]] });
    const scope = await noDwd.connector.test();
    expect(scope).toMatchObject({ ok: false, problem: 'missing_scope' });
    expect(scope.message).toMatch(/Domain-wide delegation/);

    const licence = await setup({ failures: [{ kind: 'missing_license', path: '/activity/' }] });
    await expect(licence.connector.test()).resolves.toMatchObject({
      ok: false,
      problem: 'missing_license',
      details: { failed: 'reports' },
    });

    const closed = await setup();
    await closed.mock.close();
    mocks.splice(mocks.indexOf(closed.mock), 1);
    await expect(closed.connector.test()).resolves.toMatchObject({ ok: false, problem: 'unreachable' });

    const strict = googleConnector.create(ok.config, { ...ok.context, allowCustomHost: false });
    await expect(strict.test()).resolves.toMatchObject({ ok: false, problem: 'unreachable' });
  });

  it('resumes after a crash from the last committed cursor without re-emitting anything', async () => {
    const full = await setup();
    const all = syncCollector();
    await full.connector.sync(all.options);

    const { connector } = await setup();
    const crashed = syncCollector(null, 2);
    await expect(connector.sync(crashed.options)).rejects.toThrow('lease lost');
    const resumed = syncCollector(crashed.state.cursor);
    await connector.sync(resumed.options);
    const emitted = refs([...crashed.state.observations, ...resumed.state.observations]);
    expect(new Set(emitted).size).toBe(emitted.length);
    expect(emitted).toEqual(refs(all.state.observations));
  });

  it('works with any OAuth2 client (a pre-issued access token)', async () => {
    const { config, context } = await setup({ accessTokens: { 'ya29.static': [...googleScopes] } });
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'ya29.static', expiry_date: Date.now() + 3_600_000 });
    const run = syncCollector();
    const summary = await createGoogleConnector(config, context, auth).sync(run.options);
    expect(summary.counts.grants).toBeGreaterThan(0);
  });

  it('rejects a configuration without the service account key', () => {
    expect(googleConnector.configSchema.safeParse({ adminEmail: 'a@example.com' }).success).toBe(false);
    expect(googleConnector.secretFields).toEqual(['privateKey']);
  });
});
