import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { actorOf, requirePermission } from '../auth/guard.ts';
import type { Db } from '../db/client.ts';
import { alerts } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { alertSchema, alertView, listAlerts, listAlertsQuery } from './list-alerts.ts';
import { saveWebhookConfig, webhookInputSchema, webhookView, webhookViewSchema } from './webhook-config.ts';

const list = createRoute({
  method: 'get',
  path: '/alerts',
  tags: ['alerts'],
  summary: 'List alerts, newest first (filters, cursor pagination)',
  middleware: [requirePermission('data:read')] as const,
  request: { query: listAlertsQuery },
  responses: {
    200: jsonResponse('Alerts', z.object({ alerts: z.array(alertSchema), nextCursor: z.string().nullable() })),
    ...errorResponses(400, 401, 403),
  },
});

const acknowledge = createRoute({
  method: 'post',
  path: '/alerts/{id}/acknowledge',
  tags: ['alerts'],
  summary: 'Acknowledge an alert (findings:decide: analyst, owner); repeating it changes nothing',
  middleware: [requirePermission('findings:decide')] as const,
  request: {
    params: z.object({ id: z.uuid() }),
    body: {
      required: false,
      content: { 'application/json': { schema: z.strictObject({ note: z.string().max(2000).optional() }) } },
    },
  },
  responses: {
    200: jsonResponse('Acknowledged', z.object({ changed: z.boolean(), alert: alertSchema })),
    ...errorResponses(400, 401, 403, 404),
  },
});

const getWebhook = createRoute({
  method: 'get',
  path: '/settings/webhook',
  tags: ['alerts'],
  summary: 'Webhook for high and critical alerts (the secret is never returned, only a hint)',
  middleware: [requirePermission('governance:manage')] as const,
  responses: { 200: jsonResponse('Webhook', webhookViewSchema), ...errorResponses(401, 403) },
});

const putWebhook = createRoute({
  method: 'put',
  path: '/settings/webhook',
  tags: ['alerts'],
  summary: 'Configure the signed webhook (https; private and loopback targets refused unless allowPrivate)',
  middleware: [requirePermission('governance:manage')] as const,
  request: { body: jsonBody(webhookInputSchema) },
  responses: { 200: jsonResponse('Saved', webhookViewSchema), ...errorResponses(400, 401, 403) },
});

async function alertOr404(db: Db, id: string) {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  if (!row) throw new ApiError(404, 'not_found', `No alert ${id}.`);
  return row;
}

/** Alerts and the webhook settings. */
export function alertRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  app.openapi(list, async (c) => c.json(await listAlerts(db, c.req.valid('query')), 200));
  app.openapi(acknowledge, async (c) => {
    const { id } = c.req.valid('param');
    const note = (c.req.valid('json') as { note?: string } | undefined)?.note ?? null;
    const before = await alertOr404(db, id);
    if (before.status === 'acknowledged') return c.json({ changed: false, alert: alertView(before) }, 200);
    const actor = actorOf(c);
    const now = deps.clock();
    const changed = await db.transaction(async (tx) => {
      const rows = await tx
        .update(alerts)
        .set({ status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: actor.id })
        .where(and(eq(alerts.id, id), eq(alerts.status, 'open')))
        .returning({ status: alerts.status });
      if (rows.length === 0) return false;
      await deps.audit.append(
        {
          actor,
          action: 'alert.acknowledge',
          target: { type: 'alert', id },
          outcome: 'success',
          details: { ruleId: before.ruleId, severity: before.severity, note },
          requestId: c.get('requestId'),
        },
        tx as unknown as Db,
      );
      return true;
    });
    return c.json({ changed, alert: alertView(await alertOr404(db, id)) }, 200);
  });
  app.openapi(getWebhook, async (c) => c.json(await webhookView(db), 200));
  app.openapi(putWebhook, async (c) => {
    const input = c.req.valid('json');
    const { secretChanged } = await saveWebhookConfig(db, deps.box, deps.clock, input, c.get('auth').user.id);
    const view = await webhookView(db);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'settings.webhook.update',
      target: { type: 'settings', id: 'alerts.webhook' },
      outcome: 'success',
      details: { url: view.url, enabled: view.enabled, allowPrivate: view.allowPrivate, secretChanged },
      requestId: c.get('requestId'),
    });
    return c.json(view, 200);
  });
  return app;
}
