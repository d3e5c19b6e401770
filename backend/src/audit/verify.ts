import { and, asc, eq, gt, or } from 'drizzle-orm';
import { loadVerifier } from '../crypto/signing-keys.ts';
import type { Db } from '../db/client.ts';
import { auditCheckpoints, auditLog } from '../db/schema.ts';
import { checkpointMessage, entryHash, GENESIS_HASH } from './entry-hash.ts';

export type ProblemKind = 'modified' | 'deleted' | 'inserted' | 'reordered' | 'rewritten' | 'bad-checkpoint';

export interface AuditProblem {
  kind: ProblemKind;
  /** Position in the chain where the problem shows. */
  seq: number;
  /** The entry the problem names (the modified, inserted or misplaced one; for deletions, the entry after the gap). */
  entryId: string | null;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  checkpoints: number;
  /** The first problem in chain order, if any. */
  first: AuditProblem | null;
  /** Every problem found, in chain order (capped at 1,000). */
  problems: AuditProblem[];
}

type Row = typeof auditLog.$inferSelect;
const PAGE = 2000;

/** Walks the whole chain and every checkpoint; names the first modified, deleted, inserted or reordered entry. */
export async function verifyAuditLog(db: Db): Promise<VerifyReport> {
  const problems: AuditProblem[] = [];
  const add = (p: AuditProblem) => {
    if (problems.length < 1000) problems.push(p);
  };
  const findByHash = async (hash: string) =>
    (await db.select({ id: auditLog.id, seq: auditLog.seq }).from(auditLog).where(eq(auditLog.hash, hash)).limit(1))[0];

  let prev: Row | undefined;
  let beforePrev: Row | undefined;
  let entries = 0;
  let maxSeq = 0;
  let cursor: { seq: number; id: string } | undefined;
  for (;;) {
    const page: Row[] = await db
      .select()
      .from(auditLog)
      .where(
        cursor
          ? or(gt(auditLog.seq, cursor.seq), and(eq(auditLog.seq, cursor.seq), gt(auditLog.id, cursor.id)))
          : undefined,
      )
      .orderBy(asc(auditLog.seq), asc(auditLog.id))
      .limit(PAGE);
    for (const row of page) {
      entries++;
      maxSeq = Math.max(maxSeq, row.seq);
      const expectedSeq = (prev?.seq ?? 0) + 1;
      const expectedPrev = prev?.hash ?? GENESIS_HASH;
      if (entryHash(row) !== row.hash) {
        add({
          kind: 'modified',
          seq: row.seq,
          entryId: row.id,
          message: `entry ${row.id} (seq ${row.seq}) was modified: its content no longer matches its hash`,
        });
      } else if (prev && row.seq === prev.seq) {
        // Two entries claim one position: the one the chain does not continue from is the insertion.
        const [next] = await db
          .select({ prevHash: auditLog.prevHash })
          .from(auditLog)
          .where(eq(auditLog.seq, row.seq + 1))
          .limit(1);
        const rowIsLegit = next ? next.prevHash === row.hash : row.prevHash === (beforePrev?.hash ?? GENESIS_HASH);
        const intruder = rowIsLegit ? prev : row;
        add({
          kind: 'inserted',
          seq: row.seq,
          entryId: intruder.id,
          message: `entry ${intruder.id} was inserted at seq ${row.seq}, which another entry already holds`,
        });
        if (!rowIsLegit) continue;
        prev = row;
        continue;
      } else if (row.prevHash !== expectedPrev) {
        const target = await findByHash(row.prevHash);
        if (row.prevHash === (beforePrev?.hash ?? GENESIS_HASH) && prev) {
          add({
            kind: 'inserted',
            seq: prev.seq,
            entryId: prev.id,
            message: `entry ${prev.id} (seq ${prev.seq}) was inserted: the next entry links past it`,
          });
        } else if (target && target.seq > row.seq) {
          add({
            kind: 'reordered',
            seq: row.seq,
            entryId: row.id,
            message: `entry ${row.id} (seq ${row.seq}) was moved: it belongs after entry ${target.id} (now seq ${target.seq})`,
          });
        } else if (row.seq > expectedSeq) {
          add({
            kind: 'deleted',
            seq: expectedSeq,
            entryId: row.id,
            message: `entries at seq ${expectedSeq}..${row.seq - 1} were deleted (gap before entry ${row.id})`,
          });
        } else {
          add({
            kind: 'deleted',
            seq: row.seq,
            entryId: row.id,
            message: `the chain breaks before entry ${row.id} (seq ${row.seq}): the entry it links to was deleted, or entry ${prev?.id ?? '(start)'} was rewritten`,
          });
        }
      } else if (row.seq !== expectedSeq) {
        add({
          kind: 'reordered',
          seq: row.seq,
          entryId: row.id,
          message: `entry ${row.id} carries seq ${row.seq} but follows seq ${prev?.seq ?? 0}`,
        });
      }
      beforePrev = prev;
      prev = row;
    }
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    cursor = { seq: last.seq, id: last.id };
  }

  const verifier = await loadVerifier(db);
  const checkpoints = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq));
  for (const cp of checkpoints) {
    const sig = verifier.verify(cp.keyId, checkpointMessage(cp), cp.signature);
    if (sig !== 'valid') {
      add({
        kind: 'bad-checkpoint',
        seq: cp.seq,
        entryId: cp.entryId,
        message: `checkpoint at seq ${cp.seq} has an ${sig === 'unknown-key' ? 'unknown signing key' : 'invalid signature'}`,
      });
      continue;
    }
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.id, cp.entryId));
    if (!entry) {
      add({
        kind: 'deleted',
        seq: cp.seq,
        entryId: cp.entryId,
        message: `entry ${cp.entryId} (seq ${cp.seq}), covered by a signed checkpoint, was deleted`,
      });
    } else if (entry.hash !== cp.hash || entry.seq !== cp.seq) {
      add({
        kind: 'rewritten',
        seq: cp.seq,
        entryId: cp.entryId,
        message: `history up to entry ${cp.entryId} (seq ${cp.seq}) was rewritten: it no longer matches its signed checkpoint`,
      });
    }
  }
  const lastCheckpoint = checkpoints[checkpoints.length - 1];
  if (lastCheckpoint && lastCheckpoint.seq > maxSeq) {
    add({
      kind: 'deleted',
      seq: maxSeq + 1,
      entryId: null,
      message: `entries after seq ${maxSeq} were deleted: a signed checkpoint covers seq ${lastCheckpoint.seq}`,
    });
  }
  problems.sort((a, b) => a.seq - b.seq);
  return { ok: problems.length === 0, entries, checkpoints: checkpoints.length, first: problems[0] ?? null, problems };
}
