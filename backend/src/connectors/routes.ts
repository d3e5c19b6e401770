import { createRoute, z } from '@hono/zod-openapi';
import { connectorTypes, failedTest, type TestResult } from '@sightline/connectors';
import { eq } from 'drizzle-orm';
import { actorOf, requirePermission } from '../auth/guard.ts';
import { connectors } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { checkBaseUrl } from './config.ts';
import { listRuns, requestCancel } from './runs.ts';
import { type ConnectorRuntime, createConnectorRuntime } from './scheduler.ts';
import {
  type ConnectorRow,
  connectorPatchSchema,
  createConnector,
  deleteConnector,
  fullConfig,
  getConnector,
  listConnectors,
  newConnectorSchema,
  publicConnector,
  requireDefinition,
  updateConnector,
} from './store.ts';

const connectorSchema = z
  .object({
    id: z.string(),
    type: z.enum(connectorTypes),
    name: z.string(),
    config: z.record(z.string(), z.unknown()),
    secretHints: z.record(z.string(), z.string()),
    allowCustomHost: z.boolean(),
    intervalMinutes: z.number(),
    enabled: z.boolean(),
    running: z.boolean(),
    nextRunAt: z.string().nullable(),
    lastRunAt: z.string().nullable(),
    lastStatus: z.string().nullable(),
    hasCursor: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .openapi('Connector');
const runSchema = z
  .object({
    id: z.string(),
    trigger: z.string(),
    status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
    phase: z.string().nullable(),
    pages: z.number(),
    items: z.number(),
    counts: z.record(z.string(), z.number()),
    error: z.record(z.string(), z.unknown()).nullable(),
    cancelRequested: z.boolean(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    heartbeatAt: z.string(),
    owner: z.string(),
  })
  .openapi('ConnectorRun');
const testResultSchema = z
  .object({
    ok: z.boolean(),
    problem: z.string().optional(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('ConnectorTestResult');
const idParam = z.object({ id: z.uuid() });
const manage = requirePermission('connectors:manage');
const tags = ['connectors'];

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, middleware: [manage] as const });

const list = route({
  method: 'get',
  path: '/connectors',
  summary: 'List connectors (secrets are never returned, only hints)',
  responses: {
    200: jsonResponse('Connectors', z.object({ connectors: z.array(connectorSchema) })),
    ...errorResponses(401, 403),
  },
});
const create = route({
  method: 'post',
  path: '/connectors',
  summary: 'Create a connector; secret fields are sealed and write-only',
  request: { body: jsonBody(newConnectorSchema) },
  responses: { 201: jsonResponse('Created', connectorSchema), ...errorResponses(400, 401, 403) },
});
const read = route({
  method: 'get',
  path: '/connectors/{id}',
  summary: 'One connector',
  request: { params: idParam },
  responses: { 200: jsonResponse('Connector', connectorSchema), ...errorResponses(401, 403, 404) },
});
const update = route({
  method: 'patch',
  path: '/connectors/{id}',
  summary: 'Change a connector; omitted secret fields stay unchanged',
  request: { params: idParam, body: jsonBody(connectorPatchSchema) },
  responses: { 200: jsonResponse('Updated', connectorSchema), ...errorResponses(400, 401, 403, 404) },
});
const remove = route({
  method: 'delete',
  path: '/connectors/{id}',
  summary: 'Delete a connector and its runs (observations it reported stay)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
});
const test = route({
  method: 'post',
  path: '/connectors/{id}/test',
  summary: 'Test the connection: bad credentials, missing scope or licence, unreachable host',
  request: { params: idParam },
  responses: { 200: jsonResponse('Result', testResultSchema), ...errorResponses(401, 403, 404) },
});
const sync = route({
  method: 'post',
  path: '/connectors/{id}/sync',
  summary: 'Sync now (queued; any replica may run it)',
  request: { params: idParam },
  responses: {
    202: jsonResponse('Queued', z.object({ queued: z.literal(true) })),
    ...errorResponses(401, 403, 404, 409),
  },
});
const cancel = route({
  method: 'post',
  path: '/connectors/{id}/cancel',
  summary: 'Cancel the running sync (the replica running it stops at its next heartbeat)',
  request: { params: idParam },
  responses: { 202: jsonResponse('Requested', z.object({ runId: z.string() })), ...errorResponses(401, 403, 404, 409) },
});
const runs = route({
  method: 'get',
  path: '/connectors/{id}/runs',
  summary: 'Recent runs with progress, counts and errors',
  request: { params: idParam, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }) },
  responses: {
    200: jsonResponse('Runs', z.object({ runs: z.array(runSchema) })),
    ...errorResponses(400, 401, 403, 404),
  },
});

const TEST_TIMEOUT_MS = 30_000;

/** Connector administration (permission `connectors:manage`, reads included: configuration names internal systems). */
export function connectorRoutes(deps: AppDeps, runtime: ConnectorRuntime = createConnectorRuntime(deps)) {
  const app = createRouter();
  const { db } = deps.database;
  const ctx = { db, clock: deps.clock, box: deps.box, definitionOf: runtime.definitionOf, lookup: runtime.lookup };
  const show = (row: ConnectorRow) => publicConnector(row, deps.clock()) as z.infer<typeof connectorSchema>;
  const audit = (
    c: Parameters<typeof actorOf>[0],
    action: string,
    id: string,
    details: Record<string, unknown>,
    outcome: 'success' | 'failure' = 'success',
  ) =>
    deps.audit.append({
      actor: actorOf(c),
      action,
      target: { type: 'connector', id },
      outcome,
      details,
      requestId: c.get('requestId'),
    });

  app.openapi(list, async (c) => c.json({ connectors: (await listConnectors(db)).map(show) }, 200));

  app.openapi(create, async (c) => {
    const row = await createConnector(ctx, c.req.valid('json'));
    await audit(c, 'connector.create', row.id, {
      type: row.type,
      name: row.name,
      config: row.config,
      secretFields: Object.keys(row.secretHints),
      allowCustomHost: row.allowCustomHost,
      intervalMinutes: row.intervalMinutes,
      enabled: row.enabled,
    });
    return c.json(show(row), 201);
  });

  app.openapi(read, async (c) => c.json(show(await getConnector(db, c.req.valid('param').id)), 200));

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const { before, after, secretsReplaced } = await updateConnector(ctx, id, c.req.valid('json'));
    const pick = (r: ConnectorRow) => ({
      name: r.name,
      config: r.config,
      allowCustomHost: r.allowCustomHost,
      intervalMinutes: r.intervalMinutes,
      enabled: r.enabled,
    });
    await audit(c, 'connector.update', id, { before: pick(before), after: pick(after), secretsReplaced });
    return c.json(show(after), 200);
  });

  app.openapi(remove, async (c) => {
    const row = await deleteConnector(db, c.req.valid('param').id);
    await audit(c, 'connector.delete', row.id, { type: row.type, name: row.name });
    return c.body(null, 204);
  });

  app.openapi(test, async (c) => {
    const row = await getConnector(db, c.req.valid('param').id);
    const definition = requireDefinition(ctx, row.type);
    let result: TestResult;
    try {
      const config = fullConfig(deps, definition, row);
      await checkBaseUrl(definition, config, row.allowCustomHost, runtime.lookup);
      const instance = definition.create(config, {
        allowCustomHost: row.allowCustomHost,
        now: deps.clock,
        maxRetries: 1,
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<TestResult>((resolve) => {
        timer = setTimeout(
          () =>
            resolve({ ok: false, problem: 'unreachable', message: `${definition.label} did not answer within 30 s.` }),
          TEST_TIMEOUT_MS,
        );
      });
      result = await Promise.race([instance.test(), timeout]).finally(() => clearTimeout(timer));
    } catch (err) {
      result =
        err instanceof ApiError
          ? { ok: false, problem: 'unreachable', message: err.message }
          : failedTest(err, { label: definition.label });
    }
    await audit(
      c,
      'connector.test',
      row.id,
      result.ok ? {} : { problem: result.problem, message: result.message },
      result.ok ? 'success' : 'failure',
    );
    return c.json(result, 200);
  });

  app.openapi(sync, async (c) => {
    const row = await getConnector(db, c.req.valid('param').id);
    const now = deps.clock();
    if (row.leaseUntil && row.leaseUntil > now)
      throw new ApiError(409, 'already_running', 'A sync of this connector is running.');
    await db.update(connectors).set({ nextRunAt: now }).where(eq(connectors.id, row.id));
    await audit(c, 'connector.sync', row.id, {});
    runtime.runner.start(row.id, `manual:${c.get('auth').user.id}`);
    return c.json({ queued: true as const }, 202);
  });

  app.openapi(cancel, async (c) => {
    const row = await getConnector(db, c.req.valid('param').id);
    const run = await requestCancel(db, row.id, c.get('auth').user.id, deps.clock());
    if (!run) throw new ApiError(409, 'not_running', 'No sync of this connector is running.');
    await audit(c, 'connector.cancel', row.id, { runId: run.id });
    return c.json({ runId: run.id }, 202);
  });

  app.openapi(runs, async (c) => {
    const { id } = c.req.valid('param');
    await getConnector(db, id);
    const rows = await listRuns(db, id, c.req.valid('query').limit);
    return c.json(
      {
        runs: rows.map((r) => ({
          id: r.id,
          trigger: r.trigger,
          status: r.status,
          phase: r.phase,
          pages: r.pages,
          items: r.items,
          counts: r.counts,
          error: r.error,
          cancelRequested: r.status === 'running' && r.error?.cancelRequested === true,
          startedAt: r.startedAt.toISOString(),
          finishedAt: r.finishedAt?.toISOString() ?? null,
          heartbeatAt: r.heartbeatAt.toISOString(),
          owner: r.owner,
        })),
      },
      200,
    );
  });

  return app;
}
