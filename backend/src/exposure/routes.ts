import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter, errorResponses, jsonResponse } from '../http/router.ts';
import { exposureOverview, exposureSeries } from './read-exposure.ts';

const scope = z
  .string()
  .regex(/^(org|department:.{1,200}|service:.{1,300})$/, 'org, department:<name> or service:<asset key>')
  .default('org');
const contribution = z
  .object({
    kind: z.enum(['asset', 'data']),
    assetId: z.string(),
    assetKey: z.string(),
    name: z.string(),
    category: z.string().optional(),
    points: z.number(),
    share: z.number(),
    factors: z.record(z.string(), z.union([z.number(), z.string()])),
  })
  .openapi('ExposureContribution');

const overview = createRoute({
  method: 'get',
  path: '/exposure',
  tags: ['exposure'],
  summary: 'Exposure score (0-100) with its top contributions, and per-department and per-service scores',
  middleware: [requirePermission('data:read')] as const,
  request: { query: z.object({ scope, top: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: {
    200: jsonResponse(
      'Exposure',
      z.object({
        day: z.string().nullable(),
        computedAt: z.string().nullable(),
        scope: z.string(),
        score: z.number().nullable(),
        contributions: z.array(contribution),
        departments: z.array(z.object({ department: z.string(), score: z.number() })),
        services: z.array(z.object({ assetKey: z.string(), name: z.string(), score: z.number() })),
      }),
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const series = createRoute({
  method: 'get',
  path: '/exposure/series',
  tags: ['exposure'],
  summary: 'Daily exposure scores of one scope, for trends',
  middleware: [requirePermission('data:read')] as const,
  request: { query: z.object({ scope, days: z.coerce.number().int().min(1).max(730).default(90) }) },
  responses: {
    200: jsonResponse(
      'Series',
      z.object({
        scope: z.string(),
        days: z.number().int(),
        points: z.array(z.object({ day: z.string(), score: z.number() })),
      }),
    ),
    ...errorResponses(400, 401, 403),
  },
});

/** Exposure overview and daily series (read from exposure_daily; computeExposure writes it). */
export function exposureRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  app.openapi(overview, async (c) => {
    const q = c.req.valid('query');
    return c.json(await exposureOverview(db, { scope: q.scope, top: q.top }), 200);
  });
  app.openapi(series, async (c) => {
    const q = c.req.valid('query');
    return c.json(await exposureSeries(db, { scope: q.scope, days: q.days, now: deps.clock() }), 200);
  });
  return app;
}
