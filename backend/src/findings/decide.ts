import { and, eq, gte } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import { aiAssets, assetTierChanges, decisions, findings, type severities } from '../db/schema.ts';
import { activePolicySnapshotId } from '../evidence/policy-snapshot.ts';
import { decisionKey, findDecisionByKey, recordDecision } from '../evidence/record-decision.ts';
import { ApiError } from '../http/errors.ts';
import { checkTransition, plannedChanges } from './transitions.ts';

type Severity = (typeof severities)[number];
type FindingRow = typeof findings.$inferSelect;

/** What a person decided about a finding. */
export type FindingDecision =
  | { kind: 'classify'; reason: string }
  | { kind: 'acknowledge'; reason: string }
  | { kind: 'suppress'; reason: string; until: Date }
  | { kind: 'reclassify'; reason: string; severity?: Severity; status?: 'open' | 'acknowledged' };

export interface DecisionRequest {
  findingId: string;
  /** The finding version the person saw. */
  version: number;
  /** The active policy snapshot the person saw. */
  policySnapshotId: string;
  decision: FindingDecision;
  actor: { type: 'user'; id: string; role: string };
  now: Date;
  requestId?: string;
}

function paramsOf(d: FindingDecision): Record<string, unknown> {
  if (d.kind === 'suppress') return { reason: d.reason, until: d.until.toISOString() };
  if (d.kind === 'reclassify') return { reason: d.reason, severity: d.severity ?? null, status: d.status ?? null };
  return { reason: d.reason };
}

async function staleDetails(tx: Db, f: FindingRow, seen: number) {
  const since = await tx
    .select({ details: decisions.details })
    .from(decisions)
    .where(
      and(eq(decisions.subjectType, 'finding'), eq(decisions.subjectId, f.id), gte(decisions.subjectVersion, seen)),
    );
  const fields = new Set<string>();
  for (const d of since) for (const k of Object.keys((d.details.changes as object | undefined) ?? {})) fields.add(k);
  return {
    currentVersion: f.version,
    yourVersion: seen,
    changedFields: [...fields].sort(),
    current: {
      status: f.status,
      severity: f.severity,
      tier: f.tier,
      suppressedUntil: f.suppressedUntil?.toISOString() ?? null,
      updatedAt: f.updatedAt.toISOString(),
    },
  };
}

/**
 * Applies one human decision under the evidence contract, in one transaction: a repeat of the same decision on
 * the same version is a no-op (`idempotent: true`); a stale version → 409 stale_version; a policy changed since →
 * 409 policy_changed; otherwise the finding (and for classify its asset) changes, and a decisions row and an
 * audit entry are written.
 */
export async function decideOnFinding(db: Db, audit: AuditLog, req: DecisionRequest) {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const [f] = await tx.select().from(findings).where(eq(findings.id, req.findingId)).for('update');
    if (!f) throw new ApiError(404, 'not_found', `No finding ${req.findingId}.`);
    const key = decisionKey({
      subjectType: 'finding',
      subjectId: f.id,
      decision: req.decision.kind,
      params: paramsOf(req.decision),
      version: req.version,
    });
    const previous = await findDecisionByKey(tx, key);
    if (previous) return { idempotent: true, decisionId: previous.id };
    if (req.version !== f.version) {
      throw new ApiError(
        409,
        'stale_version',
        `The finding changed since you saw it (version ${req.version}, now ${f.version}); review it again.`,
        {
          details: await staleDetails(tx, f, req.version),
        },
      );
    }
    const active = await activePolicySnapshotId(tx);
    if (active !== req.policySnapshotId) {
      throw new ApiError(
        409,
        'policy_changed',
        'The policy changed since you reviewed this finding; review it under the policy in force.',
        {
          details: { currentPolicySnapshotId: active, yourPolicySnapshotId: req.policySnapshotId },
        },
      );
    }
    checkTransition(f, req.decision);
    const changes = plannedChanges(f, req.decision);
    const next: Partial<FindingRow> = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
    await tx
      .update(findings)
      .set({ ...next, version: f.version + 1, updatedAt: req.now })
      .where(eq(findings.id, f.id));
    if (req.decision.kind === 'classify' && f.assetId) await confirmAsset(tx, f.assetId, req);
    const decisionId = await recordDecision(tx, {
      decision: req.decision.kind,
      subject: { type: 'finding', id: f.id, version: req.version },
      ruleId: f.ruleId,
      reason: req.decision.reason,
      policySnapshotId: active,
      actor: req.actor,
      at: req.now,
      details: { params: paramsOf(req.decision), changes: serialise(changes), newVersion: f.version + 1 },
      idempotencyKey: key,
    });
    await audit.append(
      {
        actor: req.actor,
        action: `finding.${req.decision.kind}`,
        target: { type: 'finding', id: f.id },
        outcome: 'success',
        details: {
          decisionId,
          ruleId: f.ruleId,
          reason: req.decision.reason,
          policySnapshotId: active,
          version: { from: f.version, to: f.version + 1 },
          changes: serialise(changes),
        },
        requestId: req.requestId ?? null,
      },
      tx,
    );
    return { idempotent: false, decisionId };
  });
}

function serialise(changes: Record<string, { from: unknown; to: unknown }>) {
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { from: plain(v.from), to: plain(v.to) }]));
}

/** Operator confirmation: the asset becomes tier 4, with a tier change naming who confirmed it. */
async function confirmAsset(tx: Db, assetId: string, req: DecisionRequest) {
  const [asset] = await tx.select().from(aiAssets).where(eq(aiAssets.id, assetId)).for('update');
  if (!asset || asset.confirmedAt) return;
  await tx
    .update(aiAssets)
    .set({ tier: 4, confirmedAt: req.now, confirmedBy: req.actor.id, version: asset.version + 1, updatedAt: req.now })
    .where(eq(aiAssets.id, assetId));
  await tx.insert(assetTierChanges).values({
    id: uuidv7(),
    assetId,
    fromTier: asset.tier,
    toTier: 4,
    signals: ['operator_confirmed'],
    reason: 'operator confirmed',
    actorType: 'user',
    actorId: req.actor.id,
    at: req.now,
  });
}
