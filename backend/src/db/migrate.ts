import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client.ts';
import { rowsOf } from './rows.ts';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/** The migrations this build ships, from drizzle-kit's journal. */
export function shippedMigrations(): Journal['entries'] {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
  return journal.entries;
}

/** Applies every pending migration; the same files serve PGlite and PostgreSQL. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

/** How many migrations are applied vs shipped; `current` when none is pending. */
export async function migrationStatus(
  database: Database,
): Promise<{ applied: number; shipped: number; current: boolean }> {
  const shipped = shippedMigrations().length;
  let applied = 0;
  try {
    const rows = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    applied = Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
  } catch {
    applied = 0;
  }
  return { applied, shipped, current: applied >= shipped };
}
