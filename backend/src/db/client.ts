import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where it lives, without credentials: a data directory or host/database. */
  location: string;
  close(): Promise<void>;
}

/** Opens PostgreSQL through postgres.js. */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, prepare: true });
  const parsed = new URL(url);
  return {
    db: drizzlePostgres(client, { schema }) as unknown as Db,
    kind: 'postgres',
    location: `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens (creating on first use) an embedded PGlite database; `dataDir` undefined means in memory. */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  return fromPglite(client, dataDir ?? 'memory');
}

/** Wraps an already open PGlite instance (tests clone a migrated template). */
export function fromPglite(client: PGlite, location = 'memory'): Database {
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    location,
    close: () => client.close(),
  };
}

/** The embedded database's directory for a Sightline data directory. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'data');
}

/** Opens PostgreSQL when a URL is given, else the embedded database under `dataDir`. */
export async function openDatabase(options: { url?: string; dataDir: string }): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(pgliteDir(options.dataDir));
}
