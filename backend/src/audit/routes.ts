import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, lt } from 'drizzle-orm';
import { actorOf, requirePermission } from '../auth/guard.ts';
import { auditLog } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter, errorResponses, jsonResponse } from '../http/router.ts';
import { verifyAuditLog } from './verify.ts';

const entry = z
  .object({
    id: z.string(),
    seq: z.number(),
    at: z.string(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), role: z.string().nullable() }),
    action: z.string(),
    target: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
    outcome: z.string(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    hash: z.string(),
    prevHash: z.string(),
  })
  .openapi('AuditEntry');

const read = requirePermission('audit:read');

const list = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: 'Audit entries, newest first, with cursor pagination',
  middleware: [read] as const,
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().min(1).optional().openapi({ description: 'Return entries with seq below this' }),
    }),
  },
  responses: {
    200: jsonResponse('Entries', z.object({ entries: z.array(entry), nextBefore: z.number().nullable() })),
    ...errorResponses(400, 401, 403),
  },
});

const verify = createRoute({
  method: 'post',
  path: '/audit/verify',
  tags: ['audit'],
  summary: 'Verify the hash chain and signed checkpoints; names the first tampered entry',
  middleware: [read] as const,
  responses: {
    200: jsonResponse(
      'Verification report',
      z.object({
        ok: z.boolean(),
        entries: z.number(),
        checkpoints: z.number(),
        first: z
          .object({ kind: z.string(), seq: z.number(), entryId: z.string().nullable(), message: z.string() })
          .nullable(),
      }),
    ),
    ...errorResponses(401, 403),
  },
});

/** Reading and verifying the audit log. */
export function auditRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;

  app.openapi(list, async (c) => {
    const { limit, before } = c.req.valid('query');
    const rows = await db
      .select()
      .from(auditLog)
      .where(before ? and(lt(auditLog.seq, before)) : undefined)
      .orderBy(desc(auditLog.seq))
      .limit(limit);
    return c.json(
      {
        entries: rows.map((r) => ({
          id: r.id,
          seq: r.seq,
          at: r.at.toISOString(),
          actor: { type: r.actorType, id: r.actorId, role: r.actorRole },
          action: r.action,
          target: { type: r.targetType, id: r.targetId },
          outcome: r.outcome,
          details: r.details,
          requestId: r.requestId,
          hash: r.hash,
          prevHash: r.prevHash,
        })),
        nextBefore: rows.length === limit ? rows[rows.length - 1]!.seq : null,
      },
      200,
    );
  });

  app.openapi(verify, async (c) => {
    const report = await verifyAuditLog(db);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'audit.verify',
      outcome: report.ok ? 'success' : 'failure',
      details: { entries: report.entries, first: report.first?.message ?? null },
      requestId: c.get('requestId'),
    });
    return c.json(
      { ok: report.ok, entries: report.entries, checkpoints: report.checkpoints, first: report.first },
      200,
    );
  });

  return app;
}
