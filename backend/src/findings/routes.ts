import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter, errorResponses, jsonResponse } from '../http/router.ts';
import { findingBreakdown } from './breakdown.ts';
import { findingDetail, findingDetailSchema } from './finding-detail.ts';
import { findingFilterSchema } from './finding-filters.ts';
import { findingSchema } from './finding-view.ts';
import { listFindings, listFindingsQuery } from './list-findings.ts';
import { reopenExpiredSuppressions } from './reopen-expired.ts';

const read = requirePermission('data:read');
const bucket = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

const list = createRoute({
  method: 'get',
  path: '/findings',
  tags: ['findings'],
  summary: 'List findings (filters, sort, cursor pagination)',
  middleware: [read] as const,
  request: { query: listFindingsQuery },
  responses: {
    200: jsonResponse('Findings', z.object({ findings: z.array(findingSchema), nextCursor: z.string().nullable() })),
    ...errorResponses(400, 401, 403),
  },
});

const breakdown = createRoute({
  method: 'get',
  path: '/findings/breakdown',
  tags: ['findings'],
  summary: 'Counts of findings by service, tier, severity, status, department and source (same filters as the list)',
  middleware: [read] as const,
  request: { query: findingFilterSchema },
  responses: {
    200: jsonResponse(
      'Breakdown',
      z.object({
        total: z.number().int(),
        service: z.array(bucket),
        tier: z.array(bucket),
        severity: z.array(bucket),
        status: z.array(bucket),
        department: z.array(bucket),
        source: z.array(bucket),
      }),
    ),
    ...errorResponses(400, 401, 403),
  },
});

const get = createRoute({
  method: 'get',
  path: '/findings/{id}',
  tags: ['findings'],
  summary: 'One finding with its evidence timeline (decisions, tier history of its asset, evidence counts)',
  middleware: [read] as const,
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: jsonResponse('Finding', findingDetailSchema), ...errorResponses(400, 401, 403, 404) },
});

/** Reading findings. Expired suppressions are reopened before any read, so nobody sees a lapsed suppression. */
export function findingRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  const reopen = () => reopenExpiredSuppressions(db, deps.clock(), deps.audit);

  app.openapi(list, async (c) => {
    await reopen();
    return c.json(await listFindings(db, c.req.valid('query')), 200);
  });
  app.openapi(breakdown, async (c) => {
    await reopen();
    return c.json(await findingBreakdown(db, c.req.valid('query')), 200);
  });
  app.openapi(get, async (c) => {
    await reopen();
    return c.json(await findingDetail(db, c.req.valid('param').id), 200);
  });
  return app;
}
