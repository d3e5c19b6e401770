/**
 * A local Okta org on 127.0.0.1 speaking the documented wire format: `/oauth2/v1/token` (client_credentials with a
 * private_key_jwt assertion, checked and verified), SSWS and Bearer auth, `/api/v1/apps`, `/apps/{id}/users`,
 * `/apps/{id}/grants`, `/api/v1/logs` (polling: a `next` link is always present), absolute `Link` pagination,
 * `X-Rate-Limit-*` headers, 429 E0000047, 401 E0000011, 403 E0000006 and `{errorCode, errorSummary}` bodies.
 * Plain HTTP: the Okta SDK accepts an http org URL, so no certificate is needed.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockFailure, MockServer, MockServerOptions } from '../src/mock-server-types.ts';
import type { OktaDataset } from './dataset.ts';
import { LargeOktaDataset } from './dataset-large.ts';
import { SmallOktaDataset } from './dataset-small.ts';
import { checkClientAssertion, type ServiceAppOptions } from './mock-token.ts';

export interface MockRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  status: number;
  /** Epoch ms when the request arrived. */
  at: number;
}

export interface OktaMockOptions extends MockServerOptions {
  /** `small`, `large` or an `OktaDataset`. */
  fixture?: 'small' | 'large' | OktaDataset;
  /** The accepted SSWS token (default `test-api-token-0123456789`). */
  apiToken?: string;
  /** Accept OAuth service-app tokens for this client. */
  serviceApp?: ServiceAppOptions;
  /** Keep at most this many entries in `requests` (default 100,000). */
  maxLogged?: number;
}

export interface OktaMock extends MockServer {
  requests: MockRequest[];
  dataset: OktaDataset;
}

const encode = (n: number) => Buffer.from(`i${n}`).toString('base64url');
const decode = (s: string | null) => (s ? Number(Buffer.from(s, 'base64url').toString().slice(1)) || 0 : 0);

