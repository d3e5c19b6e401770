import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../backend/src/db/rows.ts';
import { aiAssets, assetTierChanges, decisions, findings, policyVersions } from '../../backend/src/db/schema.ts';
import { defaultPolicySnapshotId } from '../../backend/src/evidence/policy-snapshot.ts';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { seedAsset, seedFinding } from './seed.ts';

describe.each(databaseKinds)('findings on %s', (kind) => {
  describe.skipIf(postgresMissing(kind))('', () => {
    let t: TestApp;
    let analyst: Caller;
    const snap = defaultPolicySnapshotId();
    beforeEach(async () => {
      t = await buildTestApp(kind);
      analyst = await t.signIn('analyst');
    });
    afterEach(() => t.close());

    // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in assertions
    const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });
    const decide = async (id: string, action: string, body: Record<string, unknown>, caller = analyst) =>
      json(await t.request('POST', `/api/v1/findings/${id}/${action}`, { caller, body }));
    const auditActions = async () =>
      rowsOf<{ action: string; target_id: string }>(
        await t.database.db.execute(sql`select action, target_id from audit_log order by seq`),
      );

    it('lists with filters, sorts and pages with a cursor; breaks down by every dimension', async () => {
      const db = t.database.db;
      const now = t.clock();
      const gpt = await seedAsset(db, now, { departments: ['Engineering', 'Sales'], sources: ['extension', 'okta'] });
      const claude = await seedAsset(db, now, {
        serviceId: 'claude',
        assetKey: 'svc:claude',
        name: 'Claude',
        departments: ['Finance'],
      });
      for (let i = 0; i < 5; i++) {
        await seedFinding(db, new Date(now.getTime() - i * 60_000), gpt.id, {
          findingKey: `k-gpt-${i}`,
          severity: i === 0 ? 'critical' : 'high',
        });
      }
      await seedFinding(db, now, claude.id, {
        findingKey: 'k-claude',
        ruleId: 'critical-risk-ungoverned',
        severity: 'medium',
        tier: 3,
      });

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const q: string = `/api/v1/findings?limit=2&sort=-lastSeen${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await json(await t.request('GET', q, { caller: analyst }));
        expect(page.status).toBe(200);
        seen.push(...page.body.findings.map((f: { id: string }) => f.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(6);
      expect(new Set(seen).size).toBe(6);

      const bySeverity = await json(
        await t.request('GET', '/api/v1/findings?sort=-severity&limit=1', { caller: analyst }),
      );
      expect(bySeverity.body.findings[0].severity).toBe('critical');
      const filtered = await json(
        await t.request('GET', '/api/v1/findings?department=Finance&tier=3&severity=medium,low', { caller: analyst }),
      );
      expect(filtered.body.findings.map((f: { asset: { serviceId: string } }) => f.asset.serviceId)).toEqual([
        'claude',
      ]);
      const bySource = await json(
        await t.request('GET', '/api/v1/findings?source=okta&service=chatgpt', { caller: analyst }),
      );
      expect(bySource.body.findings).toHaveLength(5);
      const bad = await json(await t.request('GET', '/api/v1/findings?cursor=nonsense', { caller: analyst }));
      expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_cursor' } } });
      const badStatus = await json(await t.request('GET', '/api/v1/findings?status=closed', { caller: analyst }));
      expect(badStatus.status).toBe(400);

      const b = await json(await t.request('GET', '/api/v1/findings/breakdown', { caller: analyst }));
      expect(b.status).toBe(200);
      expect(b.body.total).toBe(6);
      expect(b.body.service).toEqual([
        { key: 'chatgpt', label: 'chatgpt', count: 5 },
        { key: 'claude', label: 'Claude', count: 1 },
      ]);
      expect(b.body.severity).toEqual(
        expect.arrayContaining([
          { key: 'high', label: 'high', count: 4 },
          { key: 'critical', label: 'critical', count: 1 },
        ]),
      );
      expect(b.body.department).toEqual([
        { key: 'Engineering', label: 'Engineering', count: 5 },
        { key: 'Sales', label: 'Sales', count: 5 },
        { key: 'Finance', label: 'Finance', count: 1 },
      ]);
      expect(b.body.source).toEqual([
        { key: 'extension', label: 'extension', count: 6 },
        { key: 'okta', label: 'okta', count: 5 },
      ]);
      expect(b.body.status).toEqual([{ key: 'open', label: 'open', count: 6 }]);
      expect(b.body.tier).toEqual([
        { key: '2', label: '2', count: 5 },
        { key: '3', label: '3', count: 1 },
      ]);
    });

    it('classify confirms the finding, makes its asset tier 4 with a tier change, and records the decision', async () => {
      const db = t.database.db;
      const asset = await seedAsset(db, t.clock(), { tier: 2 });
      const f = await seedFinding(db, t.clock(), asset.id);
      const res = await decide(f.id, 'classify', { version: 1, policySnapshotId: snap, reason: 'seen it in the logs' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ idempotent: false, finding: { status: 'confirmed', tier: 4, version: 2 } });
      const [a] = await db.select().from(aiAssets).where(eq(aiAssets.id, asset.id));
      expect(a).toMatchObject({ tier: 4, confirmedBy: analyst.userId, version: 2 });
      expect(a!.confirmedAt).toEqual(t.clock());
      const changes = await db.select().from(assetTierChanges).where(eq(assetTierChanges.assetId, asset.id));
      expect(changes).toEqual([
        expect.objectContaining({
          fromTier: 2,
          toTier: 4,
          reason: 'operator confirmed',
          actorType: 'user',
          actorId: analyst.userId,
        }),
      ]);
      const [d] = await db.select().from(decisions).where(eq(decisions.subjectId, f.id));
      expect(d).toMatchObject({
        decision: 'classify',
        subjectType: 'finding',
        subjectVersion: 1,
        ruleId: 'unsanctioned-trains-on-data',
        reason: 'seen it in the logs',
        policySnapshotId: snap,
        actorType: 'user',
        actorId: analyst.userId,
        actorRole: 'analyst',
      });
      expect(await auditActions()).toContainEqual({ action: 'finding.classify', target_id: f.id });
      const detail = await json(await t.request('GET', `/api/v1/findings/${f.id}`, { caller: analyst }));
      expect(detail.body.timeline.map((x: { decision: string }) => x.decision)).toEqual(['classify']);
      expect(detail.body.tierHistory).toEqual([expect.objectContaining({ fromTier: 2, toTier: 4 })]);
    });

    it('answers a stale version with 409 and what changed; a repeat of the same decision is idempotent', async () => {
      const f = await seedFinding(t.database.db, t.clock(), null);
      const first = await decide(f.id, 'acknowledge', { version: 1, policySnapshotId: snap });
      expect(first.body).toMatchObject({ idempotent: false, finding: { status: 'acknowledged', version: 2 } });
      const repeat = await decide(f.id, 'acknowledge', { version: 1, policySnapshotId: snap });
      expect(repeat).toMatchObject({ status: 200, body: { idempotent: true, decisionId: first.body.decisionId } });
      const other = await t.signIn('owner');
      const repeatByOther = await decide(f.id, 'acknowledge', { version: 1, policySnapshotId: snap }, other);
      expect(repeatByOther.body.idempotent).toBe(true);
      const rows = await t.database.db.select().from(decisions).where(eq(decisions.subjectId, f.id));
      expect(rows).toHaveLength(1);

      const stale = await decide(f.id, 'reclassify', {
        version: 1,
        policySnapshotId: snap,
        reason: 'not that bad',
        severity: 'low',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({
        code: 'stale_version',
        details: { currentVersion: 2, yourVersion: 1, changedFields: ['status'], current: { status: 'acknowledged' } },
      });
      const ok = await decide(f.id, 'reclassify', {
        version: 2,
        policySnapshotId: snap,
        reason: 'not that bad',
        severity: 'low',
        status: 'open',
      });
      expect(ok.body.finding).toMatchObject({ severity: 'low', status: 'open', version: 3 });
    });

    it('refuses a decision made under a policy that changed since (409 policy_changed)', async () => {
      const f = await seedFinding(t.database.db, t.clock(), null);
      await t.database.db.insert(policyVersions).values({
        id: uuidv7(),
        snapshotId: 'b'.repeat(64),
        documents: ['kind: classification'],
        active: true,
        createdAt: t.clock(),
      });
      const res = await decide(f.id, 'acknowledge', { version: 1, policySnapshotId: snap });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'policy_changed',
        details: { currentPolicySnapshotId: 'b'.repeat(64), yourPolicySnapshotId: snap },
      });
      const [row] = await t.database.db.select().from(findings).where(eq(findings.id, f.id));
      expect(row).toMatchObject({ status: 'open', version: 1 });
      const ok = await decide(f.id, 'acknowledge', { version: 1, policySnapshotId: 'b'.repeat(64) });
      expect(ok.status).toBe(200);
    });

    it('suppress needs a reason and a future expiry; an expired suppression reopens on the next read', async () => {
      const f = await seedFinding(t.database.db, t.clock(), null);
      const noReason = await decide(f.id, 'suppress', {
        version: 1,
        policySnapshotId: snap,
        until: '2026-12-01T00:00:00Z',
      });
      expect(noReason).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
      const past = await decide(f.id, 'suppress', {
        version: 1,
        policySnapshotId: snap,
        reason: 'pilot',
        until: '2026-01-01T00:00:00Z',
      });
      expect(past).toMatchObject({ status: 400, body: { error: { details: [{ path: 'until' }] } } });
      const until = new Date(t.clock().getTime() + 7 * 86400_000).toISOString();
      const ok = await decide(f.id, 'suppress', {
        version: 1,
        policySnapshotId: snap,
        reason: 'approved pilot',
        until,
      });
      expect(ok.body.finding).toMatchObject({
        status: 'suppressed',
        suppressionReason: 'approved pilot',
        suppressedUntil: until,
      });
      const still = await json(await t.request('GET', `/api/v1/findings/${f.id}`, { caller: analyst }));
      expect(still.body.status).toBe('suppressed');

      t.clock.advance(8 * 86400_000);
      analyst = await t.signIn('analyst'); // the earlier session has expired
      const list = await json(await t.request('GET', '/api/v1/findings?status=open', { caller: analyst }));
      expect(list.body.findings.map((x: { id: string }) => x.id)).toEqual([f.id]);
      const detail = await json(await t.request('GET', `/api/v1/findings/${f.id}`, { caller: analyst }));
      expect(detail.body).toMatchObject({ status: 'open', version: 3 });
      expect(
        detail.body.timeline.map((d: { decision: string; actorType: string }) => [d.decision, d.actorType]),
      ).toEqual([
        ['suppress', 'user'],
        ['reopen', 'system'],
      ]);
      expect(await auditActions()).toContainEqual({ action: 'finding.reopen', target_id: f.id });
    });

    it('refuses transitions the status does not allow and decisions that change nothing', async () => {
      const f = await seedFinding(t.database.db, t.clock(), null, { status: 'resolved' });
      const res = await decide(f.id, 'acknowledge', { version: 1, policySnapshotId: snap });
      expect(res).toMatchObject({ status: 409, body: { error: { code: 'invalid_transition' } } });
      const same = await decide(f.id, 'reclassify', {
        version: 1,
        policySnapshotId: snap,
        reason: 'same',
        severity: 'high',
      });
      expect(same).toMatchObject({ status: 409, body: { error: { code: 'no_change' } } });
      const none = await decide(f.id, 'reclassify', { version: 1, policySnapshotId: snap, reason: 'nothing' });
      expect(none.status).toBe(400);
      const missing = await decide(uuidv7(), 'acknowledge', { version: 1, policySnapshotId: snap });
      expect(missing.status).toBe(404);
      const rows = await t.database.db
        .select()
        .from(decisions)
        .where(and(eq(decisions.subjectType, 'finding')));
      expect(rows).toEqual([]);
    });
  });
});
