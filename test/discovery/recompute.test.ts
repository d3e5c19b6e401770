import { and, asc, desc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aiAssets, assetTierChanges, decisions, findings, serviceGovernance } from '../../backend/src/db/schema.ts';
import { createFixtureSource } from '../../backend/src/discovery/fixture-source.ts';
import { createObservationSink } from '../../backend/src/discovery/observations.ts';
import { recomputeDiscovery } from '../../backend/src/discovery/recompute.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { dayBefore, insertPeople, insertUsage } from './support.ts';

describe.each(databaseKinds)('discovery recompute (%s)', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    if (postgresMissing(kind)) return;
    t = await buildTestApp(kind);
  });
  afterEach(async () => {
    await t?.close();
  });
  const db = () => t.database.db;
  const asset = async (key: string) => (await db().select().from(aiAssets).where(eq(aiAssets.assetKey, key)))[0]!;

  async function seed() {
    const now = t.clock();
    await insertPeople(
      db(),
      [
        { personKey: 'ann@example.com', department: 'Engineering' },
        { personKey: 'bob@example.com', department: 'Sales' },
      ],
      now,
    );
    // ChatGPT: prompts on three days from Ann's personal account; Claude: one visit.
    await insertUsage(db(), [
      ...[1, 2, 3].map((d) => ({
        day: dayBefore(now, d),
        serviceKey: 'chatgpt',
        personKey: 'ann@example.com',
        visits: 2,
        surfaces: 2,
        prompts: 3,
        accountTypes: 1,
      })),
      { day: dayBefore(now, 1), serviceKey: 'claude', personKey: 'bob@example.com', visits: 1, accountTypes: 4 },
      { day: dayBefore(now, 2), serviceKey: 'host:chat.acme-llm.dev', personKey: 'bob@example.com', visits: 1 },
    ]);
    const fixture = createFixtureSource(createObservationSink(db(), t.clock));
    await fixture.report([
      {
        sourceRef: 'okta:signin:1',
        kind: 'sign_in',
        app: { name: 'DeepSeek' },
        person: { email: 'bob@example.com' },
        windowStart: new Date(now.getTime() - 86_400_000),
        windowEnd: new Date(now.getTime() - 86_000_000),
      },
      {
        sourceRef: 'google:grant:1',
        kind: 'oauth_grant',
        app: { name: 'Acme GPT Helper' },
        person: { email: 'ann@example.com' },
        scopes: ['https://www.googleapis.com/auth/drive.readonly'],
        windowStart: new Date(now.getTime() - 5 * 86_400_000),
        windowEnd: new Date(now.getTime() - 5 * 86_400_000),
      },
    ]);
  }

  it.skipIf(postgresMissing(kind))('builds assets with tiers, people, departments and sources', async () => {
    await seed();
    const report = await recomputeDiscovery(t.deps, { now: t.clock() });
    expect(report.assets).toMatchObject({ assets: 5, created: 5, tierChanges: 5, tierDrops: 0 });
    expect(report.exposure).toMatchObject({ day: t.clock().toISOString().slice(0, 10), services: 5 });
    expect(report.delivery).toEqual({ delivered: 0, failed: 0 });
    const chatgpt = await asset('svc:chatgpt');
    expect(chatgpt).toMatchObject({
      serviceId: 'chatgpt',
      name: 'ChatGPT',
      suspected: false,
      tier: 3,
      peopleCount: 1,
      departments: ['Engineering'],
      accountTypes: ['personal'],
      sources: ['extension'],
      state: 'ungoverned',
      riskTier: 'high',
    });
    expect(chatgpt.signals).toMatchObject({
      ruleId: 'tier-3-repeated-interaction',
      justifying: ['interaction', 'cadence'],
    });
    expect(chatgpt.stats).toMatchObject({
      people: 1,
      enrolledPeople: 1,
      idpOnlyPeople: 0,
      personalPeople: 1,
      activeDays: 3,
      prompts: 9,
    });
    expect(await asset('svc:claude')).toMatchObject({ tier: 1, accountTypes: ['unknown'] });
    expect(await asset('svc:deepseek')).toMatchObject({ tier: 2, sources: ['fixture'], riskTier: 'critical' });
    expect(await asset('host:chat.acme-llm.dev')).toMatchObject({
      suspected: true,
      tier: 1,
      name: 'chat.acme-llm.dev',
    });
    const helper = await asset('app:acmegpthelper');
    expect(helper).toMatchObject({ suspected: true, tier: 1, name: 'Acme GPT Helper' });
    expect(helper.stats).toMatchObject({ dataScopesGranted: true, idpOnlyPeople: 1 });
    const changes = await db().select().from(assetTierChanges).where(eq(assetTierChanges.assetId, chatgpt.id));
    expect(changes).toEqual([
      expect.objectContaining({ fromTier: null, toTier: 3, signals: ['interaction', 'cadence'], actorType: 'system' }),
    ]);
    const tierDecisions = await db().select().from(decisions).where(eq(decisions.decision, 'tier_change'));
    expect(tierDecisions).toHaveLength(5);
    for (const d of tierDecisions) {
      expect(d).toMatchObject({ subjectType: 'asset', actorType: 'system', policySnapshotId: report.policySnapshotId });
      expect(d.ruleId).toMatch(/^tier-\d-/);
      expect(d.reason).toMatch(/^first evaluation: /);
    }
  });

  it.skipIf(postgresMissing(kind))('records a tier drop with its reason when the evidence ages out', async () => {
    await seed();
    await recomputeDiscovery(t.deps, { now: t.clock() });
    t.clock.advance(60 * 86_400_000);
    const again = await recomputeDiscovery(t.deps, { now: t.clock(), lookbackDays: 30 });
    expect(again.assets.tierDrops).toBe(5);
    const chatgpt = await asset('svc:chatgpt');
    expect(chatgpt).toMatchObject({ tier: 0, peopleCount: 0 });
    const changes = await db()
      .select()
      .from(assetTierChanges)
      .where(eq(assetTierChanges.assetId, chatgpt.id))
      .orderBy(asc(assetTierChanges.at));
    expect(changes.map((c) => [c.fromTier, c.toTier])).toEqual([
      [null, 3],
      [3, 0],
    ]);
    expect(changes[1]!.reason).toBe(
      'dropped: surface-confirmed, interaction, cadence, account-type aged out of the 30-day window; now: no signal inside the lookback window',
    );
    // A third run with nothing new changes nothing.
    const third = await recomputeDiscovery(t.deps, { now: t.clock(), lookbackDays: 30 });
    expect(third.assets.tierChanges).toBe(0);
  });

  it.skipIf(postgresMissing(kind))('raises, resolves and reopens findings with complete decisions', async () => {
    await seed();
    const first = await recomputeDiscovery(t.deps, { now: t.clock() });
    const deepseek = await asset('svc:deepseek');
    const key = `classification:unsanctioned-high-risk:asset:${deepseek.id}`;
    const [raised] = await db().select().from(findings).where(eq(findings.findingKey, key));
    expect(raised).toMatchObject({ status: 'open', severity: 'high', tier: 2, version: 1, assetId: deepseek.id });
    expect(raised!.evidence).toMatchObject({
      links: { asset: `/api/v1/assets/${deepseek.id}` },
      people: 1,
      sources: ['fixture'],
      observations: { byKind: { sign_in: 1 }, bySource: { fixture: 1 } },
    });
    expect(first.findings.raised).toBeGreaterThan(3);

    t.clock.advance(60_000);
    await db().insert(serviceGovernance).values({ serviceId: 'deepseek', status: 'sanctioned', updatedAt: t.clock() });
    const second = await recomputeDiscovery(t.deps, { now: t.clock() });
    expect(second.findings.resolved).toBeGreaterThanOrEqual(1);
    const [resolved] = await db().select().from(findings).where(eq(findings.findingKey, key));
    expect(resolved).toMatchObject({ status: 'resolved', version: 2 });
    expect(await asset('svc:deepseek')).toMatchObject({ state: 'governed' });

    t.clock.advance(60_000);
    await db()
      .update(serviceGovernance)
      .set({ status: 'unsanctioned' })
      .where(eq(serviceGovernance.serviceId, 'deepseek'));
    await recomputeDiscovery(t.deps, { now: t.clock() });
    const [reopened] = await db().select().from(findings).where(eq(findings.findingKey, key));
    expect(reopened).toMatchObject({ status: 'open', version: 3 });
    const trail = await db()
      .select()
      .from(decisions)
      .where(and(eq(decisions.subjectType, 'finding'), eq(decisions.subjectId, raised!.id)))
      .orderBy(asc(decisions.at));
    expect(trail.map((d) => [d.decision, d.subjectVersion])).toEqual([
      ['raise', 1],
      ['resolve', 1],
      ['reopen', 2],
    ]);
    for (const d of trail) {
      expect(d).toMatchObject({ ruleId: 'unsanctioned-high-risk', actorType: 'system', actorId: 'discovery' });
      expect(d.reason).toBeTruthy();
      expect(d.policySnapshotId).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.skipIf(postgresMissing(kind))('keeps a suppressed finding suppressed until the suppression expires', async () => {
    await seed();
    await recomputeDiscovery(t.deps, { now: t.clock() });
    const deepseek = await asset('svc:deepseek');
    const key = `classification:unsanctioned-high-risk:asset:${deepseek.id}`;
    const until = new Date(t.clock().getTime() + 2 * 86_400_000);
    await db()
      .update(findings)
      .set({ status: 'suppressed', suppressedUntil: until, suppressionReason: 'pilot', version: 2 })
      .where(eq(findings.findingKey, key));
    t.clock.advance(86_400_000);
    const during = await recomputeDiscovery(t.deps, { now: t.clock() });
    expect(during.findings.reopened).toBe(0);
    expect((await db().select().from(findings).where(eq(findings.findingKey, key)))[0]).toMatchObject({
      status: 'suppressed',
      version: 2,
    });
    t.clock.advance(2 * 86_400_000);
    const after = await recomputeDiscovery(t.deps, { now: t.clock() });
    expect(after.findings.reopened).toBe(1);
    const [f] = await db().select().from(findings).where(eq(findings.findingKey, key));
    expect(f).toMatchObject({ status: 'open', version: 3 });
    const [d] = await db()
      .select()
      .from(decisions)
      .where(and(eq(decisions.subjectId, f!.id), eq(decisions.decision, 'reopen')));
    expect(d).toMatchObject({ reason: 'suppression expired', subjectVersion: 2 });
  });

  it.skipIf(postgresMissing(kind))(
    'settles an asset an operator suppressed as suppressed until unsuppressed',
    async () => {
      await seed();
      await recomputeDiscovery(t.deps, { now: t.clock() });
      const claude = await asset('svc:claude');
      expect(claude.state).toBe('ungoverned');
      const operator = {
        actorType: 'user',
        actorId: 'u1',
        actorRole: 'admin',
        ruleId: 'operator',
        policySnapshotId: 'x',
      };
      await db()
        .insert(decisions)
        .values({
          id: uuidv7(),
          decision: 'suppress',
          subjectType: 'asset',
          subjectId: claude.id,
          reason: 'internal pilot',
          at: t.clock(),
          details: { until: new Date(t.clock().getTime() + 86_400_000).toISOString() },
          ...operator,
        });
      await recomputeDiscovery(t.deps, { now: t.clock() });
      expect((await asset('svc:claude')).state).toBe('suppressed');
      t.clock.advance(2 * 86_400_000);
      await recomputeDiscovery(t.deps, { now: t.clock() });
      expect((await asset('svc:claude')).state).toBe('ungoverned');
    },
  );

  it.skipIf(postgresMissing(kind))(
    'keeps tier 4 after an operator confirmed, through data ageing out, until reclassified',
    async () => {
      await seed();
      await recomputeDiscovery(t.deps, { now: t.clock() });
      const claude = await asset('svc:claude');
      await db()
        .update(aiAssets)
        .set({ tier: 4, confirmedAt: t.clock(), confirmedBy: 'u1' })
        .where(eq(aiAssets.id, claude.id));
      t.clock.advance(100 * 86_400_000);
      const aged = await recomputeDiscovery(t.deps, { now: t.clock() });
      expect(aged.assets.tierDrops).toBe(4);
      expect(await asset('svc:claude')).toMatchObject({ tier: 4, peopleCount: 0 });
      await db().update(aiAssets).set({ confirmedAt: null, confirmedBy: null }).where(eq(aiAssets.id, claude.id));
      await recomputeDiscovery(t.deps, { now: t.clock() });
      expect(await asset('svc:claude')).toMatchObject({ tier: 0 });
      const [last] = await db()
        .select()
        .from(assetTierChanges)
        .where(eq(assetTierChanges.assetId, claude.id))
        .orderBy(desc(assetTierChanges.at))
        .limit(1);
      expect(last).toMatchObject({ fromTier: 4, toTier: 0, actorType: 'system' });
      expect(last!.reason).toMatch(/^operator confirmation withdrawn \(reclassified\); now: no signal/);
    },
  );
});
