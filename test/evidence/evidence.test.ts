import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../backend/src/db/rows.ts';
import { decisions } from '../../backend/src/db/schema.ts';
import { insertDecisions, systemDecision } from '../../backend/src/discovery/system-decisions.ts';
import { defaultPolicySnapshotId } from '../../backend/src/evidence/policy-snapshot.ts';
import { seedAsset, seedFinding } from '../findings/seed.ts';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';

describe.each(databaseKinds)('evidence on %s', (kind) => {
  describe.skipIf(postgresMissing(kind))('', () => {
    let t: TestApp;
    let analyst: Caller;
    let admin: Caller;
    let auditor: Caller;
    const snap = defaultPolicySnapshotId();
    beforeEach(async () => {
      t = await buildTestApp(kind);
      [analyst, admin, auditor] = [await t.signIn('analyst'), await t.signIn('admin'), await t.signIn('auditor')];
    });
    afterEach(() => t.close());

    // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in assertions
    const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });
    const post = async (path: string, body: Record<string, unknown>, caller = analyst) =>
      json(await t.request('POST', path, { caller, body }));

    /** A realistic day: discovery raises findings (system decisions), people decide, a suppression lapses. */
    async function realisticFlow() {
      const db = t.database.db;
      const now = t.clock();
      const gpt = await seedAsset(db, now);
      const gemini = await seedAsset(db, now, { serviceId: 'gemini', assetKey: 'svc:gemini', name: 'Gemini' });
      const a = await seedFinding(db, now, gpt.id, { findingKey: 'a' });
      const b = await seedFinding(db, now, gemini.id, { findingKey: 'b' });
      const c = await seedFinding(db, now, null, { findingKey: 'c', ruleId: 'secrets-to-personal-accounts' });
      await insertDecisions(
        db,
        [a, b, c].map((f) =>
          systemDecision({
            decision: 'raise',
            subjectType: 'finding',
            subjectId: f.id,
            subjectVersion: 1,
            ruleId: f.ruleId,
            reason: 'rule matched',
            policySnapshotId: snap,
            at: now,
          }),
        ),
      );
      expect((await post(`/api/v1/findings/${a.id}/classify`, { version: 1, policySnapshotId: snap })).status).toBe(
        200,
      );
      const until = new Date(now.getTime() + 86400_000).toISOString();
      const s = await post(`/api/v1/findings/${b.id}/suppress`, {
        version: 1,
        policySnapshotId: snap,
        reason: 'pilot',
        until,
      });
      expect(s.status).toBe(200);
      const r = await post(`/api/v1/findings/${c.id}/reclassify`, {
        version: 1,
        policySnapshotId: snap,
        reason: 'rotated',
        severity: 'low',
      });
      expect(r.status).toBe(200);
      const g = await json(
        await t.request('PUT', '/api/v1/services/gemini/governance', {
          caller: admin,
          body: { version: 0, status: 'tolerated' },
        }),
      );
      expect(g.status).toBe(200);
      t.clock.advance(2 * 86400_000);
      auditor = await t.signIn('auditor');
      analyst = await t.signIn('analyst');
      expect((await json(await t.request('GET', `/api/v1/findings/${b.id}`, { caller: analyst }))).body.status).toBe(
        'open',
      );
    }

    it('finds every decision complete after a realistic flow, and names the fields an incomplete one lacks', async () => {
      await realisticFlow();
      const count = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from decisions`));
      expect(count[0]!.n).toBe(8);
      const check = await json(await t.request('GET', '/api/v1/evidence/completeness', { caller: auditor }));
      expect(check).toMatchObject({ status: 200, body: { checked: 8, complete: true, incomplete: [] } });

      const bad = uuidv7();
      await t.database.db.insert(decisions).values({
        id: bad,
        decision: 'classify',
        subjectType: 'finding',
        subjectId: uuidv7(),
        actorType: 'user',
        actorId: analyst.userId,
        actorRole: 'analyst',
        policySnapshotId: snap,
        ruleId: 'x',
        reason: '',
        at: t.clock(),
      });
      const after = await json(await t.request('GET', '/api/v1/evidence/completeness', { caller: auditor }));
      expect(after.body).toMatchObject({
        complete: false,
        incomplete: [{ id: bad, missing: ['reason', 'subjectVersion'] }],
      });
    });

    it('exports the decisions of a range with the policy snapshots they cite', async () => {
      await realisticFlow();
      const res = await t.request('GET', '/api/v1/evidence/export?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z', {
        caller: auditor,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const doc = (await res.json()) as {
        decisions: { decision: string; at: string }[];
        decisionCount: number;
        policySnapshots: { snapshotId: string; source: string; documents: string[] }[];
      };
      expect(doc.decisionCount).toBe(8);
      expect(doc.decisions.map((d) => d.decision)).toEqual([
        'raise',
        'raise',
        'raise',
        'classify',
        'suppress',
        'reclassify',
        'govern',
        'reopen',
      ]);
      expect(doc.decisions.map((d) => d.at)).toEqual([...doc.decisions.map((d) => d.at)].sort());
      expect(doc.policySnapshots).toEqual([
        expect.objectContaining({
          snapshotId: snap,
          source: 'shipped defaults',
          documents: expect.arrayContaining([expect.stringContaining('kind: exposure')]),
        }),
      ]);
      const narrow = await t.request(
        'GET',
        '/api/v1/evidence/export?from=2026-11-02T00:00:00Z&to=2026-12-01T00:00:00Z',
        {
          caller: auditor,
        },
      );
      expect(((await narrow.json()) as { decisionCount: number }).decisionCount).toBe(1);
      const inverted = await json(
        await t.request('GET', '/api/v1/evidence/export?from=2026-12-01T00:00:00Z&to=2026-10-01T00:00:00Z', {
          caller: auditor,
        }),
      );
      expect(inverted).toMatchObject({ status: 400, body: { error: { code: 'invalid_range' } } });
      const audit = rowsOf<{ n: number }>(
        await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'evidence.export'`),
      );
      expect(audit[0]!.n).toBe(2);
    });
  });
});
