import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exposureDaily } from '../../backend/src/db/schema.ts';
import { defaultPolicySnapshotId } from '../../backend/src/evidence/policy-snapshot.ts';
import { computeExposure } from '../../backend/src/exposure/compute.ts';
import { seedAsset, seedFinding, seedPeople, seedUsage } from '../findings/seed.ts';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';

describe.each(databaseKinds)('exposure on %s', (kind) => {
  describe.skipIf(postgresMissing(kind))('', () => {
    let t: TestApp;
    let owner: Caller;
    beforeEach(async () => {
      t = await buildTestApp(kind);
      owner = await t.signIn('owner');
    });
    afterEach(() => t.close());

    // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in assertions
    const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });
    const overview = async (scope = 'org') =>
      json(await t.request('GET', `/api/v1/exposure?scope=${encodeURIComponent(scope)}`, { caller: owner }));

    /** 20 engineers use personal ChatGPT (some paste secrets); 10 sales people use Claude with corporate accounts. */
    async function seedOrg() {
      const db = t.database.db;
      const now = t.clock();
      const day = now.toISOString().slice(0, 10);
      const eng = Array.from({ length: 20 }, (_, i) => `eng${i}@corp.example`);
      const sales = Array.from({ length: 10 }, (_, i) => `sales${i}@corp.example`);
      await seedPeople(db, now, [
        ...eng.map((p) => ({ personKey: p, department: 'Engineering' })),
        ...sales.map((p) => ({ personKey: p, department: 'Sales' })),
      ]);
      const gpt = await seedAsset(db, now, { peopleCount: 20, tier: 3, riskTier: 'high' });
      const claude = await seedAsset(db, now, {
        serviceId: 'claude',
        assetKey: 'svc:claude',
        name: 'Claude',
        peopleCount: 10,
        tier: 3,
        riskTier: 'medium',
        departments: ['Sales'],
        accountTypes: ['corporate'],
      });
      await seedUsage(db, [
        ...eng.map((p, i) => ({
          day,
          serviceKey: 'chatgpt',
          personKey: p,
          accountTypes: 1,
          dlpEvents: i < 5 ? 2 : 0,
          dlpSecret: i < 5 ? 2 : 0,
        })),
        ...sales.map((p) => ({ day, serviceKey: 'claude', personKey: p, accountTypes: 2 })),
      ]);
      const finding = await seedFinding(db, now, gpt.id);
      return { gpt, claude, finding };
    }

    it('computes org, department and service scores with explainable contributions, read without recompute', async () => {
      const empty = await overview();
      expect(empty.body).toMatchObject({ day: null, score: null, contributions: [] });
      const { gpt } = await seedOrg();
      const result = (await computeExposure(t.database.db, { now: t.clock() })) as { score: number; scopes: number };
      expect(result.score).toBeGreaterThan(0);
      const rows = await t.database.db.select().from(exposureDaily);
      expect(rows.map((r) => r.scope).sort()).toEqual([
        'department:Engineering',
        'department:Sales',
        'org',
        'service:svc:chatgpt',
        'service:svc:claude',
      ]);
      const org = await overview();
      expect(org.status).toBe(200);
      expect(org.body.score).toBe(result.score);
      expect(org.body.day).toBe('2026-11-01');
      const top = org.body.contributions.find((c: { kind: string }) => c.kind === 'asset');
      expect(top).toMatchObject({
        kind: 'asset',
        assetId: gpt.id,
        factors: { status: 'unsanctioned', people: 20, personalShare: 1 },
      });
      expect(org.body.contributions).toContainEqual(
        expect.objectContaining({ kind: 'data', category: 'secret', factors: expect.objectContaining({ events: 10 }) }),
      );
      const eng = org.body.departments.find((d: { department: string }) => d.department === 'Engineering');
      const sales = org.body.departments.find((d: { department: string }) => d.department === 'Sales');
      expect(eng.score).toBeGreaterThan(sales.score);
      expect(org.body.services[0]).toMatchObject({ assetKey: 'svc:chatgpt', name: 'chatgpt' });
      const dept = await overview('department:Sales');
      expect(dept.body.contributions.every((c: { assetKey: string }) => c.assetKey === 'svc:claude')).toBe(true);
      expect((await overview('department:Nobody')).status).toBe(404);
      expect((await overview('everything')).status).toBe(400);
    });

    it('keeps a daily series for trends', async () => {
      await seedOrg();
      await computeExposure(t.database.db, { now: t.clock() });
      t.clock.advance(86400_000);
      await computeExposure(t.database.db, { now: t.clock() });
      await computeExposure(t.database.db, { now: t.clock() });
      owner = await t.signIn('owner');
      const series = await json(await t.request('GET', '/api/v1/exposure/series?scope=org&days=7', { caller: owner }));
      expect(series.status).toBe(200);
      expect(series.body.points.map((p: { day: string }) => p.day)).toEqual(['2026-11-01', '2026-11-02']);
    });

    it('goes down when a service is sanctioned or a finding is suppressed', async () => {
      const { finding } = await seedOrg();
      const score = async () => {
        await computeExposure(t.database.db, { now: t.clock() });
        return (await overview()).body.score as number;
      };
      const start = await score();
      const analyst = await t.signIn('analyst');
      const until = new Date(t.clock().getTime() + 30 * 86400_000).toISOString();
      const suppress = await t.request('POST', `/api/v1/findings/${finding.id}/suppress`, {
        caller: analyst,
        body: { version: 1, policySnapshotId: defaultPolicySnapshotId(), reason: 'approved pilot', until },
      });
      expect(suppress.status).toBe(200);
      const suppressed = await score();
      expect(suppressed).toBeLessThan(start);
      const sanction = await t.request('PUT', '/api/v1/services/chatgpt/governance', {
        caller: owner,
        body: { version: 0, status: 'sanctioned', reason: 'enterprise contract signed' },
      });
      expect(sanction.status).toBe(200);
      const sanctioned = await score();
      expect(sanctioned).toBeLessThan(suppressed);
      const gptService = await overview('service:svc:chatgpt');
      expect(gptService.body.contributions.find((c: { kind: string }) => c.kind === 'asset').factors).toMatchObject({
        status: 'sanctioned',
        statusWeight: 0,
      });
    });
  });
});
