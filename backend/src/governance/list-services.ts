import { z } from '@hono/zod-openapi';
import { categories, getCatalog, riskTiers } from '@sightline/fingerprints';
import { and, count, isNotNull, notInArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { aiAssets, findings, serviceGovernance, serviceStatuses } from '../db/schema.ts';
import { getOrganizationSettings } from '../settings/organization.ts';
import { governanceSchema, governanceView } from './governance.ts';

export const listServicesQuery = z.object({
  status: z.enum(serviceStatuses).optional(),
  category: z.enum(categories).optional(),
  riskTier: z.enum(riskTiers).optional(),
  decided: z.enum(['true', 'false']).optional().openapi({ description: 'Only services somebody decided on (or not)' }),
  used: z.enum(['true', 'false']).optional().openapi({ description: 'Only services with an AI asset (seen in use)' }),
  q: z.string().trim().max(100).optional().openapi({ description: 'Name, id or vendor contains' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const serviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    vendor: z.string(),
    category: z.string(),
    riskTier: z.string(),
    governance: governanceSchema,
    asset: z
      .object({
        id: z.string(),
        tier: z.number().int(),
        state: z.string(),
        peopleCount: z.number().int(),
        departments: z.array(z.string()),
        lastSeen: z.string(),
        liveFindings: z.number().int(),
      })
      .nullable(),
  })
  .openapi('Service');

/** Catalog services with their governance and asset summary; used services first, then by name. */
export async function listServices(db: Db, q: z.infer<typeof listServicesQuery>) {
  const [org, governance, assets, live] = await Promise.all([
    getOrganizationSettings(db),
    db.select().from(serviceGovernance),
    db.select().from(aiAssets).where(isNotNull(aiAssets.serviceId)),
    db
      .select({ assetId: findings.assetId, n: count() })
      .from(findings)
      .where(and(notInArray(findings.status, ['resolved']), isNotNull(findings.assetId)))
      .groupBy(findings.assetId),
  ]);
  const govBy = new Map(governance.map((g) => [g.serviceId, g]));
  const assetBy = new Map(assets.map((a) => [a.serviceId!, a]));
  const liveBy = new Map(live.map((l) => [l.assetId!, Number(l.n)]));
  const needle = q.q?.toLowerCase();
  const rows = getCatalog()
    .services.map((s) => {
      const a = assetBy.get(s.id);
      return {
        id: s.id,
        name: s.name,
        vendor: s.vendor,
        category: s.category,
        riskTier: s.riskTier,
        governance: governanceView(s.id, govBy.get(s.id), org.defaultStatus),
        asset: a
          ? {
              id: a.id,
              tier: a.tier,
              state: a.state,
              peopleCount: a.peopleCount,
              departments: a.departments,
              lastSeen: a.lastSeen.toISOString(),
              liveFindings: liveBy.get(a.id) ?? 0,
            }
          : null,
      };
    })
    .filter(
      (s) =>
        (!q.status || s.governance.status === q.status) &&
        (!q.category || s.category === q.category) &&
        (!q.riskTier || s.riskTier === q.riskTier) &&
        (!q.decided || s.governance.decided === (q.decided === 'true')) &&
        (!q.used || (s.asset !== null) === (q.used === 'true')) &&
        (!needle || `${s.id} ${s.name} ${s.vendor}`.toLowerCase().includes(needle)),
    )
    .sort((a, b) => (b.asset?.peopleCount ?? -1) - (a.asset?.peopleCount ?? -1) || a.name.localeCompare(b.name));
  return { total: rows.length, services: rows.slice(q.offset, q.offset + q.limit) };
}
