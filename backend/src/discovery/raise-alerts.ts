import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/client.ts';
import { alerts } from '../db/schema.ts';
import type { PlannedFinding } from './finding-plan.ts';
import type { RaiseResult } from './raise-findings.ts';

/** Severities whose alerts go to the webhook. */
export const WEBHOOK_SEVERITIES = new Set(['high', 'critical']);

/**
 * Creates or refreshes one alert per exposure finding (alertKey = the finding key, so a condition that persists
 * is one alert). A new alert, or one whose finding came back (reopened), is open with delivery `pending` when it is
 * high or critical and a webhook is configured, else `skipped`; a persisting one only gets its message and
 * lastRaisedAt refreshed.
 */
export async function raiseAlerts(
  db: Db,
  plan: readonly PlannedFinding[],
  raised: RaiseResult,
  options: { now: Date; policySnapshotId: string; webhookConfigured: boolean },
): Promise<{ opened: number; refreshed: number }> {
  const existing = new Set((await db.select({ key: alerts.alertKey }).from(alerts)).map((r) => r.key));
  const inserts: (typeof alerts.$inferInsert)[] = [];
  const updates: Record<string, unknown>[] = [];
  let opened = 0;
  for (const p of plan) {
    if (!p.alert) continue;
    const deliver = options.webhookConfigured && WEBHOOK_SEVERITIES.has(p.alert.severity);
    const common = {
      severity: p.alert.severity,
      message: p.alert.message,
      assetId: p.assetId,
      findingId: raised.ids.get(p.findingKey) ?? null,
      delivery: deliver ? 'pending' : 'skipped',
    };
    if (!existing.has(p.findingKey)) {
      opened++;
      inserts.push({
        id: uuidv7(),
        alertKey: p.findingKey,
        ruleId: p.ruleId,
        policySnapshotId: options.policySnapshotId,
        status: 'open',
        createdAt: options.now,
        lastRaisedAt: options.now,
        ...common,
      });
      continue;
    }
    const reopen = raised.fresh.has(p.findingKey);
    if (reopen) opened++;
    updates.push({
      key: p.findingKey,
      severity: common.severity,
      message: common.message,
      asset_id: common.assetId,
      finding_id: common.findingId,
      delivery: common.delivery,
      reopen,
    });
  }
  for (let i = 0; i < inserts.length; i += 500) {
    await db
      .insert(alerts)
      .values(inserts.slice(i, i + 500))
      .onConflictDoNothing();
  }
  const now = options.now.toISOString();
  for (let i = 0; i < updates.length; i += 1000) {
    const payload = JSON.stringify(updates.slice(i, i + 1000));
    await db.execute(sql`
      update alerts a set severity = u.severity, message = u.message, asset_id = u.asset_id,
        finding_id = u.finding_id, policy_snapshot_id = ${options.policySnapshotId},
        last_raised_at = ${now}::timestamptz,
        status = case when u.reopen then 'open' else a.status end,
        acknowledged_at = case when u.reopen then null else a.acknowledged_at end,
        acknowledged_by = case when u.reopen then null else a.acknowledged_by end,
        delivery = case when u.reopen then u.delivery else a.delivery end,
        delivery_attempts = case when u.reopen then 0 else a.delivery_attempts end
      from jsonb_to_recordset(${payload}::jsonb) as u(key text, severity text, message text, asset_id uuid,
        finding_id uuid, delivery text, reopen boolean)
      where a.alert_key = u.key
    `);
  }
  return { opened, refreshed: updates.length };
}
