import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { publicRoute } from '../auth/guard.ts';
import { migrationStatus } from '../db/migrate.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter, jsonResponse } from '../http/router.ts';

const alive = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['health'],
  summary: 'Liveness: the process answers',
  middleware: [publicRoute] as const,
  responses: { 200: jsonResponse('Alive', z.object({ status: z.literal('ok') })) },
});

const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({
    kind: z.string(),
    reachable: z.boolean(),
    migrations: z.object({ applied: z.number(), shipped: z.number(), current: z.boolean() }),
  }),
});

const ready = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['health'],
  summary: 'Readiness: database reachable and migrations current',
  middleware: [publicRoute] as const,
  responses: { 200: jsonResponse('Ready', readiness), 503: jsonResponse('Not ready', readiness) },
});

/** Liveness and readiness probes. */
export function healthRoutes(deps: AppDeps) {
  const app = createRouter();
  app.openapi(alive, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(ready, async (c) => {
    let reachable = false;
    let migrations = { applied: 0, shipped: 0, current: false };
    try {
      await deps.database.db.execute(sql`select 1`);
      reachable = true;
      migrations = await migrationStatus(deps.database);
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, 'readiness check failed');
    }
    const ok = reachable && migrations.current;
    const body = {
      status: ok ? ('ready' as const) : ('not_ready' as const),
      database: { kind: deps.database.kind, reachable, migrations },
    };
    return ok ? c.json(body, 200) : c.json(body, 503);
  });
  return app;
}
