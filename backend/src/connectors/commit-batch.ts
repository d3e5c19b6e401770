import type { PersonInput, SyncBatch } from '@sightline/connectors';
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { connectors, people } from '../db/schema.ts';
import { createObservationSink, type ReportResult } from '../discovery/observations.ts';
import { LeaseLostError } from './lease.ts';
import { addRunCounts } from './runs.ts';

const personSchema = z.strictObject({
  personKey: z.string().min(1).max(320),
  email: z.string().max(254).optional(),
  name: z.string().max(300).optional(),
  department: z.string().max(300).optional(),
});

export interface BatchOwner {
  connectorId: string;
  /** The people table's `source`: the connector type. */
  source: string;
  owner: string;
  runId: string;
}

type Observation = SyncBatch['observations'][number];

/** One row per (source, sourceRef): a batch may repeat a record, and one upsert may not touch a row twice. */
function dedupeObservations(items: readonly Observation[]): Observation[] {
  const byRef = new Map<string, Observation>();
  for (const o of items) {
    const key = `${o.source}\u0000${o.sourceRef}`;
    const prev = byRef.get(key);
    byRef.set(
      key,
      prev
        ? {
            ...o,
            windowStart: new Date(Math.min(prev.windowStart.getTime(), o.windowStart.getTime())),
            windowEnd: new Date(Math.max(prev.windowEnd.getTime(), o.windowEnd.getTime())),
          }
        : o,
    );
  }
  return [...byRef.values()];
}

async function upsertPeople(tx: Db, source: string, items: readonly PersonInput[], now: Date): Promise<number> {
  const byKey = new Map<string, PersonInput>();
  for (const p of items) {
    const v = personSchema.parse(p);
    byKey.set(v.personKey, { ...byKey.get(v.personKey), ...v });
  }
  const rows = [...byKey.values()].map((p) => ({
    personKey: p.personKey,
    email: p.email?.toLowerCase() ?? null,
    name: p.name ?? null,
    department: p.department ?? null,
    source,
    updatedAt: now,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(people)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: people.personKey,
        set: {
          email: sql`coalesce(excluded.email, ${people.email})`,
          name: sql`coalesce(excluded.name, ${people.name})`,
          department: sql`coalesce(excluded.department, ${people.department})`,
          source: sql`excluded.source`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  return rows.length;
}

/**
 * Commits one emitted batch atomically: observations (through the sink), people and the cursor, in one
 * transaction that first checks the lease is still ours (a fencing check: a replica whose lease expired and was
 * taken over cannot commit stale data or move the cursor back).
 */
export async function commitBatch(db: Db, clock: Clock, who: BatchOwner, batch: SyncBatch): Promise<ReportResult> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const now = clock();
    const held = await tx
      .update(connectors)
      .set({ cursor: batch.cursor })
      .where(
        and(eq(connectors.id, who.connectorId), eq(connectors.leaseOwner, who.owner), gt(connectors.leaseUntil, now)),
      )
      .returning({ id: connectors.id });
    if (held.length === 0) {
      throw new LeaseLostError('This server no longer holds the connector lease; the batch was not committed.');
    }
    const report = await createObservationSink(tx, clock).report(dedupeObservations(batch.observations));
    const peopleCount = batch.people?.length ? await upsertPeople(tx, who.source, batch.people, now) : 0;
    await addRunCounts(tx, who.runId, {
      batches: 1,
      observations: batch.observations.length,
      inserted: report.inserted,
      updated: report.updated,
      matched: report.matched,
      suspected: report.suspected,
      ignored: report.ignored,
      people: peopleCount,
    });
    return report;
  });
}
