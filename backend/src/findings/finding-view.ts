import { z } from '@hono/zod-openapi';
import { findingStatuses, severities } from '../db/schema.ts';

type FindingRow = {
  id: string;
  findingKey: string;
  ruleId: string;
  policySnapshotId: string;
  assetId: string | null;
  title: string;
  severity: (typeof severities)[number];
  tier: number;
  status: (typeof findingStatuses)[number];
  evidence: Record<string, unknown>;
  suppressedUntil: Date | null;
  suppressionReason: string | null;
  firstSeen: Date;
  lastSeen: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
type AssetSummaryRow = {
  id: string;
  assetKey: string;
  serviceId: string | null;
  name: string;
  riskTier: string | null;
  tier: number;
  state: string;
  peopleCount: number;
  departments: string[];
  sources: string[];
  accountTypes: string[];
};

export const assetSummarySchema = z
  .object({
    id: z.string(),
    assetKey: z.string(),
    serviceId: z.string().nullable(),
    name: z.string(),
    riskTier: z.string().nullable(),
    tier: z.number().int(),
    state: z.string(),
    peopleCount: z.number().int(),
    departments: z.array(z.string()),
    sources: z.array(z.string()),
    accountTypes: z.array(z.string()),
  })
  .openapi('AssetSummary');

export const findingSchema = z
  .object({
    id: z.string(),
    findingKey: z.string(),
    ruleId: z.string(),
    policySnapshotId: z.string(),
    title: z.string(),
    severity: z.enum(severities),
    tier: z.number().int(),
    status: z.enum(findingStatuses),
    evidence: z.record(z.string(), z.unknown()),
    suppressedUntil: z.string().nullable(),
    suppressionReason: z.string().nullable(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    asset: assetSummarySchema.nullable(),
  })
  .openapi('Finding');
export type FindingView = z.infer<typeof findingSchema>;

/** The API shape of a finding with its asset summary. */
export function findingView(f: FindingRow, asset: AssetSummaryRow | null): FindingView {
  return {
    id: f.id,
    findingKey: f.findingKey,
    ruleId: f.ruleId,
    policySnapshotId: f.policySnapshotId,
    title: f.title,
    severity: f.severity,
    tier: f.tier,
    status: f.status,
    evidence: f.evidence,
    suppressedUntil: f.suppressedUntil?.toISOString() ?? null,
    suppressionReason: f.suppressionReason,
    firstSeen: f.firstSeen.toISOString(),
    lastSeen: f.lastSeen.toISOString(),
    version: f.version,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    asset: asset?.id
      ? {
          id: asset.id,
          assetKey: asset.assetKey,
          serviceId: asset.serviceId,
          name: asset.name,
          riskTier: asset.riskTier,
          tier: asset.tier,
          state: asset.state,
          peopleCount: asset.peopleCount,
          departments: asset.departments,
          sources: asset.sources,
          accountTypes: asset.accountTypes,
        }
      : null,
  };
}
