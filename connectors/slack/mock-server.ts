import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockFailureKind, MockRequest, MockServer, MockServerOptions } from '../src/mock-server-types.ts';
import { fixtureApproved, fixtureLogs, fixtureRequests } from './fixture.ts';

export interface SlackMockRequest extends MockRequest {
  /** The Web API method, e.g. `admin.apps.approved.list`. */
  apiMethod: string;
  form: Record<string, string>;
  at: number;
}

export interface SlackFixture {
  approved: object[];
  requests: object[];
  /** Newest first. */
  logs: object[];
}

export interface SlackMockOptions extends Omit<MockServerOptions, 'fixture'> {
  fixture?: 'small' | SlackFixture;
  /** Scopes the user token carries; default `admin.apps:read, admin, users:read, users:read.email`. */
  tokenScopes?: string[];
  /** The workspace is not on Enterprise Grid (admin.apps.* answer `team_not_on_enterprise`). */
  notGrid?: boolean;
  /** The workspace is on a free plan (team.integrationLogs answers `paid_only`). */
  freePlan?: boolean;
  /** Injected rate limits as 429 + `Retry-After: 1` (default) or as HTTP 200 `{ ok: false, error: 'ratelimited' }`. */
  rateLimitAs?: '429' | 'body';
}

const userToken = 'xoxp-1-mock-user-token';
const botToken = 'xoxb-1-mock-bot-token';
const needs: Record<string, string> = {
  'admin.apps.approved.list': 'admin.apps:read',
  'admin.apps.requests.list': 'admin.apps:read',
  'team.integrationLogs': 'admin',
  'users.info': 'users:read.email',
};
const directory: Record<string, string> = {
  W0ADA: 'ada@example.com',
  W0GRACE: 'grace@example.com',
  W0LIN: 'linus@example.com',
  W0ADMIN: 'admin@example.com',
};

/**
 * A local Slack Web API on 127.0.0.1 (`POST /api/<method>`, form-encoded, token in `Authorization`): app approvals
 * and requests with `response_metadata.next_cursor`, integration logs with page/count paging, HTTP 200
 * `{ ok: false, error }` failures, and 429 with `Retry-After`.
 */
export async function startMockServer(options: SlackMockOptions = {}) {
  const fixture = typeof options.fixture === 'object' ? options.fixture : undefined;
  const state = {
    approved: structuredClone(fixture?.approved ?? fixtureApproved),
    requests: structuredClone(fixture?.requests ?? fixtureRequests),
    logs: structuredClone(fixture?.logs ?? fixtureLogs()),
    failures: (options.failures ?? []).map((f) => ({ ...f, times: f.times ?? 1 })),
  };
  const scopes = options.tokenScopes ?? ['admin.apps:read', 'admin', 'users:read', 'users:read.email'];
  const requests: SlackMockRequest[] = [];
  const pageSize = options.pageSize ?? 2;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, error: string, extra: object = {}) =>
    send(res, 200, { ok: false, error, ...extra });

  const failure = (res: ServerResponse, kind: MockFailureKind, method: string) => {
    switch (kind) {
      case 'rate_limit':
        if (options.rateLimitAs === 'body') return fail(res, 'ratelimited');
        return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      case 'server_error':
        return send(res, 503, { ok: false, error: 'service_unavailable' });
      case 'bad_credentials':
        return fail(res, 'invalid_auth');
      case 'missing_scope':
        return fail(res, 'missing_scope', { needed: needs[method] ?? 'admin', provided: scopes.join(',') });
      case 'missing_license':
        return fail(res, method === 'team.integrationLogs' ? 'paid_only' : 'team_not_on_enterprise');
    }
  };

  const cursorPage = (res: ServerResponse, key: string, items: object[], form: Record<string, string>) => {
    const offset = form.cursor ? Number(Buffer.from(form.cursor, 'base64url').toString().replace('offset:', '')) : 0;
    const limit = Math.min(Number(form.limit ?? 100) || 100, pageSize);
    const next = offset + limit < items.length ? Buffer.from(`offset:${offset + limit}`).toString('base64url') : '';
    send(res, 200, { ok: true, [key]: items.slice(offset, offset + limit), response_metadata: { next_cursor: next } });
  };

  const handle = (req: SlackMockRequest, res: ServerResponse, auth: string) => {
    const method = req.apiMethod;
    const f = state.failures.find((x) => x.times > 0 && (!x.path || req.path.includes(x.path)));
    if (f) {
      f.times--;
      return failure(res, f.kind, method);
    }
    const token = auth.replace(/^Bearer /, '');
    if (token !== userToken && token !== botToken) return fail(res, 'invalid_auth');
    if (method === 'auth.test') {
      return send(res, 200, {
        ok: true,
        url: 'https://acme.enterprise.slack.com/',
        team: 'Acme',
        user: 'admin',
        team_id: 'T0ENG',
        user_id: 'W0ADMIN',
        enterprise_id: 'E0ACME',
        is_enterprise_install: true,
      });
    }
    if (method.startsWith('admin.') && token === botToken) return fail(res, 'not_allowed_token_type');
    const needed = needs[method];
    if (!needed) return fail(res, 'unknown_method');
    if (!scopes.includes(needed)) return failure(res, 'missing_scope', method);
    if (method.startsWith('admin.apps') && options.notGrid) return failure(res, 'missing_license', method);
    if (method === 'users.info') {
      const email = directory[req.form.user ?? ''];
      if (!email) return fail(res, 'user_not_found');
      const profile = { email, real_name: email.split('@')[0] };
      return send(res, 200, { ok: true, user: { id: req.form.user, name: profile.real_name, profile } });
    }
    if (method === 'admin.apps.approved.list') return cursorPage(res, 'approved_apps', state.approved, req.form);
    if (method === 'admin.apps.requests.list') return cursorPage(res, 'app_requests', state.requests, req.form);
    if (options.freePlan) return failure(res, 'missing_license', method);
    const count = Math.min(Number(req.form.count ?? 100) || 100, pageSize);
    const page = Math.max(1, Number(req.form.page ?? 1) || 1);
    const pages = Math.max(1, Math.ceil(state.logs.length / count));
    const logs = state.logs.slice((page - 1) * count, page * count);
    send(res, 200, { ok: true, logs, paging: { count, total: state.logs.length, page, pages } });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
      const entry: SlackMockRequest = {
        method: req.method ?? 'POST',
        path: u.pathname + u.search,
        apiMethod: u.pathname.replace(/^\/api\//, ''),
        form,
        at: Date.now(),
      };
      requests.push(entry);
      handle(entry, res, String(req.headers.authorization ?? (form.token ? `Bearer ${form.token}` : '')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    state,
    config: { token: userToken, enterpriseId: 'E0ACME', teamId: 'T0ENG', slackApiUrl: `${url}/api/` },
    botToken,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies MockServer & Record<string, unknown>;
}
