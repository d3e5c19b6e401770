import { and, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { aiAssets, findings } from '../db/schema.ts';
import { type FindingFilters, findingConditions } from './finding-filters.ts';

export interface Bucket {
  key: string;
  label: string;
  count: number;
}

/** Counts of the filtered findings by service, tier, severity, status, department and source. */
export async function findingBreakdown(db: Db, filters: FindingFilters) {
  const where = findingConditions(filters);
  const by = async (key: SQL<string>, label: SQL<string> = key) => {
    const rows = await db
      .select({ key, label, count: count() })
      .from(findings)
      .leftJoin(aiAssets, eq(aiAssets.id, findings.assetId))
      .where(where)
      .groupBy(key, label);
    return sortBuckets(rows.map((r) => ({ key: String(r.key), label: String(r.label), count: Number(r.count) })));
  };
  const unnest = async (column: typeof aiAssets.departments | typeof aiAssets.sources) => {
    const elem = sql<string>`elem`;
    const rows = await db
      .select({ key: elem, count: count() })
      .from(sql`${findings} left join ${aiAssets} on ${aiAssets.id} = ${findings.assetId}
        cross join lateral jsonb_array_elements_text(coalesce(${column}, '[]'::jsonb)) as elem`)
      .where(where)
      .groupBy(elem);
    return sortBuckets(rows.map((r) => ({ key: String(r.key), label: String(r.key), count: Number(r.count) })));
  };
  const [total] = await db
    .select({ n: count() })
    .from(findings)
    .leftJoin(aiAssets, eq(aiAssets.id, findings.assetId))
    .where(and(where));
  const [service, tier, severity, status, department, source] = await Promise.all([
    by(
      sql<string>`coalesce(${aiAssets.serviceId}, ${aiAssets.assetKey}, '(none)')`,
      sql<string>`coalesce(${aiAssets.name}, '(no asset)')`,
    ),
    by(sql<string>`${findings.tier}::text`),
    by(sql<string>`${findings.severity}`),
    by(sql<string>`${findings.status}`),
    unnest(aiAssets.departments),
    unnest(aiAssets.sources),
  ]);
  return { total: Number(total?.n ?? 0), service, tier, severity, status, department, source };
}

function sortBuckets(buckets: Bucket[]): Bucket[] {
  return buckets.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
