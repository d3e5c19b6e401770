import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, requirePermission } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { getGovernance, governanceInputSchema, governanceSchema, putGovernance } from './governance.ts';
import { listServices, listServicesQuery, serviceSchema } from './list-services.ts';

const serviceParam = z.object({ serviceId: z.string().min(1).max(200) });

const list = createRoute({
  method: 'get',
  path: '/services',
  tags: ['governance'],
  summary: 'Catalog AI services with their governance and asset summary (filters)',
  middleware: [requirePermission('data:read')] as const,
  request: { query: listServicesQuery },
  responses: {
    200: jsonResponse('Services', z.object({ total: z.number().int(), services: z.array(serviceSchema) })),
    ...errorResponses(400, 401, 403),
  },
});

const get = createRoute({
  method: 'get',
  path: '/services/{serviceId}/governance',
  tags: ['governance'],
  summary: "A service's governance: status, owner, notes, review date and version",
  middleware: [requirePermission('data:read')] as const,
  request: { params: serviceParam },
  responses: { 200: jsonResponse('Governance', governanceSchema), ...errorResponses(401, 403, 404) },
});

const put = createRoute({
  method: 'put',
  path: '/services/{serviceId}/governance',
  tags: ['governance'],
  summary: 'Decide a service: sanctioned, tolerated, unsanctioned or blocked (reaches browsers with the next bundle)',
  description:
    'Send the `version` you saw (0 when never decided): 409 `stale_version` when it moved on. Repeating the same change on the same version answers 200 with `idempotent: true`. Recorded as a decision and in the audit log.',
  middleware: [requirePermission('governance:manage')] as const,
  request: { params: serviceParam, body: jsonBody(governanceInputSchema) },
  responses: {
    200: jsonResponse(
      'Saved',
      z.object({ idempotent: z.boolean(), decisionId: z.string(), governance: governanceSchema }),
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

/** Service catalog and per-service governance. */
export function governanceRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  app.openapi(list, async (c) => c.json(await listServices(db, c.req.valid('query')), 200));
  app.openapi(get, async (c) => c.json(await getGovernance(db, c.req.valid('param').serviceId), 200));
  app.openapi(put, async (c) => {
    const { serviceId } = c.req.valid('param');
    const result = await putGovernance(db, deps.audit, {
      serviceId,
      input: c.req.valid('json'),
      actor: actorOf(c),
      now: deps.clock(),
      requestId: c.get('requestId'),
    });
    return c.json({ ...result, governance: await getGovernance(db, serviceId) }, 200);
  });
  return app;
}
