import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, requirePermission } from '../auth/guard.ts';
import { severities } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { decideOnFinding, type FindingDecision } from './decide.ts';
import { findingDetail, findingDetailSchema } from './finding-detail.ts';

const contract = {
  version: z.number().int().min(1).openapi({ description: 'The finding version you reviewed' }),
  policySnapshotId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: 'The active policy snapshot you reviewed under' }),
};
const reason = z.string().trim().min(3).max(2000);
const bodies = {
  classify: z.strictObject({ ...contract, reason: reason.default('operator confirmed') }),
  acknowledge: z.strictObject({ ...contract, reason: reason.default('operator acknowledged') }),
  suppress: z.strictObject({
    ...contract,
    reason,
    until: z.iso
      .datetime({ offset: true })
      .openapi({ description: 'When the suppression ends (at most a year ahead)' }),
  }),
  reclassify: z
    .strictObject({
      ...contract,
      reason,
      severity: z.enum(severities).optional(),
      status: z.enum(['open', 'acknowledged']).optional(),
    })
    .refine((b) => b.severity !== undefined || b.status !== undefined, {
      message: 'give a new severity, a new status, or both',
    }),
} as const;
const summaries: Record<keyof typeof bodies, string> = {
  classify: 'Confirm a finding (status confirmed; its asset becomes tier 4, operator confirmed)',
  acknowledge: 'Acknowledge a finding (seen, being handled)',
  suppress: 'Suppress a finding until a date, with a reason (it reopens when the suppression expires)',
  reclassify: 'Change the severity and/or set the status back to open or acknowledged, with a reason',
};
const decided = z.object({ idempotent: z.boolean(), decisionId: z.string(), finding: findingDetailSchema });
const YEAR_MS = 366 * 86400_000;

function routeFor<K extends keyof typeof bodies>(kind: K) {
  return createRoute({
    method: 'post',
    path: `/findings/{id}/${kind}`,
    tags: ['findings'],
    summary: summaries[kind],
    description:
      'Evidence contract: send the finding `version` and the `policySnapshotId` you reviewed. 409 `stale_version` (with what changed) or `policy_changed` (with the snapshot in force) when either moved on; repeating the same decision on the same version answers 200 with `idempotent: true` and records nothing new.',
    middleware: [requirePermission('findings:decide')] as const,
    request: { params: z.object({ id: z.uuid() }), body: jsonBody(bodies[kind] as (typeof bodies)[K]) },
    responses: { 200: jsonResponse('Decided', decided), ...errorResponses(400, 401, 403, 404, 409) },
  });
}

function toDecision(kind: keyof typeof bodies, body: Record<string, unknown>, now: Date): FindingDecision {
  const reasonText = String(body.reason);
  if (kind === 'suppress') {
    const until = new Date(String(body.until));
    if (until.getTime() <= now.getTime() || until.getTime() - now.getTime() > YEAR_MS) {
      throw new ApiError(400, 'invalid_request', 'The suppression must end in the future, at most a year ahead.', {
        details: [{ path: 'until', message: 'between now and one year ahead' }],
      });
    }
    return { kind, reason: reasonText, until };
  }
  if (kind === 'reclassify') {
    return {
      kind,
      reason: reasonText,
      severity: body.severity as FindingDecision & { kind: 'reclassify' } extends { severity?: infer S } ? S : never,
      status: body.status as 'open' | 'acknowledged' | undefined,
    };
  }
  return { kind, reason: reasonText };
}

/** Human decisions on findings (findings:decide: analyst and owner). */
export function findingDecisionRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  for (const kind of Object.keys(bodies) as (keyof typeof bodies)[]) {
    app.openapi(routeFor(kind), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json') as Record<string, unknown> & { version: number; policySnapshotId: string };
      const now = deps.clock();
      const result = await decideOnFinding(db, deps.audit, {
        findingId: id,
        version: body.version,
        policySnapshotId: body.policySnapshotId,
        decision: toDecision(kind, body, now),
        actor: actorOf(c),
        now,
        requestId: c.get('requestId'),
      });
      return c.json({ ...result, finding: await findingDetail(db, id) }, 200);
    });
  }
  return app;
}
