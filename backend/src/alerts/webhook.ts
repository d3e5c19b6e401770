import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { alerts } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { acquireLease, releaseLease } from './lease.ts';
import { signWebhook } from './sign.ts';
import { checkWebhookTarget } from './target-check.ts';
import { readWebhookConfig } from './webhook-config.ts';

/** Alerts of these severities go to the webhook; pending alerts below are marked skipped. */
export const WEBHOOK_SEVERITIES = ['high', 'critical'] as const;
/** Attempts over all runs before an alert is marked failed. */
export const MAX_ATTEMPTS = 6;
const LEASE = 'alerts.webhook';
const BATCH = 200;
const TIMEOUT_MS = 10_000;

type AlertRow = typeof alerts.$inferSelect;

/** The JSON body posted for one alert. */
export function webhookPayload(a: AlertRow, attempt: number, sentAt: Date) {
  return {
    type: 'alert',
    id: a.id,
    ruleId: a.ruleId,
    severity: a.severity,
    message: a.message,
    status: a.status,
    assetId: a.assetId,
    findingId: a.findingId,
    policySnapshotId: a.policySnapshotId,
    createdAt: a.createdAt.toISOString(),
    lastRaisedAt: a.lastRaisedAt.toISOString(),
    attempt,
    sentAt: sentAt.toISOString(),
  };
}

/**
 * Posts every pending high or critical alert to the configured webhook, signed (`X-Sightline-Signature:
 * sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, `X-Sightline-Timestamp`: Unix seconds). Each alert gets up to
 * `1 + retryDelaysMs.length` attempts per run with growing delays between them; every attempt counts in
 * deliveryAttempts; after MAX_ATTEMPTS in all it is marked failed, else it stays pending for the next run. When one
 * alert fails every attempt of a run the run stops (the endpoint is down). Pending alerts below high, or with no
 * webhook configured or enabled, are marked skipped. One replica at a time (job lease).
 */
export async function deliverPendingAlerts(
  deps: AppDeps,
  options: { retryDelaysMs?: number[]; fetch?: typeof fetch } = {},
): Promise<{ delivered: number; failed: number; retrying: number; skipped: number }> {
  const { db } = deps.database;
  const retryDelays = options.retryDelaysMs ?? [1_000, 5_000];
  const send = options.fetch ?? fetch;
  const result = { delivered: 0, failed: 0, retrying: 0, skipped: 0 };
  const config = await readWebhookConfig(db, deps.box);
  const skip = await db
    .update(alerts)
    .set({ delivery: 'skipped' })
    .where(
      and(
        eq(alerts.delivery, 'pending'),
        config?.enabled ? notInArray(alerts.severity, [...WEBHOOK_SEVERITIES]) : undefined,
      ),
    )
    .returning({ id: alerts.id });
  result.skipped = skip.length;
  if (!config?.enabled) return result;

  const owner = await acquireLease(db, LEASE, deps.clock(), 10 * 60_000);
  if (!owner) return result;
  try {
    const pending = await db
      .select()
      .from(alerts)
      .where(and(eq(alerts.delivery, 'pending'), inArray(alerts.severity, [...WEBHOOK_SEVERITIES])))
      .orderBy(asc(alerts.createdAt), asc(alerts.id))
      .limit(BATCH);
    for (const alert of pending) {
      let ok = false;
      let attempts = alert.deliveryAttempts;
      for (let i = 0; i <= retryDelays.length && attempts < MAX_ATTEMPTS && !ok; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, retryDelays[i - 1]));
        attempts++;
        await db.update(alerts).set({ deliveryAttempts: attempts }).where(eq(alerts.id, alert.id));
        ok = await attempt(deps, send, config, alert, attempts);
      }
      if (ok) {
        await db.update(alerts).set({ delivery: 'delivered' }).where(eq(alerts.id, alert.id));
        result.delivered++;
        continue;
      }
      if (attempts >= MAX_ATTEMPTS) {
        await db.update(alerts).set({ delivery: 'failed' }).where(eq(alerts.id, alert.id));
        result.failed++;
      } else {
        result.retrying++;
      }
      break;
    }
  } finally {
    await releaseLease(db, LEASE, owner, deps.clock(), { ...result });
  }
  return result;
}

async function attempt(
  deps: AppDeps,
  send: typeof fetch,
  config: { url: string; secret: string; allowPrivate: boolean },
  alert: AlertRow,
  attemptNo: number,
): Promise<boolean> {
  const now = deps.clock();
  const body = JSON.stringify(webhookPayload(alert, attemptNo, now));
  const timestamp = String(Math.floor(now.getTime() / 1000));
  try {
    // Checked again at delivery: the host may resolve elsewhere than when it was configured.
    await checkWebhookTarget(config.url, { allowPrivate: config.allowPrivate });
    const res = await send(config.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Sightline-Webhook/1',
        'x-sightline-timestamp': timestamp,
        'x-sightline-signature': signWebhook(config.secret, timestamp, body),
        'x-sightline-delivery': `${alert.id}:${attemptNo}`,
      },
      body,
    });
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return true;
    deps.logger.warn({ alertId: alert.id, status: res.status, attempt: attemptNo }, 'webhook delivery refused');
  } catch (err) {
    deps.logger.warn({ alertId: alert.id, err: String(err), attempt: attemptNo }, 'webhook delivery failed');
  }
  return false;
}
