import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase, postgresMissing } from '../../../test/support/databases.ts';
import { migrationStatus, runMigrations, shippedMigrations } from './migrate.ts';
import { rowsOf } from './rows.ts';

describe.each(databaseKinds)('migrations on %s', (kind) => {
  it.skipIf(postgresMissing(kind))('are current after migrating, idempotent, and create the same tables', async () => {
    const database = await openTestDatabase(kind);
    try {
      expect(await migrationStatus(database)).toEqual({
        applied: shippedMigrations().length,
        shipped: shippedMigrations().length,
        current: true,
      });
      await runMigrations(database);
      const tables = rowsOf<{ table_name: string }>(
        await database.db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
        ),
      ).map((r) => r.table_name);
      expect(tables).toEqual(
        expect.arrayContaining(['audit_checkpoints', 'audit_log', 'sessions', 'signing_keys', 'users']),
      );
    } finally {
      await database.close();
    }
  });
});
