import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, requirePermission } from '../auth/guard.ts';
import { roles } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { createUser, listUsers, newUserSchema, updateUser, userPatchSchema } from './users.ts';

const publicUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .openapi('User');
const idParam = z.object({ id: z.uuid() });
const manage = requirePermission('users:manage');

const list = createRoute({
  method: 'get',
  path: '/users',
  tags: ['users'],
  summary: 'List admin accounts',
  middleware: [manage] as const,
  responses: { 200: jsonResponse('Users', z.object({ users: z.array(publicUser) })), ...errorResponses(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/users',
  tags: ['users'],
  summary: 'Create an admin account',
  middleware: [manage] as const,
  request: { body: jsonBody(newUserSchema) },
  responses: { 201: jsonResponse('Created', publicUser), ...errorResponses(400, 401, 403, 409) },
});

const update = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['users'],
  summary: 'Change name or role, disable or re-enable an account (disabling ends its sessions)',
  middleware: [manage] as const,
  request: { params: idParam, body: jsonBody(userPatchSchema) },
  responses: { 200: jsonResponse('Updated', publicUser), ...errorResponses(400, 401, 403, 404, 409) },
});

/** User management: owner only. */
export function userRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;

  app.openapi(list, async (c) => c.json({ users: await listUsers(db) }, 200));

  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const user = await createUser(db, deps.clock, body);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'user.create',
      target: { type: 'user', id: user.id },
      outcome: 'success',
      details: { email: user.email, role: user.role },
      requestId: c.get('requestId'),
    });
    return c.json(user, 201);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    if (id === c.get('auth').user.id && (patch.disabled === true || (patch.role && patch.role !== 'owner'))) {
      throw new ApiError(409, 'self_lockout', 'You cannot disable or demote yourself; ask another owner.');
    }
    const { before, after } = await updateUser(db, deps.clock, id, patch);
    if (after.disabled && !before.disabled) await deps.sessions.revokeAllForUser(id);
    await deps.audit.append({
      actor: actorOf(c),
      action: after.disabled !== before.disabled ? (after.disabled ? 'user.disable' : 'user.enable') : 'user.update',
      target: { type: 'user', id },
      outcome: 'success',
      details: {
        before: { role: before.role, name: before.name, disabled: before.disabled },
        after: { role: after.role, name: after.name, disabled: after.disabled },
      },
      requestId: c.get('requestId'),
    });
    return c.json(after, 200);
  });

  return app;
}
