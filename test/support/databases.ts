import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterEach, beforeEach, inject } from 'vitest';
import { type Database, type DatabaseKind, fromPglite, openPglite, openPostgres } from '../../backend/src/db/client.ts';
import { runMigrations } from '../../backend/src/db/migrate.ts';

/** Both databases every DB suite runs on. PostgreSQL suites skip (loudly, in global set-up) only when no server exists. */
export const databaseKinds: DatabaseKind[] = ['pglite', 'postgres'];

/** The admin URL of the test PostgreSQL server, or '' when none is available. */
export function postgresAdminUrl(): string {
  return inject('postgresAdminUrl');
}

/** True when the PostgreSQL suites cannot run here (no server and not required). */
export function postgresMissing(kind: DatabaseKind): boolean {
  return kind === 'postgres' && postgresAdminUrl() === '';
}

let pgliteTemplate: Promise<PGlite> | undefined;
let postgresTemplate: Promise<string> | undefined;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function makePostgresTemplate(): Promise<string> {
  const admin = postgresAdminUrl();
  const name = `sl_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const tpl = openPostgres(withDatabase(admin, name), { max: 1 });
  await runMigrations(tpl);
  await tpl.close();
  return name;
}

/**
 * A fresh, migrated database of the given kind: a clone of a migrated PGlite template, or a new
 * PostgreSQL database created from a migrated template database. Close it when done.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: { max?: number } = {},
): Promise<Database & { url?: string }> {
  if (kind === 'pglite') {
    pgliteTemplate ??= openPglite().then(async (db) => {
      await runMigrations(db);
      return (db as unknown as { db: { $client: PGlite } }).db.$client;
    });
    const clone = (await (await pgliteTemplate).clone()) as PGlite;
    return fromPglite(clone);
  }
  const admin = postgresAdminUrl();
  if (!admin) throw new Error('no PostgreSQL server for tests (see test/setup/global-postgres.ts)');
  postgresTemplate ??= makePostgresTemplate();
  const template = await postgresTemplate;
  const name = `sl_t_${randomBytes(6).toString('hex')}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name} template ${template}`);
  await sql.end();
  const url = withDatabase(admin, name);
  const database = openPostgres(url, { max: options.max ?? 5 });
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const drop = postgres(admin, { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/** Registers hooks that give each test a fresh database of `kind`; read `.current` inside tests. */
export function useTestDatabase(kind: DatabaseKind): { current: Database } {
  const holder = {} as { current: Database };
  beforeEach(async () => {
    holder.current = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await holder.current?.close();
  });
  return holder;
}
