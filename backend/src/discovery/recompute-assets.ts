import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/client.ts';
import { aiAssets, assetTierChanges } from '../db/schema.ts';
import { activePolicyVersion } from '../policy-store/store.ts';
import { type AggregatedAsset, accountTypesOf, aggregateAssets } from './aggregate-assets.ts';
import { transition } from './asset-state.ts';
import { type AssetStats, describeAssetKey } from './policy-input.ts';
import { insertDecisions, systemDecision } from './system-decisions.ts';
import { type AssetFacts, evaluateTier, explainTierChange, type TierResult } from './tiers.ts';

export const DEFAULT_LOOKBACK_DAYS = 90;

export interface RecomputeAssetsResult {
  assets: number;
  created: number;
  tierChanges: number;
  tierDrops: number;
}

type AssetRow = typeof aiAssets.$inferSelect;
type AssetInsert = typeof aiAssets.$inferInsert;

/** The tier evaluator's input from an aggregate (zeros when nothing is left in the window). */
export function factsOf(a: AggregatedAsset | undefined, catalogMatch: boolean, confirmed: boolean): AssetFacts {
  return {
    catalogMatch,
    confirmed,
    visits: a?.visits ?? 0,
    surfaces: a?.surfaces ?? 0,
    interactions: (a?.prompts ?? 0) + (a?.pastes ?? 0) + (a?.uploads ?? 0),
    signIns: a?.signIns ?? 0,
    interactionDays: a?.interactionDays ?? 0,
    idpRecords: a?.idpRecords ?? 0,
    oauthGrants: a?.oauthGrants ?? 0,
    dataScopeGrants: a?.dataScopeGrants ?? 0,
    seats: a?.seats ?? 0,
    browserRecords: a?.browserRecords ?? 0,
    dlpEvents: a?.dlpEvents ?? 0,
    accountTypes: accountTypesOf(a?.accountTypeBits ?? 0),
  };
}

function statsOf(a: AggregatedAsset | undefined): AssetStats {
  const zero = { secret: 0, pii: 0, financial: 0, health: 0, confidential: 0, custom: 0 };
  return {
    people: a?.people ?? 0,
    enrolledPeople: a?.enrolledPeople ?? 0,
    idpOnlyPeople: a?.idpOnlyPeople ?? 0,
    personalPeople: a?.personalPeople ?? 0,
    activeDays: a?.interactionDays ?? 0,
    dataScopesGranted: (a?.dataScopeGrants ?? 0) > 0,
    dlp: a?.dlp ?? zero,
    visits: a?.visits ?? 0,
    surfaces: a?.surfaces ?? 0,
    prompts: a?.prompts ?? 0,
    pastes: a?.pastes ?? 0,
    uploads: a?.uploads ?? 0,
    dlpEvents: a?.dlpEvents ?? 0,
    dlpBlocked: a?.dlpBlocked ?? 0,
    signIns: a?.signIns ?? 0,
    oauthGrants: a?.oauthGrants ?? 0,
    seats: a?.seats ?? 0,
    observationsByKind: a?.observationsByKind ?? {},
    observationsBySource: a?.observationsBySource ?? {},
  };
}

/**
 * Builds or updates one ai_assets row per service and per suspected app/host from the SQL aggregates, evaluates
 * its confidence tier, and records every tier change (asset_tier_changes + a system decision), drops included.
 * Assets move to `evaluated`; their settled state is set after findings (see recompute.ts).
 */
