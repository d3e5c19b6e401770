import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, requirePermission } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { assetDetailSchema, assetSchema, recomputeReportSchema } from './asset-schema.ts';
import { getAsset, listAssets, listAssetsQuery } from './list-assets.ts';
import { runDiscoveryJob } from './run-job.ts';
import { discoverySettingsSchema, getDiscoverySettings, putDiscoverySettings } from './settings.ts';

const read = requirePermission('data:read');
const manage = requirePermission('governance:manage');

const recompute = createRoute({
  method: 'post',
  path: '/discovery/recompute',
  tags: ['discovery'],
  summary: 'Recompute assets, tiers, findings, alerts and exposure now (one replica at a time)',
  middleware: [manage] as const,
  request: {
    body: {
      required: false,
      content: {
        'application/json': { schema: z.strictObject({ lookbackDays: z.number().int().min(1).max(730).optional() }) },
      },
    },
  },
  responses: {
    200: jsonResponse('What the recompute did', recomputeReportSchema),
    ...errorResponses(400, 401, 403, 409),
  },
});

const getSettings = createRoute({
  method: 'get',
  path: '/discovery/settings',
  tags: ['discovery'],
  summary: 'Discovery settings: lookback window (days) and recompute interval (minutes)',
  middleware: [read] as const,
  responses: { 200: jsonResponse('Settings', discoverySettingsSchema), ...errorResponses(401, 403) },
});

const putSettings = createRoute({
  method: 'put',
  path: '/discovery/settings',
  tags: ['discovery'],
  summary: 'Replace the discovery settings',
  middleware: [manage] as const,
  request: { body: jsonBody(discoverySettingsSchema) },
  responses: { 200: jsonResponse('Saved', discoverySettingsSchema), ...errorResponses(400, 401, 403) },
});

const list = createRoute({
  method: 'get',
  path: '/assets',
  tags: ['discovery'],
  summary: 'List AI assets (filters, sort, cursor pagination)',
  middleware: [read] as const,
  request: { query: listAssetsQuery },
  responses: {
    200: jsonResponse('Assets', z.object({ assets: z.array(assetSchema), nextCursor: z.string().nullable() })),
    ...errorResponses(400, 401, 403),
  },
});

const get = createRoute({
  method: 'get',
  path: '/assets/{id}',
  tags: ['discovery'],
  summary: 'One AI asset with its signals and tier history',
  middleware: [read] as const,
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: jsonResponse('Asset', assetDetailSchema), ...errorResponses(400, 401, 403, 404) },
});

/** Discovery: on-demand recompute, its settings, and the AI assets it found. */
export function discoveryRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  const owner = `api:${randomUUID()}`;
  app.openapi(recompute, async (c) => {
    const body = (c.req.header('content-type') ?? '').includes('json') ? c.req.valid('json') : {};
    const outcome = await runDiscoveryJob(deps, owner, { lookbackDays: body?.lookbackDays });
    await deps.audit.append({
      actor: actorOf(c),
      action: 'discovery.recompute',
      target: { type: 'job', id: 'discovery.recompute' },
      outcome: outcome.ran ? 'success' : 'failure',
      details: outcome.ran
        ? { at: outcome.value.at, policySnapshotId: outcome.value.policySnapshotId, findings: outcome.value.findings }
        : { busyUntil: outcome.until.toISOString() },
      requestId: c.get('requestId'),
    });
    if (!outcome.ran) {
      throw new ApiError(409, 'recompute_running', 'A recompute is already running; try again shortly.', {
        details: { until: outcome.until.toISOString() },
      });
    }
    return c.json(outcome.value, 200);
  });
  app.openapi(getSettings, async (c) => c.json(await getDiscoverySettings(db), 200));
  app.openapi(putSettings, async (c) => {
    const before = await getDiscoverySettings(db);
    const after = await putDiscoverySettings(db, deps.clock, c.req.valid('json'), c.get('auth').user.id);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'discovery.settings.update',
      target: { type: 'settings', id: 'discovery' },
      outcome: 'success',
      details: { before, after },
      requestId: c.get('requestId'),
    });
    return c.json(after, 200);
  });
  app.openapi(list, async (c) => c.json(await listAssets(db, c.req.valid('query')), 200));
  app.openapi(get, async (c) => {
    const asset = await getAsset(db, c.req.valid('param').id);
    if (!asset) throw new ApiError(404, 'not_found', 'No such asset.');
    return c.json(asset, 200);
  });
  return app;
}
