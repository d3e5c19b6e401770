import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createConnectorRuntime } from './connectors/scheduler.ts';
import { scheduleDiscovery } from './discovery/run-job.ts';
import { type Env, publicUrl } from './env.ts';
import { openRuntime } from './runtime.ts';
import { issueSetupToken } from './setup/owner-setup.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Migrates, serves the API, prints first-run instructions and keeps audit checkpoints, session sweeps and discovery recomputes going. */
export async function startServer(
  env: Env,
  print: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<RunningServer> {
  const runtime = await openRuntime(env, { who: 'sightline serve' });
  const { deps } = runtime;
  for (const n of runtime.notices) print(n);
  // Connector syncs: every replica runs the scheduler; a lease row per connector lets exactly one sync it.
  const connectorRuntime = createConnectorRuntime(deps);
  const app = createApp(deps, { connectors: connectorRuntime });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, () => resolve(s));
  });
  const url = publicUrl(env);
  print(`Sightline is listening on ${url} (API reference: ${url}/api/reference)`);
  const setupToken = await issueSetupToken(deps.database.db, deps.clock);
  if (setupToken) {
    print('');
    print('No account exists yet. Create the owner account, either over HTTP with this one-time token (valid 24 h):');
    print(`  curl -X POST ${url}/api/v1/setup -H 'content-type: application/json' \\`);
    print(`    -d '{"token":"${setupToken}","email":"you@example.com","password":"a long passphrase"}'`);
    print(
      `or, with the server stopped: npx sightline user create --role owner --email you@example.com${env.DATABASE_URL ? '' : ' (the embedded database allows one process at a time)'}`,
    );
  }
  const timers = [
    setInterval(
      () => void deps.audit.checkpoint().catch((err) => deps.logger.error({ err }, 'audit checkpoint failed')),
      env.SIGHTLINE_AUDIT_CHECKPOINT_MINUTES * 60_000,
    ),
    setInterval(
      () => void deps.sessions.sweep().catch((err) => deps.logger.error({ err }, 'session sweep failed')),
      15 * 60_000,
    ),
  ];
  for (const t of timers) t.unref();
  connectorRuntime.startLoop(30_000);
  // Discovery recompute: every replica schedules it; the job lease lets one run at a time.
  const stopDiscovery = scheduleDiscovery(deps);
  return {
    url,
    async close() {
      for (const t of timers) clearInterval(t);
      await stopDiscovery();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connectorRuntime.stop();
      await deps.audit.checkpoint().catch(() => null);
      await runtime.close();
    },
  };
}
