import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/client.ts';
import { decisions } from '../db/schema.ts';

/** The actor of every automated decision (evidence contract: actor type, id and role). */
export const SYSTEM_ACTOR = { actorType: 'system', actorId: 'discovery', actorRole: 'system' } as const;

type DecisionRow = typeof decisions.$inferInsert;

/** One automated decision with every field the evidence contract requires. */
export function systemDecision(d: {
  decision: string;
  subjectType: string;
  subjectId: string;
  subjectVersion?: number;
  ruleId: string;
  reason: string;
  policySnapshotId: string;
  at: Date;
  details?: Record<string, unknown>;
}): DecisionRow {
  return { id: uuidv7(), ...SYSTEM_ACTOR, ...d, details: d.details ?? {} };
}

/** Inserts decision rows in chunks. */
export async function insertDecisions(db: Db, rows: readonly DecisionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(decisions).values(rows.slice(i, i + 500));
}
