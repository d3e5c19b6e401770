import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** `YYYY-MM` of a date in UTC. */
export function monthOf(d: Date): string {
  return d.toISOString().slice(0, 7);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Remembers which monthly partitions exist, per database, and creates missing ones (idempotent, race-safe). */
export function createPartitionKeeper(db: Db) {
  const known = new Set<string>();
  return async function ensure(months: Iterable<string>): Promise<void> {
    for (const month of months) {
      if (known.has(month)) continue;
      if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`bad partition month ${month}`);
      const name = `events_y${month.replace('-', 'm')}`;
      const from = `${month}-01`;
      const to = `${nextMonth(month)}-01`;
      try {
        await db.execute(
          sql.raw(`create table if not exists ${name} partition of events for values from ('${from}') to ('${to}')`),
        );
      } catch (err) {
        // Another replica created it between our check and create: fine.
        const text = `${(err as Error).message} ${String((err as { cause?: Error }).cause?.message ?? '')}`;
        if (!/already exists/.test(text)) throw err;
      }
      known.add(month);
    }
  };
}

/** The months an ingest at `now` may write to (the skew window covers the previous two months). */
export function monthsAround(now: Date): string[] {
  const months = new Set<string>();
  for (const offsetDays of [-40, -20, 0, 10, 40]) months.add(monthOf(new Date(now.getTime() + offsetDays * 86400_000)));
  return [...months];
}
