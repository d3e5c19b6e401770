import { createRoute, z } from '@hono/zod-openapi';
import { deviceRoute } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { touchDevice } from '../enrolment/devices.ts';
import { createRouter, errorResponses, jsonResponse } from '../http/router.ts';
import { bundleSchema } from '../protocol/extension.ts';
import { buildBundle, type DlpPolicySource } from './build-bundle.ts';

const bundle = createRoute({
  method: 'get',
  path: '/extension/bundle',
  tags: ['extension'],
  summary: 'The policy bundle for this device (ETag = content version; If-None-Match answers 304)',
  middleware: [deviceRoute] as const,
  request: { headers: z.object({ 'if-none-match': z.string().max(500).optional() }) },
  responses: {
    200: jsonResponse('Bundle', bundleSchema),
    304: { description: 'Unchanged since the ETag given' },
    ...errorResponses(401, 429),
  },
});

/** True when an If-None-Match header names this ETag (strong or weak, in a list, or `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const v = t.trim().replace(/^W\//, '');
    return v === '*' || v === etag;
  });
}

/** The extension's policy bundle endpoint. */
export function bundleRoutes(deps: AppDeps, dlpPolicy: DlpPolicySource) {
  const app = createRouter();
  app.openapi(bundle, async (c) => {
    const device = c.get('device');
    const built = await buildBundle(deps.database.db, deps.clock, dlpPolicy);
    const etag = `"${built.version}"`;
    await touchDevice(deps.database.db, deps.clock, device, { lastBundleVersion: built.version });
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (etagMatches(c.req.valid('header')['if-none-match'], etag)) return c.body(null, 304);
    return c.json(built, 200);
  });
  return app;
}
