import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../backend/src/db/rows.ts';
import { decisions } from '../../backend/src/db/schema.ts';
import { seedAsset, seedFinding } from '../findings/seed.ts';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { asDevice, enrolDevice } from '../support/events.ts';

describe.each(databaseKinds)('governance on %s', (kind) => {
  describe.skipIf(postgresMissing(kind))('', () => {
    let t: TestApp;
    let admin: Caller;
    beforeEach(async () => {
      t = await buildTestApp(kind);
      admin = await t.signIn('admin');
    });
    afterEach(() => t.close());

    // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in assertions
    const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });
    const put = async (serviceId: string, body: Record<string, unknown>, caller = admin) =>
      json(await t.request('PUT', `/api/v1/services/${serviceId}/governance`, { caller, body }));

    it('lists catalog services with governance and asset summary, and filters them', async () => {
      const asset = await seedAsset(t.database.db, t.clock(), { peopleCount: 34 });
      await seedFinding(t.database.db, t.clock(), asset.id);
      const all = await json(await t.request('GET', '/api/v1/services?limit=5', { caller: admin }));
      expect(all.status).toBe(200);
      expect(all.body.total).toBeGreaterThan(50);
      expect(all.body.services[0]).toMatchObject({
        id: 'chatgpt',
        governance: { status: 'unsanctioned', decided: false, version: 0 },
        asset: { peopleCount: 34, liveFindings: 1 },
      });
      const used = await json(await t.request('GET', '/api/v1/services?used=true', { caller: admin }));
      expect(used.body.services.map((s: { id: string }) => s.id)).toEqual(['chatgpt']);
      const q = await json(await t.request('GET', '/api/v1/services?q=claude&used=false', { caller: admin }));
      expect(q.body.services.some((s: { id: string }) => s.id === 'claude')).toBe(true);
      const bad = await json(await t.request('GET', '/api/v1/services?status=approved', { caller: admin }));
      expect(bad.status).toBe(400);
    });

    it('sets governance with optimistic versions: 409 on stale, idempotent repeat, decision and audit entry', async () => {
      const before = await json(await t.request('GET', '/api/v1/services/claude/governance', { caller: admin }));
      expect(before.body).toMatchObject({ status: 'unsanctioned', decided: false, version: 0 });
      const change = { version: 0, status: 'sanctioned', owner: 'it@corp.example', reviewDate: '2027-06-01T00:00:00Z' };
      const first = await put('claude', change);
      expect(first).toMatchObject({
        status: 200,
        body: {
          idempotent: false,
          governance: { status: 'sanctioned', decided: true, version: 1, owner: 'it@corp.example' },
        },
      });
      const repeat = await put('claude', change);
      expect(repeat.body).toMatchObject({
        idempotent: true,
        decisionId: first.body.decisionId,
        governance: { version: 1 },
      });
      const stale = await put('claude', { ...change, status: 'blocked' });
      expect(stale).toMatchObject({
        status: 409,
        body: {
          error: {
            code: 'stale_version',
            details: { currentVersion: 1, yourVersion: 0, current: { status: 'sanctioned' } },
          },
        },
      });
      const wrongPolicy = await put('claude', {
        ...change,
        version: 1,
        status: 'tolerated',
        policySnapshotId: 'f'.repeat(64),
      });
      expect(wrongPolicy).toMatchObject({ status: 409, body: { error: { code: 'policy_changed' } } });
      const rows = await t.database.db.select().from(decisions).where(eq(decisions.subjectId, 'claude'));
      expect(rows).toEqual([
        expect.objectContaining({
          decision: 'govern',
          subjectType: 'service',
          subjectVersion: 0,
          ruleId: 'service-governance',
          reason: 'status set to sanctioned',
          actorType: 'user',
          actorId: admin.userId,
          actorRole: 'admin',
        }),
      ]);
      const audit = rowsOf<{ action: string; target_id: string }>(
        await t.database.db.execute(sql`select action, target_id from audit_log where action = 'governance.update'`),
      );
      expect(audit).toEqual([{ action: 'governance.update', target_id: 'claude' }]);
      const unknown = await put('no-such-service', change);
      expect(unknown.status).toBe(404);
      const invalid = await put('claude', { version: 1, status: 'approved' });
      expect(invalid.status).toBe(400);
      const analyst = await t.signIn('analyst');
      expect((await put('claude', { ...change, version: 1 }, analyst)).status).toBe(403);
    });

    it('reaches the extension bundle: a new version carrying the service status', async () => {
      const device = await enrolDevice(t, admin);
      const send = asDevice(t, device.deviceToken);
      const first = (await (await send('GET', '/api/v1/extension/bundle')).json()) as {
        version: string;
        services: Record<string, string>;
      };
      expect(first.services.chatgpt).toBeUndefined();
      expect((await put('chatgpt', { version: 0, status: 'blocked', reason: 'trains on our data' })).status).toBe(200);
      const res = await send('GET', '/api/v1/extension/bundle', { headers: { 'if-none-match': `"${first.version}"` } });
      expect(res.status).toBe(200);
      const second = (await res.json()) as { version: string; services: Record<string, string> };
      expect(second.version).not.toBe(first.version);
      expect(second.services.chatgpt).toBe('blocked');
    });
  });
});
