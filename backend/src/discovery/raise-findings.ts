import type { RuleError } from '@sightline/policies';
import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { decisions, findings } from '../db/schema.ts';
import { findingKeyOf, type PlannedFinding } from './finding-plan.ts';
import { insertDecisions, systemDecision } from './system-decisions.ts';

type FindingRow = typeof findings.$inferSelect;

export interface RaiseResult {
  raised: number;
  reopened: number;
  resolved: number;
  updated: number;
  /** Finding id per finding key of every planned finding (for alerts). */
  ids: Map<string, string>;
  /** Keys of findings that are new or came back (their alerts must be delivered again). */
  fresh: Set<string>;
}

const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * Upserts the planned findings and resolves the ones no rule raises any more, writing a system decision for every
 * raise, reopen, resolve and automated severity or tier change. A finding a person suppressed stays suppressed
 * until its suppression expires; a severity a person set (reclassify) is kept; a finding whose rule failed to
 * evaluate for its subject is left as it is (a failing rule is never a silent "no longer matches").
 */
export async function raiseFindings(
  db: Db,
  plan: readonly PlannedFinding[],
  options: { now: Date; policySnapshotId: string; ruleErrors: readonly RuleError[] },
): Promise<RaiseResult> {
  const { now, policySnapshotId } = options;
  const existing = await db.select().from(findings);
  const byKey = new Map(existing.map((f) => [f.findingKey, f]));
  const humanSeverity = await humanSeverityIds(db);
  const failed = new Set(options.ruleErrors.map((e) => findingKeyOf(e.document, e.ruleId, e.subjectKind, e.subjectId)));
  const result: RaiseResult = { raised: 0, reopened: 0, resolved: 0, updated: 0, ids: new Map(), fresh: new Set() };
  const inserts: (typeof findings.$inferInsert)[] = [];
  const updates: Record<string, unknown>[] = [];
  const decisionRows: ReturnType<typeof systemDecision>[] = [];
  const decide = (
    f: { id: string; ruleId: string },
    decision: string,
    reason: string,
    version: number,
    details: object,
  ) =>
    decisionRows.push(
      systemDecision({
        decision,
        subjectType: 'finding',
        subjectId: f.id,
        subjectVersion: version,
        ruleId: f.ruleId,
        reason,
        policySnapshotId,
        at: now,
        details: { ...details, newVersion: version + 1 },
      }),
    );
  const planned = new Set<string>();
  for (const p of plan) {
    planned.add(p.findingKey);
    const old = byKey.get(p.findingKey);
    if (!old) {
      const id = uuidv7();
      result.ids.set(p.findingKey, id);
      result.fresh.add(p.findingKey);
      result.raised++;
      inserts.push({
        id,
        findingKey: p.findingKey,
        ruleId: p.ruleId,
        policySnapshotId,
        assetId: p.assetId,
        title: p.title,
        severity: p.severity,
        tier: p.tier,
        status: 'open',
        evidence: p.evidence,
        firstSeen: p.firstSeen,
        lastSeen: p.lastSeen,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      decisionRows.push(
        systemDecision({
          decision: 'raise',
          subjectType: 'finding',
          subjectId: id,
          subjectVersion: 1,
          ruleId: p.ruleId,
          reason: `rule ${p.ruleId} matches: ${p.title}`,
          policySnapshotId,
          at: now,
          details: { findingKey: p.findingKey, severity: p.severity, tier: p.tier, evidence: p.evidence },
        }),
      );
      continue;
    }
    result.ids.set(p.findingKey, old.id);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const severity = humanSeverity.has(old.id) ? old.severity : p.severity;
    if (severity !== old.severity) changes.severity = { from: old.severity, to: severity };
    if (p.tier !== old.tier) changes.tier = { from: old.tier, to: p.tier };
    let status = old.status;
    let reason = `re-evaluated: ${Object.keys(changes).join(', ')} changed`;
    let decision = 'update';
    const suppressionLive = old.status === 'suppressed' && old.suppressedUntil && old.suppressedUntil > now;
    if (old.status === 'resolved' || (old.status === 'suppressed' && !suppressionLive)) {
      status = 'open';
      decision = 'reopen';
      reason = old.status === 'resolved' ? `rule ${p.ruleId} matches again` : 'suppression expired';
      changes.status = { from: old.status, to: 'open' };
      result.fresh.add(p.findingKey);
      result.reopened++;
    }
    const material = Object.keys(changes).length > 0;
    if (material) {
      decide(old, decision, reason, old.version, { changes: serialise(changes) });
      result.updated++;
    }
    updates.push({
      id: old.id,
      title: p.title,
      severity,
      tier: p.tier,
      status,
      evidence: p.evidence,
      last_seen: p.lastSeen.toISOString(),
      policy_snapshot_id: policySnapshotId,
      asset_id: p.assetId,
      expected: old.version,
      bump: material ? 1 : 0,
    });
  }
  for (const old of existing) {
    if (planned.has(old.findingKey) || old.status === 'resolved' || failed.has(old.findingKey)) continue;
    if (old.status === 'suppressed' && old.suppressedUntil && old.suppressedUntil > now) continue;
    result.resolved++;
    decide(old, 'resolve', `rule ${old.ruleId} no longer matches its subject`, old.version, {
      changes: { status: { from: old.status, to: 'resolved' } },
    });
    updates.push({ ...keep(old), status: 'resolved', expected: old.version, bump: 1 });
  }
  for (let i = 0; i < inserts.length; i += 500)
    await db
      .insert(findings)
      .values(inserts.slice(i, i + 500))
      .onConflictDoNothing();
  const written = await bulkUpdate(db, updates, now);
  // A finding a person decided on meanwhile (its version moved) is left for the next run, without a decision.
  const kept = decisionRows.filter((d) => d.decision === 'raise' || written.has(d.subjectId));
  await insertDecisions(db, kept);
  return result;
}

function keep(f: FindingRow) {
  return {
    id: f.id,
    title: f.title,
    severity: f.severity,
    tier: f.tier,
    evidence: f.evidence,
    last_seen: f.lastSeen.toISOString(),
    policy_snapshot_id: f.policySnapshotId,
    asset_id: f.assetId,
  };
}

function serialise(changes: Record<string, { from: unknown; to: unknown }>) {
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { from: plain(v.from), to: plain(v.to) }]));
}

