import { sql } from 'drizzle-orm';
import type { Db } from '../../backend/src/db/client.ts';
import { dailyUsage, people } from '../../backend/src/db/schema.ts';

type Usage = Partial<typeof dailyUsage.$inferInsert> & { day: string; serviceKey: string; personKey: string };

/** Inserts daily_usage rollup rows as ingest would have written them. */
export async function insertUsage(db: Db, rows: readonly Usage[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(dailyUsage).values(rows.slice(i, i + 1000));
}

/** Inserts people with departments. */
export async function insertPeople(db: Db, rows: readonly { personKey: string; department: string }[], at: Date) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(people)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, email: r.personKey, source: 'fixture', updatedAt: at })));
  }
}

/** The day `n` days before `at`, as daily_usage spells it. */
export function dayBefore(at: Date, n: number): string {
  return new Date(at.getTime() - n * 86_400_000).toISOString().slice(0, 10);
}

/** Count of rows of a table (for assertions). */
export async function count(db: Db, table: string, where = sql`true`): Promise<number> {
  const res = (await db.execute(sql`select count(*)::int n from ${sql.identifier(table)} where ${where}`)) as unknown;
  const rows = Array.isArray(res) ? res : (res as { rows: { n: number }[] }).rows;
  return Number((rows[0] as { n: number }).n);
}