export async function recomputeAssets(
  db: Db,
  options: { now: Date; lookbackDays?: number; policySnapshotId?: string },
): Promise<RecomputeAssetsResult> {
  const { now } = options;
  const policySnapshotId = options.policySnapshotId ?? (await activePolicyVersion(db, () => now)).snapshotId;
  const lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const [aggregates, existing] = await Promise.all([
    aggregateAssets(db, { now, lookbackDays }),
    db.select().from(aiAssets),
  ]);
  const byKey = new Map<string, AssetRow>(existing.map((r) => [r.assetKey, r]));
  const aggByKey = new Map(aggregates.map((a) => [a.assetKey, a]));
  const keys = [...new Set([...aggByKey.keys(), ...byKey.keys()])];
  const rows: AssetInsert[] = [];
  const changes: (typeof assetTierChanges.$inferInsert)[] = [];
  const decisionRows: ReturnType<typeof systemDecision>[] = [];
  const result: RecomputeAssetsResult = { assets: keys.length, created: 0, tierChanges: 0, tierDrops: 0 };
  for (const key of keys) {
    const a = aggByKey.get(key);
    const old = byKey.get(key);
    const desc = describeAssetKey(key, a?.displayName ?? old?.name ?? null);
    const tier = evaluateTier(factsOf(a, !desc.suspected, old?.confirmedAt != null));
    const id = old?.id ?? uuidv7();
    const changed = old?.tier !== tier.tier;
    if (!old) result.created++;
    const version = old ? old.version + (changed ? 1 : 0) : 1;
    rows.push({
      id,
      assetKey: key,
      serviceId: desc.serviceId,
      name: desc.name,
      vendor: desc.vendor,
      category: desc.category,
      suspected: desc.suspected,
      riskTier: desc.riskTier,
      state: transition(old?.state ?? 'detected', 'evaluated'),
      tier: tier.tier,
      signals: { ruleId: tier.ruleId, justifying: tier.signals, reason: tier.reason, present: tier.present },
      peopleCount: a?.people ?? 0,
      departments: a?.departments ?? [],
      accountTypes: accountTypesOf(a?.accountTypeBits ?? 0),
      sources: a?.sources ?? [],
      stats: statsOf(a) as unknown as Record<string, unknown>,
      firstSeen: a?.firstSeen ?? old?.firstSeen ?? now,
      lastSeen: a?.lastSeen ?? old?.lastSeen ?? now,
      version,
      updatedAt: now,
    });
    if (!changed) continue;
    result.tierChanges++;
    const oldPresent = ((old?.signals as { present?: Record<string, number> } | undefined)?.present ?? {}) as Record<
      string,
      number
    >;
    const reason = explainTierChange({ tier: old?.tier ?? null, present: oldPresent }, tier, lookbackDays);
    if (old && tier.tier < old.tier) result.tierDrops++;
    changes.push(tierChange(id, old, tier, reason, now));
    decisionRows.push(
      systemDecision({
        decision: 'tier_change',
        subjectType: 'asset',
        subjectId: id,
        subjectVersion: version,
        ruleId: tier.ruleId,
        reason,
        policySnapshotId,
        at: now,
        details: { fromTier: old?.tier ?? null, toTier: tier.tier, signals: tier.signals, lookbackDays },
      }),
    );
  }
  await upsertAssets(db, rows);
  for (let i = 0; i < changes.length; i += 500) await db.insert(assetTierChanges).values(changes.slice(i, i + 500));
  await insertDecisions(db, decisionRows);
  return result;
}

function tierChange(id: string, old: AssetRow | undefined, tier: TierResult, reason: string, at: Date) {
  const byOperator = tier.tier === 4 && old?.confirmedBy;
  return {
    id: uuidv7(),
    assetId: id,
    fromTier: old?.tier ?? null,
    toTier: tier.tier,
    signals: tier.tier === 4 ? ['operator-confirmed'] : [...tier.signals],
    reason,
    actorType: byOperator ? 'user' : 'system',
    actorId: byOperator ? old.confirmedBy : 'discovery',
    at,
  };
}

async function upsertAssets(db: Db, rows: readonly AssetInsert[]): Promise<void> {
  const excluded = (col: string) => sql.raw(`excluded.${col}`);
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(aiAssets)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: aiAssets.assetKey,
        set: {
          serviceId: excluded('service_id'),
          name: excluded('name'),
          vendor: excluded('vendor'),
          category: excluded('category'),
          suspected: excluded('suspected'),
          riskTier: excluded('risk_tier'),
          state: excluded('state'),
          // An operator who confirmed the asset while this recompute ran keeps tier 4.
          tier: sql`case when ${aiAssets.confirmedAt} is not null then 4 else excluded.tier end`,
          signals: excluded('signals'),
          peopleCount: excluded('people_count'),
          departments: excluded('departments'),
          accountTypes: excluded('account_types'),
          sources: excluded('sources'),
          stats: excluded('stats'),
          firstSeen: sql`least(${aiAssets.firstSeen}, excluded.first_seen)`,
          lastSeen: sql`greatest(${aiAssets.lastSeen}, excluded.last_seen)`,
          // Counted from the stored row, so a concurrent operator decision's version bump is never lost.
          version: sql`${aiAssets.version} + (${aiAssets.confirmedAt} is null and ${aiAssets.tier} is distinct from excluded.tier)::int`,
          updatedAt: excluded('updated_at'),
        },
      });
  }
}
