import { z } from '@hono/zod-openapi';
import { assetStates } from '../db/schema.ts';
import { signalIds } from './tiers.ts';

const counts = z.record(z.string(), z.unknown());

/** An AI asset as the API returns it. */
export const assetSchema = z
  .object({
    id: z.string(),
    assetKey: z.string().openapi({ description: '`svc:<catalog id>`, `host:<host>` or `app:<name>` (suspected)' }),
    serviceId: z.string().nullable(),
    name: z.string(),
    vendor: z.string().nullable(),
    category: z.string().nullable(),
    suspected: z.boolean(),
    riskTier: z.string().nullable(),
    state: z.enum(assetStates),
    tier: z.number().int().min(0).max(4),
    signals: z
      .object({
        ruleId: z.string().optional(),
        justifying: z.array(z.string()).optional(),
        reason: z.string().optional(),
        present: z.record(z.string(), z.number()).optional(),
      })
      .openapi({
        description: `The tier rule that decided, its signals, and every signal present (${signalIds.join(', ')})`,
      }),
    peopleCount: z.number().int(),
    departments: z.array(z.string()),
    accountTypes: z.array(z.string()),
    sources: z.array(z.string()),
    stats: counts.openapi({ description: 'What the policies read, and the evidence counts' }),
    firstSeen: z.string(),
    lastSeen: z.string(),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
    links: z.object({ self: z.string(), findings: z.string() }),
  })
  .openapi('Asset');

/** One asset with its tier history. */
export const assetDetailSchema = assetSchema
  .extend({
    tierHistory: z.array(
      z.object({
        id: z.string(),
        assetId: z.string(),
        fromTier: z.number().int().nullable(),
        toTier: z.number().int(),
        signals: z.array(z.string()),
        reason: z.string(),
        actorType: z.string(),
        actorId: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi('AssetDetail');

/** The report of one recompute. */
export const recomputeReportSchema = z
  .object({
    at: z.string(),
    policySnapshotId: z.string(),
    lookbackDays: z.number().int(),
    assets: z.object({ assets: z.number(), created: z.number(), tierChanges: z.number(), tierDrops: z.number() }),
    findings: z.object({
      raised: z.number(),
      reopened: z.number(),
      resolved: z.number(),
      updated: z.number(),
      total: z.number(),
    }),
    alerts: z.object({ opened: z.number(), refreshed: z.number() }),
    states: z.record(z.string(), z.number()),
    ruleErrors: z.array(counts),
    exposure: z.unknown(),
    delivery: z.object({ delivered: z.number(), failed: z.number() }).nullable(),
    ms: z.record(z.string(), z.number()),
  })
  .openapi('RecomputeReport');
