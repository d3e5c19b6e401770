import { z } from '@hono/zod-openapi';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { aiAssets, assetTierChanges, dailyUsage, decisions, findings, observations } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { findingSchema, findingView } from './finding-view.ts';
import { assetSummaryColumns } from './list-findings.ts';

export const decisionSchema = z
  .object({
    id: z.string(),
    decision: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    subjectVersion: z.number().int().nullable(),
    ruleId: z.string().nullable(),
    reason: z.string().nullable(),
    policySnapshotId: z.string().nullable(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorRole: z.string().nullable(),
    at: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('Decision');

export const findingDetailSchema = findingSchema
  .extend({
    timeline: z.array(decisionSchema),
    tierHistory: z.array(
      z.object({
        fromTier: z.number().int().nullable(),
        toTier: z.number().int(),
        signals: z.array(z.string()),
        reason: z.string(),
        actorType: z.string(),
        actorId: z.string().nullable(),
        at: z.string(),
      }),
    ),
    counts: z.object({
      observations: z.number().int(),
      observationsByKind: z.record(z.string(), z.number().int()),
      events: z.object({
        days: z.number().int(),
        people: z.number().int(),
        visits: z.number().int(),
        prompts: z.number().int(),
        pastes: z.number().int(),
        uploads: z.number().int(),
        dlpEvents: z.number().int(),
      }),
    }),
  })
  .openapi('FindingDetail');

/** A decision row in API form. */
export function decisionView(d: typeof decisions.$inferSelect): z.infer<typeof decisionSchema> {
  const { idempotencyKey: _key, at, ...rest } = d;
  return { ...rest, at: at.toISOString() };
}

/** One finding with its evidence timeline: decisions in order, tier history of its asset, evidence counts. */
export async function findingDetail(db: Db, id: string): Promise<z.infer<typeof findingDetailSchema>> {
  const [row] = await db
    .select({ f: findings, a: assetSummaryColumns })
    .from(findings)
    .leftJoin(aiAssets, eq(aiAssets.id, findings.assetId))
    .where(eq(findings.id, id));
  if (!row) throw new ApiError(404, 'not_found', `No finding ${id}.`);
  const timeline = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.subjectType, 'finding'), eq(decisions.subjectId, id)))
    .orderBy(asc(decisions.at), asc(decisions.id));
  const asset = row.a?.id ? row.a : null;
  const tierHistory = asset
    ? await db
        .select()
        .from(assetTierChanges)
        .where(eq(assetTierChanges.assetId, asset.id))
        .orderBy(asc(assetTierChanges.at), asc(assetTierChanges.id))
    : [];
  const counts = asset ? await evidenceCounts(db, asset.serviceId, asset.assetKey) : emptyCounts();
  return {
    ...findingView(row.f, asset),
    timeline: timeline.map(decisionView),
    tierHistory: tierHistory.map((t) => ({
      fromTier: t.fromTier,
      toTier: t.toTier,
      signals: t.signals,
      reason: t.reason,
      actorType: t.actorType,
      actorId: t.actorId,
      at: t.at.toISOString(),
    })),
    counts,
  };
}

function emptyCounts() {
  return {
    observations: 0,
    observationsByKind: {},
    events: { days: 0, people: 0, visits: 0, prompts: 0, pastes: 0, uploads: 0, dlpEvents: 0 },
  };
}

async function evidenceCounts(db: Db, serviceId: string | null, assetKey: string) {
  const observed = serviceId ? eq(observations.serviceId, serviceId) : eq(observations.unknownKey, assetKey);
  const byKind = await db
    .select({ kind: observations.kind, n: count() })
    .from(observations)
    .where(observed)
    .groupBy(observations.kind);
  const int = (s: string) => sql<number>`coalesce(sum(${sql.raw(s)}), 0)::int`;
  const [usage] = await db
    .select({
      days: sql<number>`count(distinct ${dailyUsage.day})::int`,
      people: sql<number>`count(distinct ${dailyUsage.personKey})::int`,
      visits: int('visits'),
      prompts: int('prompts'),
      pastes: int('pastes'),
      uploads: int('uploads'),
      dlpEvents: int('dlp_events'),
    })
    .from(dailyUsage)
    .where(eq(dailyUsage.serviceKey, serviceId ?? assetKey));
  const observationsByKind = Object.fromEntries(byKind.map((k) => [k.kind, Number(k.n)]));
  return {
    observations: byKind.reduce((s, k) => s + Number(k.n), 0),
    observationsByKind,
    events: {
      days: Number(usage?.days ?? 0),
      people: Number(usage?.people ?? 0),
      visits: Number(usage?.visits ?? 0),
      prompts: Number(usage?.prompts ?? 0),
      pastes: Number(usage?.pastes ?? 0),
      uploads: Number(usage?.uploads ?? 0),
      dlpEvents: Number(usage?.dlpEvents ?? 0),
    },
  };
}
