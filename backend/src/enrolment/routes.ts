import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, publicRoute, requirePermission } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { enrollRequestSchema, enrollResponseSchema } from '../protocol/extension.ts';
import { getOrganizationSettings } from '../settings/organization.ts';
import { enrollDevice, listDevices, revokeDevice } from './devices.ts';
import {
  createEnrollmentToken,
  listEnrollmentTokens,
  newEnrollmentTokenSchema,
  revokeEnrollmentToken,
  rotateEnrollmentToken,
} from './tokens.ts';

const tokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    hint: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    maxUses: z.number().nullable(),
    uses: z.number(),
    rotatedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'exhausted', 'revoked']),
  })
  .openapi('EnrollmentToken');
const tokenWithSecret = tokenView.extend({ token: z.string() }).openapi('EnrollmentTokenSecret');
const deviceView = z
  .object({
    id: z.string(),
    browser: z.string(),
    browserVersion: z.string(),
    extensionVersion: z.string(),
    os: z.string(),
    userEmail: z.string().nullable(),
    enrolledAt: z.string(),
    lastSeenAt: z.string().nullable(),
    lastBundleVersion: z.string().nullable(),
    revokedAt: z.string().nullable(),
    events: z.number(),
    status: z.enum(['active', 'revoked']),
  })
  .openapi('Device');
const idParam = z.object({ id: z.uuid() });
const manage = requirePermission('enrolment:manage');
const read = requirePermission('data:read');

