import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApp } from '../../../backend/src/app.ts';
import type { DlpPolicy } from '../../../backend/src/bundle/build-bundle.ts';
import { rowsOf } from '../../../backend/src/db/rows.ts';
import { buildTestApp, type Caller, type TestApp } from '../../support/app.ts';
import type { RecordedRequest } from './fixture-server.ts';

type Action = 'allow' | 'warn' | 'redact' | 'block';
const all = (a: Action) => ({ personal: a, corporate: a, unknown: a });
const everywhere = (a: Action) => ({
  sanctioned: all(a),
  tolerated: all(a),
  unsanctioned: all(a),
  blocked: all('block'),
});

/** The e2e policy: secrets blocked, financial data warned, personal data redacted, unscannable files warned. */
export const e2ePolicy: DlpPolicy = {
  minConfidence: 'medium',
  actions: {
    secret: everywhere('block'),
    financial: everywhere('warn'),
    pii: everywhere('redact'),
    health: everywhere('warn'),
    confidential: everywhere('allow'),
    custom: everywhere('warn'),
  },
  unscannableFiles: 'warn',
  maxFileBytes: 1024 * 1024,
  customDetectors: [],
};

/** The service the e2e organisation blocked. */
export const BLOCKED_SERVICE = 'deepseek';

export interface StoredEvent {
  id: string;
  kind: string;
  service_id: string | null;
  host: string | null;
  data: Record<string, unknown>;
}

/**
 * The real backend (Hono app, PGlite database) on a local port, with a clock that follows real time and an
 * injected DLP policy. `stop()`/`start()` take it off and back on the same port, keeping its database.
 */
export async function startBackend(recorded: RecordedRequest[], settings: Record<string, unknown>) {
  const t: TestApp = await buildTestApp('pglite');
  const tick = () => (t.clock as unknown as { set(d: Date): void }).set(new Date());
  tick();
  const ticker = setInterval(tick, 100);
  const admin: Caller = await t.signIn('admin');
  const put = await t.request('PUT', '/api/v1/settings/organization', { caller: admin, body: settings });
  if (put.status !== 200) throw new Error(`settings: ${put.status} ${await put.text()}`);
  const tokenRes = await t.request('POST', '/api/v1/enrollment-tokens', { caller: admin, body: { name: 'e2e' } });
  if (tokenRes.status !== 201) throw new Error(`token: ${tokenRes.status} ${await tokenRes.text()}`);
  const { token } = (await tokenRes.json()) as { token: string };
  // One service the organisation blocked, to see the block page.
  await t.database.db.execute(
    sql`insert into service_governance (service_id, status, updated_at) values (${BLOCKED_SERVICE}, 'blocked', now())`,
  );
  const app = createApp(t.deps, { dlpPolicy: async () => e2ePolicy });
  const handler = async (req: Request) => {
    const body = req.method === 'GET' ? '' : Buffer.from(await req.clone().arrayBuffer()).toString('latin1');
    recorded.push({
      server: 'backend',
      method: req.method,
      url: req.url,
      headers: JSON.stringify(Object.fromEntries(req.headers)),
      body,
    });
    return app.fetch(req);
  };
  let server: ServerType | null = null;
  let port = 0;
  const start = async () => {
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: handler, hostname: '127.0.0.1', port }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const s = server;
    server = null;
    if (!s) return;
    (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await start();
  return {
    token,
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    start,
    stop,
    /** Every event the backend stored, oldest first. */
    async events(): Promise<StoredEvent[]> {
      const result = await t.database.db.execute(
        sql`select id::text as id, kind, service_id, host, data from events order by occurred_at, id`,
      );
      return rowsOf(result) as unknown as StoredEvent[];
    },
    async close() {
      clearInterval(ticker);
      await stop();
      await t.close();
    },
  };
}
export type Backend = Awaited<ReturnType<typeof startBackend>>;
