import { createRoute, z } from '@hono/zod-openapi';
import { publicRoute } from '../auth/guard.ts';
import { passwordSchema } from '../auth/passwords.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { emailSchema } from '../users/users.ts';
import { completeOwnerSetup } from './owner-setup.ts';

const setup = createRoute({
  method: 'post',
  path: '/setup',
  tags: ['setup'],
  summary: 'Create the first owner account with the one-time token printed at first start',
  middleware: [publicRoute] as const,
  request: {
    body: jsonBody(
      z.strictObject({
        token: z.string().min(10).max(200),
        email: emailSchema,
        name: z.string().trim().max(120).default(''),
        password: passwordSchema,
      }),
    ),
  },
  responses: {
    201: jsonResponse('Owner created', z.object({ id: z.string(), email: z.string(), role: z.literal('owner') })),
    ...errorResponses(400, 401, 409),
  },
});

/** First-run owner set-up. */
export function setupRoutes(deps: AppDeps) {
  const app = createRouter();
  app.openapi(setup, async (c) => {
    const { token, ...owner } = c.req.valid('json');
    const user = await completeOwnerSetup(deps.database.db, deps.clock, token, owner);
    await deps.audit.append({
      actor: { type: 'user', id: user.id, role: 'owner' },
      action: 'setup.owner',
      target: { type: 'user', id: user.id },
      outcome: 'success',
      details: { email: user.email },
      requestId: c.get('requestId'),
    });
    return c.json({ id: user.id, email: user.email, role: 'owner' as const }, 201);
  });
  return app;
}
