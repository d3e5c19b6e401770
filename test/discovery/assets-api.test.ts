import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { asDevice, enrolDevice, makeEvent } from '../support/events.ts';

interface AssetBody {
  id: string;
  assetKey: string;
  tier: number;
  state: string;
  signals: { ruleId: string };
  tierHistory: { toTier: number; reason: string }[];
}

describe.each(databaseKinds)('discovery API over ingested extension events (%s)', (kind) => {
  let t: TestApp;
  let admin: Caller;
  let analyst: Caller;
  beforeEach(async () => {
    if (postgresMissing(kind)) return;
    t = await buildTestApp(kind);
    admin = await t.signIn('admin');
    analyst = await t.signIn('analyst');
  });
  afterEach(async () => {
    await t?.close();
  });

  async function ingest() {
    const device = await enrolDevice(t, admin, { userEmail: 'dev@example.com' });
    const send = asDevice(t, device.deviceToken);
    const at = (daysAgo: number) => new Date(t.clock().getTime() - daysAgo * 86_400_000);
    const events = [
      ...[1, 2, 3].flatMap((d) => [
        makeEvent('visit', at(d)),
        makeEvent('surface', at(d)),
        makeEvent('interaction', at(d)),
      ]),
      // A secret that left the browser towards a personal account (warned, then the person continued).
      makeEvent('dlp', at(1), { action: 'warn', decision: 'proceeded', justification: 'test key', mode: 'enforce' }),
      makeEvent('dlp', at(2)),
      makeEvent('visit', at(1), { host: 'claude.ai', serviceId: 'claude' }),
    ];
    const res = await send('POST', '/api/v1/ingest', { body: { events } });
    expect(res.status).toBe(200);
  }

  it.skipIf(postgresMissing(kind))('recomputes on demand, lists and shows assets with their tier history', async () => {
    await ingest();
    const denied = await t.request('POST', '/api/v1/discovery/recompute', { caller: analyst, body: {} });
    expect(denied.status).toBe(403);
    const res = await t.request('POST', '/api/v1/discovery/recompute', { caller: admin, body: {} });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      assets: { assets: number };
      findings: { raised: number };
      alerts: { opened: number };
    };
    expect(report.assets.assets).toBe(2);
    expect(report.alerts.opened).toBeGreaterThanOrEqual(1);

    const list = await t.request('GET', '/api/v1/assets?sort=-tier&limit=1', { caller: analyst });
    const page = (await list.json()) as { assets: AssetBody[]; nextCursor: string | null };
    expect(page.assets.map((a) => [a.assetKey, a.tier])).toEqual([['svc:chatgpt', 3]]);
    expect(page.nextCursor).not.toBeNull();
    const next = (await (
      await t.request('GET', `/api/v1/assets?sort=-tier&limit=1&cursor=${page.nextCursor}`, { caller: analyst })
    ).json()) as { assets: AssetBody[]; nextCursor: string | null };
    expect(next.assets.map((a) => [a.assetKey, a.tier])).toEqual([['svc:claude', 1]]);
    expect(next.nextCursor).toBeNull();
    const filtered = (await (await t.request('GET', '/api/v1/assets?tier=1,2', { caller: analyst })).json()) as {
      assets: AssetBody[];
    };
    expect(filtered.assets.map((a) => a.assetKey)).toEqual(['svc:claude']);
    const bad = await t.request('GET', '/api/v1/assets?cursor=nonsense', { caller: analyst });
    expect(bad.status).toBe(400);

    const one = await t.request('GET', `/api/v1/assets/${page.assets[0]!.id}`, { caller: analyst });
    const body = (await one.json()) as AssetBody;
    expect(body.signals.ruleId).toBe('tier-3-repeated-interaction');
    expect(body.tierHistory).toEqual([expect.objectContaining({ toTier: 3 })]);
    const missing = await t.request('GET', '/api/v1/assets/01900000-0000-7000-8000-0000000000aa', { caller: analyst });
    expect(missing.status).toBe(404);

    const alerts = await t.database.db.query.alerts.findMany();
    const secret = alerts.find((a) => a.ruleId === 'secrets-to-personal-accounts');
    expect(secret).toMatchObject({ severity: 'critical', status: 'open', delivery: 'skipped' });
    expect(secret!.message).toMatch(/^1 secrets were sent to personal ChatGPT accounts by 1 people/);
  });

  it.skipIf(postgresMissing(kind))('answers 409 while another replica holds the recompute lease', async () => {
    const { withJobLease } = await import('../../backend/src/discovery/job-lease.ts');
    let inner = 0;
    await withJobLease(
      t.database.db,
      { name: 'discovery.recompute', owner: 'other-replica', now: t.clock, ttlMs: 60_000 },
      async () => {
        const res = await t.request('POST', '/api/v1/discovery/recompute', { caller: admin, body: {} });
        inner = res.status;
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('recompute_running');
      },
    );
    expect(inner).toBe(409);
    const after = await t.request('POST', '/api/v1/discovery/recompute', { caller: admin, body: {} });
    expect(after.status).toBe(200);
  });
});
