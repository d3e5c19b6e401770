import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, type Guard, SESSION_COOKIE } from '../../backend/src/auth/guard.ts';
import { can, roles } from '../../backend/src/auth/roles.ts';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';

/** Every route of the app with the access its guard declares (undefined = unguarded: a defect). */
function routeTable(t: TestApp) {
  const table = new Map<string, { method: string; path: string; access?: Access }>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL') continue; // middleware
    const key = `${r.method} ${r.path}`;
    const entry = table.get(key) ?? { method: r.method, path: r.path };
    const access = (r.handler as Partial<Guard>).access;
    if (access) entry.access = access;
    table.set(key, entry);
  }
  return [...table.values()];
}

const concrete = (path: string) =>
  path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) =>
    name === 'asset' ? 'swagger-ui.css' : '01900000-0000-7000-8000-0000000000aa',
  );

describe('authorization matrix', () => {
  let t: TestApp;
  const callers: Record<string, Caller | null> = {};

  /** A fresh session for `who`, so a route that ends sessions (logout) cannot spoil the next request. */
  const freshCaller = async (who: string): Promise<Caller | null> => {
    const base = callers[who];
    if (!base) return null;
    const s = await t.deps.sessions.create(base.userId, {});
    return { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken, userId: base.userId };
  };

  beforeAll(async () => {
    t = await buildTestApp('pglite');
    for (const role of roles) callers[role] = await t.signIn(role);
    callers.anonymous = null;
  });
  afterAll(() => t.close());

  it('every route declares its access', () => {
    const routes = routeTable(t);
    expect(routes.length).toBeGreaterThan(10);
    const unguarded = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.path}`);
    expect(unguarded).toEqual([]);
  });

  it('every route answers every role as its access says', async () => {
    const failures: string[] = [];
    for (const route of routeTable(t)) {
      const access = route.access!;
      for (const who of Object.keys(callers)) {
        const caller = await freshCaller(who);
        // Body {} is deliberately invalid: guards must answer before validation does.
        const res = await t.request(route.method, concrete(route.path), {
          caller,
          body: route.method === 'GET' ? undefined : {},
        });
        const status = res.status;
        let allowed: boolean;
        if (access.kind === 'public') allowed = true;
        else if (access.kind === 'device')
          allowed = false; // no session of any role opens a device route
        else if (!caller) allowed = false;
        else if (access.kind === 'session') allowed = true;
        else allowed = can(who as (typeof roles)[number], access.permission);
        const expected = !allowed ? (caller && access.kind !== 'device' ? 403 : 401) : undefined;
        if (expected !== undefined && status !== expected)
          failures.push(`${route.method} ${route.path} as ${who}: ${status}, expected ${expected}`);
        if (expected === undefined && (status === 401 || status === 403 || status >= 500)) {
          failures.push(`${route.method} ${route.path} as ${who}: ${status}, expected access`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a session cookie without the CSRF header cannot change state', async () => {
    const owner = callers.owner!;
    const res = await t.request('POST', '/api/v1/users', {
      caller: owner,
      headers: { 'x-csrf-token': 'wrong' },
      body: { email: 'x@example.com', role: 'auditor', password: 'long enough password' },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'csrf_failed' } });
  });

  it('a cross-site form post is refused by the origin check', async () => {
    const res = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a&password=b',
    });
    expect(res.status).toBe(403);
  });
});
