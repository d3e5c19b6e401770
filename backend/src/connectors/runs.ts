import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/client.ts';
import { connectorRuns } from '../db/schema.ts';

export type RunRow = typeof connectorRuns.$inferSelect;
export type RunStatus = RunRow['status'];

/**
 * While a run is `running`, its `error` column carries `{ cancelRequested: true, ... }` when an admin asked to
 * cancel it (the schema has no flag column; the owner's heartbeat reads it on whichever replica runs the sync).
 */
export const isCancelRequested = (run: Pick<RunRow, 'status' | 'error'>) =>
  run.status === 'running' && run.error?.cancelRequested === true;

export async function startRun(db: Db, connectorId: string, owner: string, trigger: string, now: Date) {
  const [run] = await db
    .insert(connectorRuns)
    .values({ id: uuidv7(), connectorId, trigger, status: 'running', startedAt: now, heartbeatAt: now, owner })
    .returning();
  return run!;
}

/** Records progress and the heartbeat; returns the row (to read the cancel flag) or null when the run is gone. */
export async function heartbeatRun(
  db: Db,
  runId: string,
  now: Date,
  progress: { phase?: string; pages: number; items: number },
): Promise<RunRow | null> {
  const [row] = await db
    .update(connectorRuns)
    .set({ heartbeatAt: now, phase: progress.phase ?? null, pages: progress.pages, items: progress.items })
    .where(and(eq(connectorRuns.id, runId), eq(connectorRuns.status, 'running')))
    .returning();
  return row ?? null;
}

/** Adds committed counts to a run (inside the batch's transaction). */
export async function addRunCounts(db: Db, runId: string, counts: Record<string, number>): Promise<void> {
  const [row] = await db
    .select({ counts: connectorRuns.counts })
    .from(connectorRuns)
    .where(eq(connectorRuns.id, runId));
  if (!row) return;
  const next = { ...row.counts };
  for (const [k, v] of Object.entries(counts)) next[k] = (next[k] ?? 0) + v;
  await db.update(connectorRuns).set({ counts: next }).where(eq(connectorRuns.id, runId));
}

/** Finishes a run that is still `running` (a run already marked failed as stale stays as it is). */
export async function finishRun(
  db: Db,
  runId: string,
  outcome: {
    status: Exclude<RunStatus, 'running'>;
    at: Date;
    error?: Record<string, unknown> | null;
    pages?: number;
    items?: number;
    counts?: Record<string, number>;
  },
): Promise<boolean> {
  const rows = await db
    .update(connectorRuns)
    .set({
      status: outcome.status,
      finishedAt: outcome.at,
      heartbeatAt: outcome.at,
      error: outcome.error ?? null,
      ...(outcome.pages !== undefined ? { pages: outcome.pages } : {}),
      ...(outcome.items !== undefined ? { items: outcome.items } : {}),
      ...(outcome.counts ? { counts: sql`${connectorRuns.counts} || ${JSON.stringify(outcome.counts)}::jsonb` } : {}),
    })
    .where(and(eq(connectorRuns.id, runId), eq(connectorRuns.status, 'running')))
    .returning({ id: connectorRuns.id });
  return rows.length === 1;
}

/** Marks `running` runs whose heartbeat is older than `staleBefore` as failed: their owner died. */
export async function failStaleRuns(db: Db, staleBefore: Date, now: Date, connectorId?: string): Promise<number> {
  const rows = await db
    .update(connectorRuns)
    .set({
      status: 'failed',
      finishedAt: now,
      error: {
        problem: 'unexpected',
        message:
          'The server running this sync stopped responding (no heartbeat). The next run resumes from the last committed cursor.',
      },
    })
    .where(
      and(
        eq(connectorRuns.status, 'running'),
        lt(connectorRuns.heartbeatAt, staleBefore),
        ...(connectorId ? [eq(connectorRuns.connectorId, connectorId)] : []),
      ),
    )
    .returning({ id: connectorRuns.id });
  return rows.length;
}

/** Asks the running sync of a connector to stop; returns the run, or null when none is running. */
export async function requestCancel(db: Db, connectorId: string, by: string, now: Date): Promise<RunRow | null> {
  const [row] = await db
    .update(connectorRuns)
    .set({ error: { cancelRequested: true, requestedBy: by, requestedAt: now.toISOString() } })
    .where(and(eq(connectorRuns.connectorId, connectorId), eq(connectorRuns.status, 'running')))
    .returning();
  return row ?? null;
}

export const listRuns = (db: Db, connectorId: string, limit: number) =>
  db
    .select()
    .from(connectorRuns)
    .where(eq(connectorRuns.connectorId, connectorId))
    .orderBy(desc(connectorRuns.startedAt), desc(connectorRuns.id))
    .limit(limit);

export async function getRun(db: Db, runId: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(connectorRuns).where(eq(connectorRuns.id, runId));
  return row;
}
