import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, requirePermission } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { createRouter, errorResponses, jsonResponse } from '../http/router.ts';
import { incompleteDecisions } from './completeness.ts';
import { evidenceExportStream } from './export.ts';

const completeness = createRoute({
  method: 'get',
  path: '/evidence/completeness',
  tags: ['evidence'],
  summary: 'Decisions missing any field the evidence contract requires (the answer should be empty)',
  middleware: [requirePermission('data:read')] as const,
  responses: {
    200: jsonResponse(
      'Completeness',
      z.object({
        checked: z.number().int(),
        complete: z.boolean(),
        truncated: z.boolean(),
        incomplete: z.array(
          z.object({
            id: z.string(),
            decision: z.string(),
            subjectType: z.string(),
            subjectId: z.string(),
            actorType: z.string(),
            at: z.string().nullable(),
            missing: z.array(z.string()),
          }),
        ),
      }),
    ),
    ...errorResponses(401, 403),
  },
});

const MAX_RANGE_DAYS = 400;
const exportRoute = createRoute({
  method: 'get',
  path: '/evidence/export',
  tags: ['evidence'],
  summary: 'Export decisions of a time range with the policy snapshots they cite (JSON, streamed)',
  middleware: [requirePermission('evidence:export')] as const,
  request: {
    query: z.object({
      from: z.iso.datetime({ offset: true }),
      to: z.iso.datetime({ offset: true }),
    }),
  },
  responses: {
    200: { description: 'The evidence document', content: { 'application/json': { schema: z.unknown() } } },
    ...errorResponses(400, 401, 403),
  },
});

/** Evidence: completeness check (everyone who reads data, auditors included) and export (evidence:export). */
export function evidenceRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  app.openapi(completeness, async (c) => c.json(await incompleteDecisions(db), 200));
  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86400_000) {
      throw new ApiError(400, 'invalid_range', `"to" must be after "from", at most ${MAX_RANGE_DAYS} days later.`);
    }
    await deps.audit.append({
      actor: actorOf(c),
      action: 'evidence.export',
      target: { type: 'evidence', id: null },
      outcome: 'success',
      details: { from: from.toISOString(), to: to.toISOString() },
      requestId: c.get('requestId'),
    });
    const stream = evidenceExportStream(db, { from, to, generatedAt: deps.clock() });
    return c.body(stream, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="sightline-evidence-${from.toISOString().slice(0, 10)}.json"`,
    }) as never;
  });
  return app;
}
