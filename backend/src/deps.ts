import type { AuditLog } from './audit/audit-log.ts';
import type { SessionStore } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { Database } from './db/client.ts';
import type { Env } from './env.ts';
import type { Logger } from './http/logger.ts';

/** Everything the app needs, built once by the entrypoint (or a test) and passed in. No module singletons. */
export interface AppDeps {
  env: Env;
  database: Database;
  clock: Clock;
  logger: Logger;
  box: SecretBox;
  audit: AuditLog;
  sessions: SessionStore;
}
