import { createAuditLog } from './audit/audit-log.ts';
import { createSessionStore } from './auth/sessions.ts';
import { type Clock, systemClock } from './clock.ts';
import { loadMasterKey } from './crypto/master-key.ts';
import { createSecretBox } from './crypto/secret-box.ts';
import { loadSigner } from './crypto/signing-keys.ts';
import { type Database, openDatabase, pgliteDir } from './db/client.ts';
import { acquireDataDirLock } from './db/data-dir-lock.ts';
import { runMigrations } from './db/migrate.ts';
import type { AppDeps } from './deps.ts';
import type { Env } from './env.ts';
import { createLogger, type Logger } from './http/logger.ts';

export interface Runtime {
  deps: AppDeps;
  /** Messages for the operator (key generated, embedded mode, ...). */
  notices: string[];
  close(): Promise<void>;
}

/**
 * Opens the database (applying pending migrations), loads the secret key and the audit signer, and builds the app's dependencies.
 * The CLI and the server share it.
 */
export async function openRuntime(
  env: Env,
  options: { clock?: Clock; logger?: Logger; who?: string } = {},
): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  const notices: string[] = [];
  const embedded = !env.DATABASE_URL;
  const releaseLock = embedded ? acquireDataDirLock(env.SIGHTLINE_DATA_DIR, options.who ?? 'sightline') : () => {};
  let database: Database | undefined;
  try {
    const master = loadMasterKey({ envKey: env.SIGHTLINE_SECRET_KEY, dataDir: env.SIGHTLINE_DATA_DIR, embedded });
    if (master.origin === 'generated') {
      notices.push(
        `Generated a secret key at ${master.path} (mode 0600). It seals secrets at rest: back it up with the data, or set SIGHTLINE_SECRET_KEY.`,
      );
    }
    database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.SIGHTLINE_DATA_DIR });
    if (embedded)
      notices.push(
        `Embedded database (PGlite) in ${pgliteDir(env.SIGHTLINE_DATA_DIR)}. Set DATABASE_URL for PostgreSQL.`,
      );
    await runMigrations(database);
    const box = createSecretBox(master.key);
    const signer = await loadSigner(database.db, box, clock);
    const audit = createAuditLog({
      db: database.db,
      clock,
      signer,
      checkpointEvery: env.SIGHTLINE_AUDIT_CHECKPOINT_EVERY,
    });
    const sessions = createSessionStore(database.db, clock, {
      ttlMs: env.SIGHTLINE_SESSION_TTL_HOURS * 3600_000,
      idleMs: env.SIGHTLINE_SESSION_IDLE_MINUTES * 60_000,
    });
    const db = database;
    return {
      deps: { env, database: db, clock, logger, box, audit, sessions },
      notices,
      async close() {
        await db.close();
        releaseLock();
      },
    };
  } catch (err) {
    await database?.close().catch(() => {});
    releaseLock();
    throw err;
  }
}
