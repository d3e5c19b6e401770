import { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { aiAssets, findings } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { findingConditions, findingFilterSchema, severityRank } from './finding-filters.ts';
import { findingView } from './finding-view.ts';

export const findingSorts = [
  '-lastSeen',
  'lastSeen',
  '-firstSeen',
  'firstSeen',
  '-severity',
  'severity',
  '-tier',
  'tier',
  '-updatedAt',
  'updatedAt',
] as const;

export const listFindingsQuery = findingFilterSchema.extend({
  sort: z.enum(findingSorts).default('-lastSeen'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().openapi({ description: 'nextCursor of the previous page' }),
});
export type ListFindingsQuery = z.infer<typeof listFindingsQuery>;

/** Columns of the asset summary, selected beside each finding. */
export const assetSummaryColumns = {
  id: aiAssets.id,
  assetKey: aiAssets.assetKey,
  serviceId: aiAssets.serviceId,
  name: aiAssets.name,
  riskTier: aiAssets.riskTier,
  tier: aiAssets.tier,
  state: aiAssets.state,
  peopleCount: aiAssets.peopleCount,
  departments: aiAssets.departments,
  sources: aiAssets.sources,
  accountTypes: aiAssets.accountTypes,
};

type SortField = 'lastSeen' | 'firstSeen' | 'severity' | 'tier' | 'updatedAt';
const cursorSchema = z.object({ v: z.union([z.string(), z.number()]), id: z.uuid() });

function sortExpr(field: SortField): { expr: SQL; kind: 'time' | 'int' } {
  if (field === 'severity') return { expr: severityRank, kind: 'int' };
  if (field === 'tier') return { expr: sql`${findings.tier}`, kind: 'int' };
  // Truncated to milliseconds so the cursor (a JS date) compares exactly with rows written with microseconds.
  return { expr: sql`date_trunc('milliseconds', ${findings[field]})`, kind: 'time' };
}

function decodeCursor(cursor: string) {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API issued; start from the first page.');
  }
}

/** One page of findings, filtered and sorted, with an opaque cursor for the next page. */
export async function listFindings(db: Db, q: ListFindingsQuery) {
  const descending = q.sort.startsWith('-');
  const field = q.sort.replace('-', '') as SortField;
  const { expr, kind } = sortExpr(field);
  let after: SQL | undefined;
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const v = kind === 'time' ? sql`${String(c.v)}::timestamptz` : sql`${Number(c.v)}::int`;
    after = descending
      ? sql`(${expr}, ${findings.id}) < (${v}, ${c.id}::uuid)`
      : sql`(${expr}, ${findings.id}) > (${v}, ${c.id}::uuid)`;
  }
  const order = descending ? [desc(expr), desc(findings.id)] : [asc(expr), asc(findings.id)];
  const rows = await db
    .select({ f: findings, a: assetSummaryColumns, sortValue: expr })
    .from(findings)
    .leftJoin(aiAssets, eq(aiAssets.id, findings.assetId))
    .where(and(findingConditions(q), after))
    .orderBy(...order)
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > q.limit && last
      ? Buffer.from(
          JSON.stringify({
            v: kind === 'time' ? (last.f[field as 'lastSeen'] as Date).toISOString() : Number(last.sortValue),
            id: last.f.id,
          }),
        ).toString('base64url')
      : null;
  return { findings: page.map((r) => findingView(r.f, r.a)), nextCursor };
}
