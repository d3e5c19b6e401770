import { createApp } from '../../backend/src/app.ts';
import { createAuditLog } from '../../backend/src/audit/audit-log.ts';
import { createSessionStore } from '../../backend/src/auth/sessions.ts';
import { manualClock } from '../../backend/src/clock.ts';
import { createSecretBox } from '../../backend/src/crypto/secret-box.ts';
import { loadSigner } from '../../backend/src/crypto/signing-keys.ts';
import type { DatabaseKind } from '../../backend/src/db/client.ts';
import type { Role } from '../../backend/src/db/schema.ts';
import type { AppDeps } from '../../backend/src/deps.ts';
import { readEnv } from '../../backend/src/env.ts';
import { createLogger } from '../../backend/src/http/logger.ts';
import { createUser } from '../../backend/src/users/users.ts';
import { openTestDatabase } from './databases.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
export const ORIGIN = 'http://127.0.0.1:8787';

export interface Caller {
  cookie: string;
  csrf: string;
  userId: string;
}

/** A fresh app on a fresh database of `kind`, with a fake clock and a log sink tests can read. */
export async function buildTestApp(kind: DatabaseKind, envOverrides: Record<string, string> = {}) {
  const database = await openTestDatabase(kind);
  const clock = manualClock();
  const logLines: string[] = [];
  const logger = createLogger('info', {
    write: (line: string) => logLines.push(line),
  } as unknown as NodeJS.WritableStream);
  const env = readEnv({ SIGHTLINE_RATE_LIMIT_PER_MINUTE: '100000', ...envOverrides });
  const box = createSecretBox(Buffer.alloc(32, 3));
  const signer = await loadSigner(database.db, box, clock);
  const deps: AppDeps = {
    env,
    database,
    clock,
    logger,
    box,
    audit: createAuditLog({ db: database.db, clock, signer, checkpointEvery: 50 }),
    sessions: createSessionStore(database.db, clock, { ttlMs: 12 * 3600_000, idleMs: 3600_000 }),
  };
  const app = createApp(deps);

  /** Sends a request the way a browser on the dashboard would (JSON, same origin). */
  const request = (
    method: string,
    path: string,
    options: { body?: unknown; caller?: Caller | null; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { origin: ORIGIN, ...options.headers };
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    if (options.caller) {
      headers.cookie = options.caller.cookie;
      if (method !== 'GET') headers['x-csrf-token'] ??= options.caller.csrf;
    }
    return app.request(path, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string' || options.body instanceof Uint8Array
            ? (options.body as BodyInit)
            : JSON.stringify(options.body),
    });
  };

  /** Creates a user of `role` and signs in as them. */
  const signIn = async (
    role: Role,
    email = `${role}-${Math.random().toString(36).slice(2)}@example.com`,
  ): Promise<Caller> => {
    const user = await createUser(database.db, clock, { email, role, password: TEST_PASSWORD, name: role });
    const res = await request('POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
    if (res.status !== 200) throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, csrf: csrfToken, userId: user.id };
  };

  return { app, deps, database, clock, logLines, request, signIn, close: () => database.close() };
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;
