import { randomUUID } from 'node:crypto';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jobLeases } from '../db/schema.ts';

/** Takes the named job lease until `now + ttlMs` when free, released or expired; returns the owner token, or null when held. */
export async function acquireLease(db: Db, name: string, now: Date, ttlMs: number): Promise<string | null> {
  const owner = randomUUID();
  const until = new Date(now.getTime() + ttlMs);
  const rows = await db
    .insert(jobLeases)
    .values({ name, owner, leaseUntil: until, acquiredAt: now })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { owner, leaseUntil: until, acquiredAt: now },
      setWhere: lte(jobLeases.leaseUntil, sql`${now.toISOString()}::timestamptz`),
    })
    .returning({ owner: jobLeases.owner });
  return rows[0]?.owner === owner ? owner : null;
}

/** Gives the lease back, recording when and how the run ended. */
export async function releaseLease(db: Db, name: string, owner: string, now: Date, outcome: Record<string, unknown>) {
  await db
    .update(jobLeases)
    .set({ leaseUntil: now, lastFinishedAt: now, lastOutcome: outcome })
    .where(and(eq(jobLeases.name, name), eq(jobLeases.owner, owner)));
}
