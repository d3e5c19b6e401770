import { z } from '@hono/zod-openapi';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { aiAssets, findingStatuses, findings, severities } from '../db/schema.ts';

/** A comma-separated query value parsed as a list of `item`. */
export function csvOf<T extends z.ZodType>(item: T) {
  return z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(20) as unknown as z.ZodType<z.output<T>[], string[]>)
    .optional();
}

/** Filters shared by the list and the breakdown. */
export const findingFilterSchema = z.object({
  status: csvOf(z.enum(findingStatuses)).openapi({
    description: 'Comma-separated statuses',
    example: 'open,acknowledged',
  }),
  severity: csvOf(z.enum(severities)).openapi({ description: 'Comma-separated severities', example: 'high,critical' }),
  tier: csvOf(z.coerce.number().int().min(1).max(4)).openapi({ description: 'Comma-separated tiers 1-4' }),
  service: z.string().max(200).optional().openapi({ description: 'Catalog service id or asset key' }),
  ruleId: z.string().max(200).optional(),
  department: z.string().max(200).optional(),
  source: z.string().max(100).optional().openapi({ description: 'A source that saw the asset (extension, okta, ...)' }),
});
export type FindingFilters = z.infer<typeof findingFilterSchema>;

/** SQL conditions for the filters (findings left-joined with ai_assets). */
export function findingConditions(f: FindingFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.status?.length) conds.push(inArray(findings.status, f.status));
  if (f.severity?.length) conds.push(inArray(findings.severity, f.severity));
  if (f.tier?.length) conds.push(inArray(findings.tier, f.tier));
  if (f.service) conds.push(or(eq(aiAssets.serviceId, f.service), eq(aiAssets.assetKey, f.service)));
  if (f.ruleId) conds.push(eq(findings.ruleId, f.ruleId));
  if (f.department) conds.push(sql`${aiAssets.departments} @> ${JSON.stringify([f.department])}::jsonb`);
  if (f.source) conds.push(sql`${aiAssets.sources} @> ${JSON.stringify([f.source])}::jsonb`);
  return and(...conds);
}

/** Severity as a number for sorting: info 0 … critical 4. */
export const severityRank = sql<number>`(case ${findings.severity} when 'info' then 0 when 'low' then 1 when 'medium' then 2 when 'high' then 3 else 4 end)`;
