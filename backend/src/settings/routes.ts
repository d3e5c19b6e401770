import { createRoute } from '@hono/zod-openapi';
import { actorOf, requirePermission } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { getOrganizationSettings, organizationSettingsSchema, putOrganizationSettings } from './organization.ts';

const schema = organizationSettingsSchema;

const get = createRoute({
  method: 'get',
  path: '/settings/organization',
  tags: ['settings'],
  summary: 'Organisation profile, e-mail domains, enforcement mode, privacy options and employee notice',
  middleware: [requirePermission('data:read')] as const,
  responses: { 200: jsonResponse('Settings', schema), ...errorResponses(401, 403) },
});

const put = createRoute({
  method: 'put',
  path: '/settings/organization',
  tags: ['settings'],
  summary: 'Replace the organisation settings (reaches every browser with the next bundle)',
  middleware: [requirePermission('governance:manage')] as const,
  request: { body: jsonBody(schema) },
  responses: { 200: jsonResponse('Saved', schema), ...errorResponses(400, 401, 403) },
});

/** Organisation settings. */
export function settingsRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  app.openapi(get, async (c) => c.json(await getOrganizationSettings(db), 200));
  app.openapi(put, async (c) => {
    const before = await getOrganizationSettings(db);
    const after = await putOrganizationSettings(db, deps.clock, c.req.valid('json'), c.get('auth').user.id);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'settings.organization.update',
      target: { type: 'settings', id: 'organization' },
      outcome: 'success',
      details: { before, after },
      requestId: c.get('requestId'),
    });
    return c.json(after, 200);
  });
  return app;
}
