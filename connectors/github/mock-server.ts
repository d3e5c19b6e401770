import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockFailureKind, MockRequest, MockServer, MockServerOptions } from '../src/mock-server-types.ts';
import { fixtureInstallations, fixturePatGrants, fixtureSeats } from './fixture.ts';

export interface GithubMockRequest extends MockRequest {
  pathname: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  at: number;
}

export interface GithubFixture {
  installations: object[];
  seats: object[];
  patGrants: object[];
}

export interface GithubMockOptions extends Omit<MockServerOptions, 'fixture'> {
  fixture?: 'small' | GithubFixture;
  /** `primary` (default): 403 with `x-ratelimit-remaining: 0` and a reset 1 s ahead; `secondary`: 429 with `retry-after: 1`. */
  rateLimit?: 'primary' | 'secondary';
  /** Scopes the classic token carries (sent in `X-OAuth-Scopes`); default `admin:org, manage_billing:copilot`. */
  tokenScopes?: string[];
  /** The organisation has no Copilot Business/Enterprise subscription. */
  noCopilot?: boolean;
}

const token = 'ghp_mockmockmockmockmockmockmockmock0001';
const docs = 'https://docs.github.com/rest';
const needs: [RegExp, string[]][] = [
  [/\/installations$/, ['admin:org', 'read:org']],
  [/\/copilot\/billing\/seats$/, ['manage_billing:copilot', 'read:org']],
  [/\/personal-access-tokens$/, ['admin:org']],
  [/^\/orgs\/[^/]+$/, []],
];

/**
 * A local GitHub REST API on 127.0.0.1 for one organisation: app installations, Copilot seats and fine-grained
 * token grants with `Link` pagination, `x-ratelimit-*` headers, `X-OAuth-Scopes`/`X-Accepted-OAuth-Scopes`, and
 * GitHub's `{ message, documentation_url }` errors.
 */
export async function startMockServer(options: GithubMockOptions = {}) {
  const fixture = typeof options.fixture === 'object' ? options.fixture : undefined;
  const state = {
    installations: structuredClone(fixture?.installations ?? fixtureInstallations),
    seats: structuredClone(fixture?.seats ?? fixtureSeats),
    patGrants: structuredClone(fixture?.patGrants ?? fixturePatGrants),
    failures: (options.failures ?? []).map((f) => ({ ...f, times: f.times ?? 1 })),
  };
  const scopes = options.tokenScopes ?? ['admin:org', 'manage_billing:copilot'];
  const requests: GithubMockRequest[] = [];
  const pageSize = options.pageSize ?? 2;
  let url = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const reset = String(Math.ceil(Date.now() / 1000) + 3600);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': reset,
      'x-ratelimit-resource': 'core',
      'x-oauth-scopes': scopes.join(', '),
      'x-github-api-version-selected': '2022-11-28',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };

  const failure = (res: ServerResponse, kind: MockFailureKind, accepted: string[]) => {
    const accept = { 'x-accepted-oauth-scopes': accepted.join(', ') };
    switch (kind) {
      case 'rate_limit':
        if (options.rateLimit === 'secondary') {
          const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
          return send(res, 429, { message, documentation_url: docs }, { 'retry-after': '1' });
        }
        return send(
          res,
          403,
          { message: 'API rate limit exceeded for user ID 1.', documentation_url: docs, status: '403' },
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)) },
        );
      case 'server_error':
        return send(res, 503, { message: 'Service Unavailable' });
      case 'bad_credentials':
        return send(res, 401, { message: 'Bad credentials', documentation_url: docs, status: '401' });
      case 'missing_scope':
        return send(
          res,
          403,
          { message: 'Resource not accessible by personal access token', documentation_url: docs },
          accept,
        );
      case 'missing_license':
        return send(res, 404, {
          message: 'Copilot Business is not enabled for this organization',
          documentation_url: docs,
        });
    }
  };

  const list = (req: GithubMockRequest, res: ServerResponse, items: object[], wrap?: string, total?: string) => {
    const perPage = Math.min(Number(req.query.per_page ?? 30) || 30, pageSize);
    const pageNo = Math.max(1, Number(req.query.page ?? 1) || 1);
    const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => `<${url}${req.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links = [
      ...(pageNo < last ? [link(pageNo + 1, 'next'), link(last, 'last')] : []),
      ...(pageNo > 1 ? [link(1, 'first'), link(pageNo - 1, 'prev')] : []),
    ];
    const body = wrap ? { [total ?? 'total_count']: items.length, [wrap]: slice } : slice;
    send(res, 200, body, links.length > 0 ? { link: links.join(', ') } : {});
  };

  const handle = (req: GithubMockRequest, res: ServerResponse) => {
    const auth = String(req.headers.authorization ?? '');
    const accepted = needs.find(([re]) => re.test(req.pathname))?.[1] ?? [];
    const f = state.failures.find((x) => x.times > 0 && (!x.path || req.path.includes(x.path)));
    if (f) {
      f.times--;
      return failure(res, f.kind, accepted);
    }
    if (auth !== `token ${token}` && auth !== `bearer ${token}`) return failure(res, 'bad_credentials', accepted);
    if (accepted.length > 0 && !accepted.some((s) => scopes.includes(s))) {
      return failure(res, 'missing_scope', accepted);
    }
    const m = /^\/orgs\/([^/]+)(\/.*)?$/.exec(req.pathname);
    if (m?.[1] !== 'acme') return send(res, 404, { message: 'Not Found', documentation_url: docs, status: '404' });
    switch (m[2] ?? '') {
      case '':
        return send(res, 200, { login: 'acme', id: 9000, type: 'Organization', plan: { name: 'enterprise' } });
      case '/installations':
        return list(req, res, state.installations, 'installations');
      case '/copilot/billing/seats':
        if (options.noCopilot) return failure(res, 'missing_license', accepted);
        return list(req, res, state.seats, 'seats', 'total_seats');
      case '/personal-access-tokens':
        return list(req, res, state.patGrants);
    }
    send(res, 404, { message: 'Not Found', documentation_url: docs, status: '404' });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const entry: GithubMockRequest = {
        method: req.method ?? 'GET',
        path: u.pathname + u.search,
        pathname: u.pathname,
        query: Object.fromEntries(u.searchParams),
        headers: req.headers,
        at: Date.now(),
      };
      requests.push(entry);
      handle(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    state,
    config: { org: 'acme', token, baseUrl: url },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies MockServer & Record<string, unknown>;
}
