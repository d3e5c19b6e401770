import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { safeEqual } from '../crypto/tokens.ts';
import { authenticateDevice } from '../enrolment/devices.ts';
import type { AppEnv } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { can, type Permission } from './roles.ts';

export const SESSION_COOKIE = 'sightline_session';
export const SECURE_SESSION_COOKIE = '__Host-sightline_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Who may call a route. Every route declares one; the authorization matrix test enforces it. */
export type Access =
  | { kind: 'public' }
  | { kind: 'session' }
  | { kind: 'permission'; permission: Permission }
  /** A browser extension with its device token (Authorization: Bearer sldev_…); sessions do not count. */
  | { kind: 'device' };

export type Guard = MiddlewareHandler<AppEnv> & { access: Access };

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads the session cookie (either name). */
export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE);
}

/**
 * Builds the middleware that enforces `access`: a live session (401), the CSRF token on state-changing
 * requests (403 csrf_failed), and the role's permission (403 forbidden, audit-logged as denied).
 */
export function guard(access: Access): Guard {
  const mw: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (access.kind === 'public') return next();
    if (access.kind === 'device') {
      c.set('device', await authenticateDevice(c.get('deps').database.db, c.req.header('authorization')));
      return next();
    }
    const { sessions, audit } = c.get('deps');
    const token = sessionToken(c);
    const session = token ? await sessions.lookup(token) : null;
    if (!session) throw new ApiError(401, 'unauthenticated', 'Sign in first: no valid session.');
    if (unsafe.has(c.req.method) && !safeEqual(c.req.header(CSRF_HEADER) ?? '', session.csrfToken)) {
      throw new ApiError(
        403,
        'csrf_failed',
        `State-changing requests need the ${CSRF_HEADER} header from /api/v1/auth/session.`,
      );
    }
    c.set('auth', session);
    if (access.kind === 'permission' && !can(session.user.role, access.permission)) {
      await audit.append({
        actor: { type: 'user', id: session.user.id, role: session.user.role },
        action: 'access.denied',
        target: { type: 'route', id: `${c.req.method} ${c.req.routePath}` },
        outcome: 'denied',
        details: { permission: access.permission },
        requestId: c.get('requestId'),
      });
      throw new ApiError(
        403,
        'forbidden',
        `Your role (${session.user.role}) lacks the ${access.permission} permission.`,
      );
    }
    return next();
  };
  return Object.assign(mw, { access });
}

export const publicRoute = guard({ kind: 'public' });
export const deviceRoute = guard({ kind: 'device' });
export const sessionRoute = guard({ kind: 'session' });
export const requirePermission = (permission: Permission) => guard({ kind: 'permission', permission });

/** Actor fields for audit entries from the request's session. */
export function actorOf(c: Context<AppEnv>) {
  const s = c.get('auth');
  return { type: 'user' as const, id: s.user.id, role: s.user.role };
}
