import { desc, max, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock.ts';
import type { Signer } from '../crypto/signing-keys.ts';
import type { Db } from '../db/client.ts';
import { auditCheckpoints, auditLog } from '../db/schema.ts';
import { checkpointMessage, entryHash, GENESIS_HASH } from './entry-hash.ts';

/** Serialises appends across every process on one database (an arbitrary constant: "SLAUDIT"). */
const AUDIT_LOCK_KEY = 0x534c41554449;

export type ActorType = 'user' | 'system' | 'device' | 'cli';
export type Outcome = 'success' | 'failure' | 'denied';

export interface AuditInput {
  actor: { type: ActorType; id?: string | null; role?: string | null };
  action: string;
  target?: { type: string; id?: string | null };
  outcome: Outcome;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

export interface AuditLog {
  /** Appends one entry to the chain, inside `tx` when given (so the entry commits with the change it records). */
  append(input: AuditInput, tx?: Db): Promise<{ id: string; seq: number; hash: string }>;
  /** Signs a checkpoint over the newest entry when it is not covered yet; returns its seq or null. */
  checkpoint(tx?: Db): Promise<number | null>;
}

export interface AuditLogOptions {
  db: Db;
  clock: Clock;
  signer: Signer;
  /** Sign a checkpoint every this many entries. */
  checkpointEvery: number;
}

/** Builds the audit log: an append-only SHA-256 hash chain with Ed25519-signed checkpoints. */
export function createAuditLog({ db, clock, signer, checkpointEvery }: AuditLogOptions): AuditLog {
  async function checkpointIn(tx: Db): Promise<number | null> {
    const [last] = await tx.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    if (!last) return null;
    const [covered] = await tx.select({ seq: max(auditCheckpoints.seq) }).from(auditCheckpoints);
    if ((covered?.seq ?? 0) >= last.seq) return null;
    const at = clock();
    const message = checkpointMessage({ seq: last.seq, entryId: last.id, hash: last.hash, at });
    await tx.insert(auditCheckpoints).values({
      id: uuidv7(),
      seq: last.seq,
      entryId: last.id,
      hash: last.hash,
      keyId: signer.keyId,
      signature: signer.sign(message),
      at,
    });
    return last.seq;
  }

  async function appendIn(tx: Db, input: AuditInput) {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const [last] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const entry = {
      id: uuidv7(),
      at: clock(),
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      actorRole: input.actor.role ?? null,
      action: input.action,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      outcome: input.outcome,
      details: input.details ?? {},
      requestId: input.requestId ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const seq = (last?.seq ?? 0) + 1;
    const hash = entryHash(entry);
    await tx.insert(auditLog).values({ ...entry, seq, hash });
    if (seq % checkpointEvery === 0) await checkpointIn(tx);
    return { id: entry.id, seq, hash };
  }

  return {
    append: (input, tx) => (tx ? appendIn(tx, input) : db.transaction((t) => appendIn(t as unknown as Db, input))),
    checkpoint: (tx) =>
      tx
        ? checkpointIn(tx)
        : db.transaction(async (t) => {
            await t.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
            return checkpointIn(t as unknown as Db);
          }),
  };
}