/** Starts the mock on an ephemeral port of 127.0.0.1. */
export async function startMockServer(options: OktaMockOptions = {}): Promise<OktaMock> {
  const fixture = options.fixture ?? 'small';
  const dataset = fixture === 'small' ? new SmallOktaDataset() : fixture === 'large' ? new LargeOktaDataset() : fixture;
  const failures = (options.failures ?? []).map((f) => ({ ...f, left: f.times ?? 1 }));
  const pageCap = options.pageSize ?? Number.POSITIVE_INFINITY;
  const apiToken = options.apiToken ?? 'test-api-token-0123456789';
  const issued = new Map<string, string[]>();
  const requests: MockRequest[] = [];
  const maxLogged = options.maxLogged ?? 100_000;
  let base = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-rate-limit-limit': '600',
      'x-rate-limit-remaining': status === 429 ? '0' : '599',
      'x-rate-limit-reset': String(now + 60),
      'x-okta-request-id': randomUUID(),
      ...headers,
    });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const oktaError = (res: ServerResponse, status: number, code: string, summary: string, headers = {}) =>
    send(
      res,
      status,
      {
        errorCode: code,
        errorSummary: summary,
        errorLink: code,
        errorId: `oae${randomUUID().slice(0, 20)}`,
        errorCauses: [],
      },
      headers,
    );
  const page = (res: ServerResponse, items: string[], self: string, next: string | null) => {
    const link = [`<${base}${self}>; rel="self"`];
    if (next) link.push(`<${base}${next}>; rel="next"`);
    send(res, 200, `[${items.join(',')}]`, { link: link.join(', ') });
  };

  const inject = (res: ServerResponse, kind: MockFailure['kind']) => {
    if (kind === 'rate_limit') {
      const reset = String(Math.floor(Date.now() / 1000) + 1);
      return oktaError(res, 429, 'E0000047', 'API call exceeded rate limit due to too many requests.', {
        'x-rate-limit-reset': reset,
      });
    }
    if (kind === 'server_error') return oktaError(res, 503, 'E0000009', 'Internal Server Error');
    if (kind === 'bad_credentials') return oktaError(res, 401, 'E0000011', 'Invalid token provided');
    // Okta has no licence signal distinct from a permission error.
    return oktaError(res, 403, 'E0000006', 'You do not have permission to perform the requested action');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname;
    const failure = failures.find((f) => f.left > 0 && (!f.path || (path + url.search).includes(f.path)));
    if (failure) {
      failure.left--;
      return inject(res, failure.kind);
    }
    if (req.method === 'POST' && path === '/oauth2/v1/token') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const result = checkClientAssertion(new URLSearchParams(body), `${base}/oauth2/v1/token`, options.serviceApp);
      if (!result.ok) return send(res, result.status, { error: result.error, error_description: result.description });
      const token = `mock-at-${randomUUID()}`;
      issued.set(token, result.scopes);
      return send(res, 200, {
        token_type: 'Bearer',
        expires_in: 3600,
        access_token: token,
        scope: result.scopes.join(' '),
      });
    }
    const auth = req.headers.authorization ?? '';
    const bearerScopes = auth.startsWith('Bearer ') ? issued.get(auth.slice(7)) : undefined;
    if (auth !== `SSWS ${apiToken}` && !bearerScopes) return oktaError(res, 401, 'E0000011', 'Invalid token provided');
    const needed = path.startsWith('/api/v1/logs') ? 'okta.logs.read' : 'okta.apps.read';
    if (bearerScopes && !bearerScopes.includes(needed)) {
      return oktaError(res, 403, 'E0000006', 'You do not have permission to perform the requested action');
    }
    const limitOf = (dflt: number, max: number) =>
      Math.min(max, pageCap, Number(url.searchParams.get('limit') ?? dflt) || dflt);
    if (path === '/api/v1/apps') {
      const limit = limitOf(20, 200);
      const from = decode(url.searchParams.get('after'));
      const to = Math.min(dataset.appCount(), from + limit);
      const items = [];
      for (let i = from; i < to; i++) items.push(JSON.stringify(dataset.app(i)));
      return page(
        res,
        items,
        url.pathname + url.search,
        to < dataset.appCount() ? `/api/v1/apps?after=${encode(to)}&limit=${limit}` : null,
      );
    }
    const sub = /^\/api\/v1\/apps\/([^/]+)\/(users|grants)$/.exec(path);
    if (sub) {
      const index = dataset.appIndex(sub[1]!);
      if (index === undefined)
        return oktaError(res, 404, 'E0000007', `Not found: Resource not found: ${sub[1]} (AppInstance)`);
      const all = sub[2] === 'users' ? dataset.appUsers(index) : dataset.appGrants(index);
      const limit = limitOf(50, 500);
      const from = decode(url.searchParams.get('after'));
      const to = Math.min(all.length, from + limit);
      const next = to < all.length ? `${path}?after=${encode(to)}&limit=${limit}&expand=user` : null;
      return page(
        res,
        all.slice(from, to).map((x) => JSON.stringify(x)),
        url.pathname + url.search,
        next,
      );
    }
    if (path === '/api/v1/logs') return logs(res, url);
    return oktaError(res, 404, 'E0000022', 'The endpoint does not support the provided HTTP method');
  };

  const logs = (res: ServerResponse, url: URL) => {
    const q = url.searchParams;
    if (q.get('sortOrder') === 'DESCENDING' && !q.get('until')) {
      return oktaError(res, 400, 'E0000001', 'Api validation failed: polling requests must be ASCENDING');
    }
    const limit = Math.min(1000, pageCap, Number(q.get('limit') ?? 100) || 100);
    const since = q.get('since');
    let from = q.get('after') ? decode(q.get('after')) : since ? dataset.firstLogAfter(Date.parse(since)) : 0;
    const until = q.get('until') ? Date.parse(q.get('until')!) : Number.POSITIVE_INFINITY;
    const types = [...(q.get('filter') ?? '').matchAll(/eventType eq "([^"]+)"/g)].map((m) => m[1]);
    const items: string[] = [];
    const count = dataset.logCount();
    let scanned = 0;
    while (from < count && items.length < limit && scanned < limit * 20) {
      const event = dataset.log(from);
      if (Date.parse(String(event['published'])) > until) break;
      from++;
      scanned++;
      if (types.length === 0 || types.includes(String(event['eventType']))) items.push(JSON.stringify(event));
    }
    const bounded = Number.isFinite(until);
    const more = from < count && (!bounded || Date.parse(String(dataset.log(from)['published'])) <= until);
    // Polling (no `until`): Okta always returns a next link to poll again, even on an empty page.
    const extra = [...q.entries()]
      .filter(([k]) => k !== 'after' && k !== 'since')
      .map(([k, v]) => `&${k}=${encodeURIComponent(v)}`);
    const next = !bounded || more ? `/api/v1/logs?after=${encode(from)}${extra.join('')}` : null;
    page(res, items, url.pathname + url.search, next);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const entry: MockRequest = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      status: 0,
      at: Date.now(),
    };
    if (requests.length < maxLogged) requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    handle(req, res, url).catch((e: Error) => oktaError(res, 500, 'E0000009', `Internal Server Error: ${e.message}`));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    config: { orgUrl: base, authMode: 'api_token', apiToken },
    requests,
    dataset,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
