import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../audit/entry-hash.ts';
import type { Db } from '../db/client.ts';
import { decisions } from '../db/schema.ts';

/** Every field the evidence contract asks of a decision. */
export interface DecisionInput {
  decision: string;
  subject: { type: string; id: string; version: number | null };
  ruleId: string;
  reason: string;
  policySnapshotId: string;
  actor: { type: 'user' | 'system' | 'device' | 'cli'; id: string | null; role: string | null };
  at: Date;
  details?: Record<string, unknown>;
  idempotencyKey?: string | null;
}

/**
 * The idempotency key of a decision: SHA-256 over subject, decision, its parameters and the subject version it
 * was made on. The same person repeating the same decision on the same version gets the same key.
 */
export function decisionKey(input: {
  subjectType: string;
  subjectId: string;
  decision: string;
  params: Record<string, unknown>;
  version: number;
}): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/** The decision stored under `key`, or undefined. */
export async function findDecisionByKey(db: Db, key: string) {
  const [row] = await db.select().from(decisions).where(eq(decisions.idempotencyKey, key)).limit(1);
  return row;
}

/** Stores one decision with every contract field; returns its id. */
export async function recordDecision(db: Db, input: DecisionInput): Promise<string> {
  const id = uuidv7();
  await db.insert(decisions).values({
    id,
    decision: input.decision,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    subjectVersion: input.subject.version,
    ruleId: input.ruleId,
    reason: input.reason,
    policySnapshotId: input.policySnapshotId,
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorRole: input.actor.role,
    at: input.at,
    details: input.details ?? {},
    idempotencyKey: input.idempotencyKey ?? null,
  });
  return id;
}
