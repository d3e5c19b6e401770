import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, requirePermission } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { dryRunDraft, dryRunRequestSchema } from './dry-run.ts';
import { invalidPolicy } from './invalid-policy.ts';
import {
  activePolicyVersion,
  compileTexts,
  documentNames,
  listPolicyVersions,
  type PolicyVersion,
  saveActiveVersion,
} from './store.ts';

const yaml = z.string().min(1).max(200_000);
const documentsSchema = z.object({ classification: z.string(), exposure: z.string(), dlpActions: z.string() });
const versionSchema = z
  .object({
    id: z.string(),
    snapshotId: z.string(),
    active: z.boolean(),
    documents: documentsSchema,
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('PolicyVersion');
const putSchema = z.strictObject({
  classification: yaml,
  exposure: yaml,
  dlpActions: yaml,
  note: z.string().max(500).optional(),
});

const getActive = createRoute({
  method: 'get',
  path: '/policies',
  tags: ['policies'],
  summary: 'The active policy version: snapshot id, the three YAML documents, who saved it and when',
  middleware: [requirePermission('data:read')] as const,
  responses: { 200: jsonResponse('Active version', versionSchema), ...errorResponses(401, 403) },
});

const versions = createRoute({
  method: 'get',
  path: '/policies/versions',
  tags: ['policies'],
  summary: 'Every stored policy version, newest first',
  middleware: [requirePermission('data:read')] as const,
  responses: {
    200: jsonResponse('Versions', z.object({ versions: z.array(versionSchema.omit({ documents: true })) })),
    ...errorResponses(401, 403),
  },
});

const put = createRoute({
  method: 'put',
  path: '/policies',
  tags: ['policies'],
  summary: 'Validate the three documents and save them as the new active version (400 points at rule, line, column)',
  middleware: [requirePermission('policies:manage')] as const,
  request: { body: jsonBody(putSchema) },
  responses: {
    200: jsonResponse(
      'Saved (changed: false when the snapshot was already active)',
      z.object({
        version: versionSchema,
        changed: z.boolean(),
        previousSnapshotId: z.string().nullable(),
        warnings: z.array(z.unknown()),
      }),
    ),
    ...errorResponses(400, 401, 403),
  },
});

const dryRun = createRoute({
  method: 'post',
  path: '/policies/dry-run',
  tags: ['policies'],
  summary: 'Evaluate draft documents against the active ones, over sample input and over current data',
  middleware: [requirePermission('policies:manage')] as const,
  request: { body: jsonBody(dryRunRequestSchema) },
  responses: {
    200: jsonResponse('What would change', z.record(z.string(), z.unknown())),
    ...errorResponses(400, 401, 403),
  },
});

const view = (v: PolicyVersion) => ({ ...v, createdAt: v.createdAt.toISOString() });

/** The policy store API: the active version, history, save with validation, and dry run. */
export function policyRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  app.openapi(getActive, async (c) => c.json(view(await activePolicyVersion(db, deps.clock)), 200));
  app.openapi(versions, async (c) => {
    await activePolicyVersion(db, deps.clock);
    const rows = await listPolicyVersions(db);
    return c.json({ versions: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }, 200);
  });
  app.openapi(put, async (c) => {
    const body = c.req.valid('json');
    const texts = { classification: body.classification, exposure: body.exposure, dlpActions: body.dlpActions };
    const compiled = compileTexts(texts);
    if (!compiled.ok) invalidPolicy(compiled.errors, compiled.warnings);
    await activePolicyVersion(db, deps.clock);
    const user = c.get('auth').user;
    const saved = await saveActiveVersion(db, deps.clock, texts, compiled.set, user.id, body.note ?? null);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'policies.update',
      target: { type: 'policy_version', id: saved.version.id },
      outcome: 'success',
      details: {
        from: saved.previous,
        to: saved.version.snapshotId,
        changed: saved.changed,
        note: body.note ?? null,
        documents: documentNames,
      },
      requestId: c.get('requestId'),
    });
    return c.json(
      {
        version: view(saved.version),
        changed: saved.changed,
        previousSnapshotId: saved.previous,
        warnings: compiled.warnings,
      },
      200,
    );
  });
  app.openapi(dryRun, async (c) => {
    const report = await dryRunDraft(deps, c.req.valid('json'));
    await deps.audit.append({
      actor: actorOf(c),
      action: 'policies.dry_run',
      target: { type: 'policy_draft', id: report.draft.snapshotId },
      outcome: 'success',
      details: { current: report.current.snapshotId, draft: report.draft.snapshotId },
      requestId: c.get('requestId'),
    });
    return c.json(report as unknown as Record<string, unknown>, 200);
  });
  return app;
}
