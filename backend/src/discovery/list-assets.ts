import { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { aiAssets, assetStates, assetTierChanges } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

export const assetSorts = [
  '-lastSeen',
  'lastSeen',
  '-firstSeen',
  'firstSeen',
  '-people',
  'people',
  '-tier',
  'tier',
  'name',
  '-name',
] as const;

const csv = <T extends [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)))
    .optional();

export const listAssetsQuery = z.object({
  state: csv([...assetStates]),
  tier: csv(['0', '1', '2', '3', '4']),
  riskTier: csv(['low', 'medium', 'high', 'critical']),
  suspected: z.enum(['true', 'false']).optional(),
  serviceId: z.string().max(100).optional(),
  source: z.string().max(60).optional(),
  department: z.string().max(200).optional(),
  accountType: z.enum(['personal', 'corporate', 'unknown']).optional(),
  q: z.string().max(200).optional().openapi({ description: 'name or key contains (case-insensitive)' }),
  sort: z.enum(assetSorts).default('-lastSeen'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().openapi({ description: 'nextCursor of the previous page' }),
});
export type ListAssetsQuery = z.infer<typeof listAssetsQuery>;

type SortField = 'lastSeen' | 'firstSeen' | 'people' | 'tier' | 'name';
const cursorSchema = z.object({ v: z.union([z.string(), z.number()]), id: z.uuid() });

function sortExpr(field: SortField): { expr: SQL; kind: 'time' | 'int' | 'text' } {
  if (field === 'people') return { expr: sql`${aiAssets.peopleCount}`, kind: 'int' };
  if (field === 'tier') return { expr: sql`${aiAssets.tier}`, kind: 'int' };
  if (field === 'name') return { expr: sql`lower(${aiAssets.name})`, kind: 'text' };
  // Milliseconds, so the cursor (a JS date) compares exactly with rows written with microseconds.
  return { expr: sql`date_trunc('milliseconds', ${aiAssets[field]})`, kind: 'time' };
}

function conditions(q: ListAssetsQuery): SQL | undefined {
  const parts: SQL[] = [];
  const inList = (col: SQL, values: readonly (string | number)[]) =>
    sql`${col} in (${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )})`;
  if (q.state?.length) parts.push(inList(sql`${aiAssets.state}`, q.state));
  if (q.tier?.length) parts.push(inList(sql`${aiAssets.tier}`, q.tier.map(Number)));
  if (q.riskTier?.length) parts.push(inList(sql`${aiAssets.riskTier}`, q.riskTier));
  if (q.suspected) parts.push(eq(aiAssets.suspected, q.suspected === 'true'));
  if (q.serviceId) parts.push(eq(aiAssets.serviceId, q.serviceId));
  if (q.source) parts.push(sql`${aiAssets.sources} @> ${JSON.stringify([q.source])}::jsonb`);
  if (q.department) parts.push(sql`${aiAssets.departments} @> ${JSON.stringify([q.department])}::jsonb`);
  if (q.accountType) parts.push(sql`${aiAssets.accountTypes} @> ${JSON.stringify([q.accountType])}::jsonb`);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(lower(${aiAssets.name}) like ${like} or lower(${aiAssets.assetKey}) like ${like})`);
  }
  return parts.length > 0 ? and(...parts) : undefined;
}

/** One page of AI assets, filtered and sorted, with an opaque cursor for the next page. */
export async function listAssets(db: Db, q: ListAssetsQuery) {
  const descending = q.sort.startsWith('-');
  const field = q.sort.replace('-', '') as SortField;
  const { expr, kind } = sortExpr(field);
  let after: SQL | undefined;
  if (q.cursor) {
    let c: z.infer<typeof cursorSchema>;
    try {
      c = cursorSchema.parse(JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')));
    } catch {
      throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API issued; start from the first page.');
    }
    const v =
      kind === 'time'
        ? sql`${String(c.v)}::timestamptz`
        : kind === 'int'
          ? sql`${Number(c.v)}::int`
          : sql`${String(c.v)}`;
    after = descending
      ? sql`(${expr}, ${aiAssets.id}) < (${v}, ${c.id}::uuid)`
      : sql`(${expr}, ${aiAssets.id}) > (${v}, ${c.id}::uuid)`;
  }
  const rows = await db
    .select({ a: aiAssets, sortValue: expr })
    .from(aiAssets)
    .where(and(conditions(q), after))
    .orderBy(...(descending ? [desc(expr), desc(aiAssets.id)] : [asc(expr), asc(aiAssets.id)]))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > q.limit && last
      ? Buffer.from(
          JSON.stringify({
            v: kind === 'time' ? new Date(last.sortValue as string).toISOString() : last.sortValue,
            id: last.a.id,
          }),
        ).toString('base64url')
      : null;
  return { assets: page.map((r) => assetView(r.a)), nextCursor };
}

/** The API view of an asset row. */
export function assetView(a: typeof aiAssets.$inferSelect) {
  return {
    ...a,
    firstSeen: a.firstSeen.toISOString(),
    lastSeen: a.lastSeen.toISOString(),
    confirmedAt: a.confirmedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
    links: { self: `/api/v1/assets/${a.id}`, findings: `/api/v1/findings?service=${encodeURIComponent(a.assetKey)}` },
  };
}

/** One asset with its tier history (newest first), or undefined. */
export async function getAsset(db: Db, id: string) {
  const [a] = await db.select().from(aiAssets).where(eq(aiAssets.id, id));
  if (!a) return undefined;
  const history = await db
    .select()
    .from(assetTierChanges)
    .where(eq(assetTierChanges.assetId, id))
    .orderBy(desc(assetTierChanges.at), desc(assetTierChanges.id))
    .limit(500);
  return {
    ...assetView(a),
    tierHistory: history.map((h) => ({ ...h, at: h.at.toISOString() })),
  };
}