/** Findings whose severity a person set through reclassify: automated re-evaluation keeps it. */
async function humanSeverityIds(db: Db): Promise<Set<string>> {
  const rows = await db
    .select({ id: decisions.subjectId })
    .from(decisions)
    .where(
      and(
        eq(decisions.subjectType, 'finding'),
        eq(decisions.actorType, 'user'),
        sql`(${decisions.details}->'changes'->'severity') is not null`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * One UPDATE … FROM jsonb_to_recordset per chunk (no per-finding round trips), only where the finding still has
 * the version it was read with. Returns the ids written.
 */
async function bulkUpdate(db: Db, rows: readonly Record<string, unknown>[], now: Date): Promise<Set<string>> {
  const written = new Set<string>();
  for (let i = 0; i < rows.length; i += 1000) {
    const payload = JSON.stringify(rows.slice(i, i + 1000));
    const res = await db.execute(sql`
      update findings f set title = u.title, severity = u.severity, tier = u.tier, status = u.status,
        evidence = u.evidence, last_seen = greatest(f.last_seen, u.last_seen), policy_snapshot_id = u.policy_snapshot_id,
        asset_id = u.asset_id, version = f.version + u.bump,
        updated_at = case when u.bump > 0 then ${now.toISOString()}::timestamptz else f.updated_at end
      from jsonb_to_recordset(${payload}::jsonb) as u(id uuid, title text, severity text, tier int, status text,
        evidence jsonb, last_seen timestamptz, policy_snapshot_id text, asset_id uuid, expected int, bump int)
      where f.id = u.id and f.version = u.expected
      returning f.id::text as id
    `);
    for (const r of rowsOf<{ id: string }>(res)) written.add(r.id);
  }
  return written;
}
