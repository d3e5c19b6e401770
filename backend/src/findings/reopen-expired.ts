import { and, eq, lte, sql } from 'drizzle-orm';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import { findings } from '../db/schema.ts';
import { activePolicySnapshotId } from '../evidence/policy-snapshot.ts';
import { recordDecision } from '../evidence/record-decision.ts';

/**
 * Reopens every suppressed finding whose suppression expired at `now`: status open, version + 1, and a system
 * decision ("reopen", reason "suppression expired") per finding; with `audit`, one audit entry per finding.
 * Idempotent and safe to run concurrently (each finding is reopened by exactly one caller). Returns the ids.
 */
export async function reopenExpiredSuppressions(db: Db, now: Date, audit?: AuditLog): Promise<string[]> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const reopened = await tx
      .update(findings)
      .set({ status: 'open', version: sql`${findings.version} + 1`, updatedAt: now })
      .where(and(eq(findings.status, 'suppressed'), lte(findings.suppressedUntil, now)))
      .returning({
        id: findings.id,
        ruleId: findings.ruleId,
        version: findings.version,
        until: findings.suppressedUntil,
        reason: findings.suppressionReason,
      });
    if (reopened.length === 0) return [];
    const policySnapshotId = await activePolicySnapshotId(tx);
    for (const f of reopened) {
      const decisionId = await recordDecision(tx, {
        decision: 'reopen',
        subject: { type: 'finding', id: f.id, version: f.version - 1 },
        ruleId: f.ruleId,
        reason: 'suppression expired',
        policySnapshotId,
        actor: { type: 'system', id: 'suppression-expiry', role: 'system' },
        at: now,
        details: {
          changes: { status: { from: 'suppressed', to: 'open' } },
          suppressedUntil: f.until?.toISOString() ?? null,
          suppressionReason: f.reason,
          newVersion: f.version,
        },
        idempotencyKey: `reopen:${f.id}:${f.version}`,
      });
      await audit?.append(
        {
          actor: { type: 'system', id: 'suppression-expiry', role: 'system' },
          action: 'finding.reopen',
          target: { type: 'finding', id: f.id },
          outcome: 'success',
          details: { decisionId, reason: 'suppression expired', version: { from: f.version - 1, to: f.version } },
        },
        tx,
      );
    }
    return reopened.map((f) => f.id);
  });
}
