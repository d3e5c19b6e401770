import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { users } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { publicUrl } from '../env.ts';
import type { AppEnv } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/router.ts';
import { actorOf, publicRoute, SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionRoute, sessionToken } from './guard.ts';
import { attemptLogin } from './login.ts';
import { hashPassword, passwordSchema, verifyPassword } from './passwords.ts';

const sessionUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['owner', 'admin', 'analyst', 'auditor']),
  })
  .openapi('SessionUser');
const sessionInfo = z.object({ user: sessionUser, csrfToken: z.string(), expiresAt: z.string() }).openapi('Session');

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password; sets the session cookie',
  middleware: [publicRoute] as const,
  request: { body: jsonBody(z.strictObject({ email: z.string().max(254), password: z.string().max(256) })) },
  responses: { 200: jsonResponse('Signed in', sessionInfo), ...errorResponses(400, 401, 423, 429) },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End the current session',
  middleware: [sessionRoute] as const,
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
});

const current = createRoute({
  method: 'get',
  path: '/auth/session',
  tags: ['auth'],
  summary: 'The current session, its user and the CSRF token for state-changing requests',
  middleware: [sessionRoute] as const,
  responses: { 200: jsonResponse('Current session', sessionInfo), ...errorResponses(401) },
});

const changePassword = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['auth'],
  summary: "Change one's own password; ends every other session",
  middleware: [sessionRoute] as const,
  request: { body: jsonBody(z.strictObject({ currentPassword: z.string().max(256), newPassword: passwordSchema })) },
  responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403) },
});

function cookieOptions(deps: AppDeps, expires?: Date) {
  const secure = publicUrl(deps.env).startsWith('https:');
  return {
    name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    options: { httpOnly: true, secure, sameSite: 'Strict' as const, path: '/', ...(expires ? { expires } : {}) },
  };
}

/** Sign-in, sign-out, session and own-password routes. */
export function authRoutes(deps: AppDeps) {
  const app = createRouter();
  // Per-address throttle in front of the per-account lockout: 20 attempts per 5 minutes.
  const ipLimiter = createRateLimiter({ limit: 20, windowMs: 5 * 60_000, clock: deps.clock });

  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const throttled = ipLimiter.hit(c.get('ip'));
    if (!throttled.ok) {
      throw new ApiError(429, 'too_many_attempts', 'Too many sign-in attempts from this address; wait and retry.', {
        headers: { 'Retry-After': String(throttled.retryAfterSeconds) },
      });
    }
    const env = deps.env;
    const result = await attemptLogin(
      deps.database.db,
      deps.clock,
      { maxFailures: env.SIGHTLINE_LOGIN_MAX_FAILURES, lockoutMs: env.SIGHTLINE_LOGIN_LOCKOUT_MINUTES * 60_000 },
      email,
      password,
    );
    const requestId = c.get('requestId');
    if (!result.ok) {
      await deps.audit.append({
        actor: { type: 'user', id: result.userId ?? null },
        action: 'auth.login',
        target: { type: 'user', id: result.userId ?? null },
        outcome: 'failure',
        details: { reason: result.reason, ip: c.get('ip') },
        requestId,
      });
      if (result.reason === 'locked') {
        const seconds = Math.max(1, Math.ceil((result.lockedUntil.getTime() - deps.clock().getTime()) / 1000));
        throw new ApiError(423, 'account_locked', 'Too many failed sign-ins: this account is locked for a while.', {
          headers: { 'Retry-After': String(seconds) },
        });
      }
      throw new ApiError(401, 'invalid_credentials', 'E-mail or password is wrong, or the account is disabled.');
    }
    const created = await deps.sessions.create(result.user.id, {
      ip: c.get('ip'),
      userAgent: c.req.header('user-agent'),
    });
    await deps.audit.append({
      actor: { type: 'user', id: result.user.id, role: result.user.role },
      action: 'auth.login',
      target: { type: 'user', id: result.user.id },
      outcome: 'success',
      details: { ip: c.get('ip') },
      requestId,
    });
    const cookie = cookieOptions(deps, created.expiresAt);
    setCookie(c, cookie.name, created.token, cookie.options);
    const u = result.user;
    return c.json(
      {
        user: { id: u.id, email: u.email, name: u.name, role: u.role },
        csrfToken: created.csrfToken,
        expiresAt: created.expiresAt.toISOString(),
      },
      200,
    );
  });

  app.openapi(logout, async (c: Context<AppEnv>) => {
    const token = sessionToken(c);
    if (token) await deps.sessions.revoke(token);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'auth.logout',
      outcome: 'success',
      requestId: c.get('requestId'),
    });
    const cookie = cookieOptions(deps);
    deleteCookie(c, cookie.name, cookie.options);
    return c.body(null, 204);
  });

  app.openapi(current, (c) => {
    const s = c.get('auth');
    return c.json({ user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() }, 200);
  });

  app.openapi(changePassword, async (c) => {
    const s = c.get('auth');
    const { currentPassword, newPassword } = c.req.valid('json');
    const [row] = await deps.database.db.select().from(users).where(eq(users.id, s.user.id));
    if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
      await deps.audit.append({
        actor: actorOf(c),
        action: 'auth.password.change',
        outcome: 'failure',
        requestId: c.get('requestId'),
      });
      throw new ApiError(400, 'wrong_password', 'The current password is wrong.');
    }
    await deps.database.db
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: deps.clock() })
      .where(eq(users.id, s.user.id));
    await deps.sessions.revokeAllForUser(s.user.id, s.tokenHash);
    await deps.audit.append({
      actor: actorOf(c),
      action: 'auth.password.change',
      target: { type: 'user', id: s.user.id },
      outcome: 'success',
      requestId: c.get('requestId'),
    });
    return c.body(null, 204);
  });

  return app;
}