const routes = {
  enroll: createRoute({
    method: 'post',
    path: '/enroll',
    tags: ['extension'],
    summary: 'Enrol a browser: enrolment token + device facts → device id and device token (shown once)',
    middleware: [publicRoute] as const,
    request: { body: jsonBody(enrollRequestSchema) },
    responses: { 201: jsonResponse('Enrolled', enrollResponseSchema), ...errorResponses(400, 401, 429) },
  }),
  listTokens: createRoute({
    method: 'get',
    path: '/enrollment-tokens',
    tags: ['enrolment'],
    summary: 'List enrolment tokens (never the secrets)',
    middleware: [manage] as const,
    responses: { 200: jsonResponse('Tokens', z.object({ tokens: z.array(tokenView) })), ...errorResponses(401, 403) },
  }),
  createToken: createRoute({
    method: 'post',
    path: '/enrollment-tokens',
    tags: ['enrolment'],
    summary: 'Create an enrolment token, optionally limited by expiry and use count; the secret is shown once',
    middleware: [manage] as const,
    request: { body: jsonBody(newEnrollmentTokenSchema) },
    responses: { 201: jsonResponse('Created', tokenWithSecret), ...errorResponses(400, 401, 403) },
  }),
  rotateToken: createRoute({
    method: 'post',
    path: '/enrollment-tokens/{id}/rotate',
    tags: ['enrolment'],
    summary: 'Replace the secret of a token; the old secret stops working at once',
    middleware: [manage] as const,
    request: { params: idParam },
    responses: { 200: jsonResponse('Rotated', tokenWithSecret), ...errorResponses(401, 403, 404) },
  }),
  revokeToken: createRoute({
    method: 'post',
    path: '/enrollment-tokens/{id}/revoke',
    tags: ['enrolment'],
    summary: 'Revoke a token (enrolled devices keep working)',
    middleware: [manage] as const,
    request: { params: idParam },
    responses: { 200: jsonResponse('Revoked', tokenView), ...errorResponses(401, 403, 404) },
  }),
  listDevices: createRoute({
    method: 'get',
    path: '/devices',
    tags: ['enrolment'],
    summary: 'Enrolled devices, newest first, with cursor pagination',
    middleware: [read] as const,
    request: {
      query: z.object({
        status: z.enum(['active', 'revoked']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.uuid().optional(),
      }),
    },
    responses: {
      200: jsonResponse('Devices', z.object({ devices: z.array(deviceView), nextBefore: z.string().nullable() })),
      ...errorResponses(400, 401, 403),
    },
  }),
  revokeDevice: createRoute({
    method: 'post',
    path: '/devices/{id}/revoke',
    tags: ['enrolment'],
    summary: 'Revoke a device: its next request is refused (the extension then asks to re-enrol)',
    middleware: [manage] as const,
    request: { params: idParam },
    responses: { 200: jsonResponse('Revoked', deviceView), ...errorResponses(401, 403, 404) },
  }),
};

/** Enrolment: the public enrol endpoint and the admin API for tokens and devices. */
export function enrolmentRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  const enrollLimiter = createRateLimiter({
    limit: deps.env.SIGHTLINE_ENROLL_PER_MINUTE,
    windowMs: 60_000,
    clock: deps.clock,
  });

  app.openapi(routes.enroll, async (c) => {
    const hit = enrollLimiter.hit(c.get('ip'));
    if (!hit.ok) {
      throw new ApiError(429, 'rate_limited', 'Too many enrolments from this address; retry later.', {
        headers: { 'Retry-After': String(hit.retryAfterSeconds) },
      });
    }
    const body = c.req.valid('json');
    try {
      const result = await enrollDevice(db, deps.clock, body.enrollmentToken, body.device, body.previousDeviceId);
      await deps.audit.append({
        actor: { type: 'device', id: result.deviceId },
        action: result.reenrolled ? 'device.reenroll' : 'device.enroll',
        target: { type: 'device', id: result.deviceId },
        outcome: 'success',
        details: {
          enrollmentTokenId: result.tokenId,
          browser: body.device.browser,
          os: body.device.os,
          userEmail: body.device.userEmail ?? null,
        },
        requestId: c.get('requestId'),
      });
      const org = await getOrganizationSettings(db);
      return c.json(
        { deviceId: result.deviceId, deviceToken: result.deviceToken, organization: { name: org.name } },
        201,
      );
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_enrollment_token') {
        await deps.audit.append({
          actor: { type: 'device', id: null },
          action: 'device.enroll',
          outcome: 'failure',
          details: { reason: err.message, ip: c.get('ip') },
          requestId: c.get('requestId'),
        });
      }
      throw err;
    }
  });

  app.openapi(routes.listTokens, async (c) => c.json({ tokens: await listEnrollmentTokens(db, deps.clock) }, 200));

  app.openapi(routes.createToken, async (c) => {
    const created = await createEnrollmentToken(db, deps.clock, c.req.valid('json'), c.get('auth').user.id);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'enrollment_token.create',
      target: { type: 'enrollment_token', id: created.id },
      outcome: 'success',
      details: { name: created.name, expiresAt: created.expiresAt, maxUses: created.maxUses },
      requestId: c.get('requestId'),
    });
    return c.json(created, 201);
  });

  app.openapi(routes.rotateToken, async (c) => {
    const rotated = await rotateEnrollmentToken(db, deps.clock, c.req.valid('param').id);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'enrollment_token.rotate',
      target: { type: 'enrollment_token', id: rotated.id },
      outcome: 'success',
      requestId: c.get('requestId'),
    });
    return c.json(rotated, 200);
  });

  app.openapi(routes.revokeToken, async (c) => {
    const revoked = await revokeEnrollmentToken(db, deps.clock, c.req.valid('param').id);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'enrollment_token.revoke',
      target: { type: 'enrollment_token', id: revoked.id },
      outcome: 'success',
      requestId: c.get('requestId'),
    });
    return c.json(revoked, 200);
  });

  app.openapi(routes.listDevices, async (c) => {
    const q = c.req.valid('query');
    const list = await listDevices(db, q);
    return c.json({ devices: list, nextBefore: list.length === q.limit ? list[list.length - 1]!.id : null }, 200);
  });

  app.openapi(routes.revokeDevice, async (c) => {
    const device = await revokeDevice(db, deps.clock, c.req.valid('param').id);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'device.revoke',
      target: { type: 'device', id: device.id },
      outcome: 'success',
      requestId: c.get('requestId'),
    });
    return c.json(device, 200);
  });

  return app;
}
