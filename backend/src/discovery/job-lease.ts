import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jobLeases } from '../db/schema.ts';

export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false; holder: string; until: Date };

/**
 * Runs `fn` only while holding the lease row of job `name` (one upsert: taken when free, expired, or already ours),
 * so of N replicas one runs the job at a time; releases it afterwards, recording when and how it finished.
 * A crashed holder blocks the job only until `ttlMs` has passed.
 */
export async function withJobLease<T>(
  db: Db,
  job: { name: string; owner: string; now: () => Date; ttlMs: number },
  fn: () => Promise<T>,
): Promise<LeaseOutcome<T>> {
  const now = job.now();
  const until = new Date(now.getTime() + job.ttlMs);
  const taken = await db
    .insert(jobLeases)
    .values({ name: job.name, owner: job.owner, leaseUntil: until, acquiredAt: now })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { owner: job.owner, leaseUntil: until, acquiredAt: now },
      setWhere: sql`${jobLeases.leaseUntil} <= ${now.toISOString()}::timestamptz or ${jobLeases.owner} = ${job.owner}`,
    })
    .returning({ owner: jobLeases.owner });
  if (taken.length === 0) {
    const [held] = await db.select().from(jobLeases).where(eq(jobLeases.name, job.name));
    return { ran: false, holder: held?.owner ?? 'unknown', until: held?.leaseUntil ?? until };
  }
  let outcome: Record<string, unknown> = { ok: false };
  try {
    const value = await fn();
    outcome = { ok: true };
    return { ran: true, value };
  } catch (err) {
    outcome = { ok: false, error: err instanceof Error ? err.message : String(err) };
    throw err;
  } finally {
    const end = job.now();
    await db
      .update(jobLeases)
      .set({ leaseUntil: end, lastFinishedAt: end, lastOutcome: outcome })
      .where(and(eq(jobLeases.name, job.name), eq(jobLeases.owner, job.owner)));
  }
}
