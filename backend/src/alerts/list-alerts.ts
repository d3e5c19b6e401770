import { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { alertStatuses, alerts, severities } from '../db/schema.ts';
import { csvOf } from '../findings/finding-filters.ts';
import { ApiError } from '../http/errors.ts';

export const deliveryStates = ['pending', 'delivered', 'failed', 'skipped'] as const;

export const listAlertsQuery = z.object({
  status: z.enum(alertStatuses).optional(),
  severity: csvOf(z.enum(severities)).openapi({ description: 'Comma-separated severities' }),
  delivery: z.enum(deliveryStates).optional(),
  ruleId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const alertSchema = z
  .object({
    id: z.string(),
    alertKey: z.string(),
    ruleId: z.string(),
    policySnapshotId: z.string(),
    severity: z.enum(severities),
    message: z.string(),
    assetId: z.string().nullable(),
    findingId: z.string().nullable(),
    status: z.enum(alertStatuses),
    createdAt: z.string(),
    lastRaisedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    delivery: z.string(),
    deliveryAttempts: z.number().int(),
  })
  .openapi('Alert');

type AlertRow = typeof alerts.$inferSelect;

/** An alert in API form. */
export function alertView(a: AlertRow): z.infer<typeof alertSchema> {
  return {
    ...a,
    createdAt: a.createdAt.toISOString(),
    lastRaisedAt: a.lastRaisedAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  };
}

const cursorSchema = z.object({ at: z.iso.datetime(), id: z.uuid() });

/** Alerts, newest first, filtered, with an opaque cursor for the next page. */
export async function listAlerts(db: Db, q: z.infer<typeof listAlertsQuery>) {
  const created = sql`date_trunc('milliseconds', ${alerts.createdAt})`;
  const conds: (SQL | undefined)[] = [
    q.status ? eq(alerts.status, q.status) : undefined,
    q.severity?.length ? inArray(alerts.severity, q.severity) : undefined,
    q.delivery ? eq(alerts.delivery, q.delivery) : undefined,
    q.ruleId ? eq(alerts.ruleId, q.ruleId) : undefined,
  ];
  if (q.cursor) {
    let c: z.infer<typeof cursorSchema>;
    try {
      c = cursorSchema.parse(JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')));
    } catch {
      throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API issued; start from the first page.');
    }
    conds.push(sql`(${created}, ${alerts.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(alerts)
    .where(and(...conds))
    .orderBy(desc(created), desc(alerts.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > q.limit && last
      ? Buffer.from(JSON.stringify({ at: last.createdAt.toISOString(), id: last.id })).toString('base64url')
      : null;
  return { alerts: page.map(alertView), nextCursor };
}
