import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { connectors } from '../db/schema.ts';
import type { ConnectorRow } from './store.ts';

/** The lease was taken over (expired and claimed by another replica) or the connector was deleted. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

const free = (now: Date) => or(isNull(connectors.leaseUntil), lt(connectors.leaseUntil, now));

/**
 * Claims a connector's lease with one conditional UPDATE: PostgreSQL re-checks the WHERE clause on the latest row
 * version after a concurrent claim commits, so of N replicas exactly one gets the row back.
 */
export async function claimLease(
  db: Db,
  id: string,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<ConnectorRow | null> {
  const [row] = await db
    .update(connectors)
    .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(and(eq(connectors.id, id), free(now)))
    .returning();
  return row ?? null;
}

/** Extends a held lease; false when it is no longer ours. */
export async function renewLease(db: Db, id: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(connectors)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(and(eq(connectors.id, id), eq(connectors.leaseOwner, owner)))
    .returning({ id: connectors.id });
  return rows.length === 1;
}

/** Ids of enabled connectors that are due and not leased, oldest due first. */
export async function dueConnectors(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: connectors.id })
    .from(connectors)
    .where(and(eq(connectors.enabled, true), lte(connectors.nextRunAt, now), free(now)))
    .orderBy(asc(connectors.nextRunAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Ends a run's hold on the connector: schedules the next run and frees the lease, if still ours. */
export async function releaseLease(
  db: Db,
  id: string,
  owner: string,
  outcome: { status: string; at: Date; nextRunAt: Date },
): Promise<void> {
  await db
    .update(connectors)
    .set({
      leaseOwner: null,
      leaseUntil: null,
      lastRunAt: outcome.at,
      lastStatus: outcome.status,
      nextRunAt: outcome.nextRunAt,
    })
    .where(and(eq(connectors.id, id), eq(connectors.leaseOwner, owner)));
}
