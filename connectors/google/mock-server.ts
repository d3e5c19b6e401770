import { generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockFailureKind, MockRequest, MockServer, MockServerOptions } from '../src/mock-server-types.ts';
import { googleScopes } from './client.ts';
import { fixtureDataset, type GoogleDataset, type GoogleFixture } from './dataset.ts';
import { fixtureActivities, fixtureTokens, fixtureUsers } from './fixture.ts';

/** One request the mock received (`path` with its query string, as the shared contract has it). */
export interface GoogleMockRequest extends MockRequest {
  pathname: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
}

export interface GoogleMockOptions extends Omit<MockServerOptions, 'fixture'> {
  /** `small`, a fixture held in memory (tests may change it), or a generated dataset (the benchmark). */
  fixture?: 'small' | GoogleFixture | GoogleDataset;
  /** Keep at most this many requests in `requests` (the benchmark logs none). */
  maxLogged?: number;
  /** Status of injected `rate_limit` failures: 429 (default) or Google's 403 `userRateLimitExceeded`. */
  rateLimitStatus?: 403 | 429;
  /** Seconds sent in `Retry-After` with injected rate limits; default 1, null sends none (Google often sends none). */
  retryAfterSeconds?: number | null;
  /** Scopes domain-wide delegation grants the mock's service account (default all three the connector needs). */
  delegatedScopes?: string[];
  /** Pre-issued access tokens and their scopes (for clients given a token directly). */
  accessTokens?: Record<string, string[]>;
}

const scopeFor = (path: string): string[] =>
  path.includes('/tokens')
    ? ['https://www.googleapis.com/auth/admin.directory.user.security']
    : path.startsWith('/admin/directory/v1/users')
      ? [
          'https://www.googleapis.com/auth/admin.directory.user.readonly',
          'https://www.googleapis.com/auth/admin.directory.user.security',
        ]
      : ['https://www.googleapis.com/auth/admin.reports.audit.readonly'];

const googleError = (code: number, status: string, reason: string, message: string) => ({
  error: { code, message, errors: [{ message, domain: 'global', reason }], status },
});

const b64url = (s: string) => Buffer.from(s, 'base64url');

const failureResponse = (kind: MockFailureKind, isTokenEndpoint: boolean, rateLimitStatus: 403 | 429) => {
  if (isTokenEndpoint && kind === 'bad_credentials') {
    return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } };
  }
  switch (kind) {
    case 'rate_limit':
      return rateLimitStatus === 429
        ? { status: 429, body: googleError(429, 'RESOURCE_EXHAUSTED', 'rateLimitExceeded', 'Rate Limit Exceeded') }
        : {
            status: 403,
            body: googleError(403, 'PERMISSION_DENIED', 'userRateLimitExceeded', 'User Rate Limit Exceeded'),
          };
    case 'server_error':
      return { status: 503, body: googleError(503, 'UNAVAILABLE', 'backendError', 'Backend Error') };
    case 'bad_credentials':
      return { status: 401, body: googleError(401, 'UNAUTHENTICATED', 'authError', 'Invalid Credentials') };
    case 'missing_scope':
      return {
        status: 403,
        body: googleError(403, 'PERMISSION_DENIED', 'insufficientPermissions', 'Insufficient Permission'),
      };
    case 'missing_license':
      return {
        status: 403,
        body: googleError(403, 'PERMISSION_DENIED', 'domainCannotUseApis', 'Domain cannot use apis.'),
      };
  }
};

/**
 * A local Admin SDK (Directory users/tokens, Reports activities) and OAuth token endpoint on 127.0.0.1, speaking
 * Google's wire format: page tokens, JSON error bodies with `errors[].reason`, and JWT-bearer token exchange
 * verified against the service account's public key.
 */
export async function startMockServer(options: GoogleMockOptions = {}) {
  const given = typeof options.fixture === 'object' ? options.fixture : undefined;
  const fixture: GoogleFixture =
    given && 'users' in given ? given : { users: fixtureUsers, tokens: fixtureTokens, activities: fixtureActivities() };
  const data = given && 'userCount' in given ? given : fixtureDataset(fixture);
  const state = {
    ...fixture,
    failures: (options.failures ?? []).map((f) => ({ ...f, times: f.times ?? 1 })),
  };
  const maxLogged = options.maxLogged ?? Number.POSITIVE_INFINITY;
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serviceAccountEmail = 'sightline@sightline-test.iam.gserviceaccount.com';
  const delegatedScopes = options.delegatedScopes ?? [...googleScopes];
  const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const issued = new Map<string, string[]>(Object.entries(options.accessTokens ?? {}));
  const requests: GoogleMockRequest[] = [];
  const pageSize = options.pageSize ?? 2;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const page = (count: number, at: (i: number) => object, token: string | undefined, max: number) => {
    const offset = token ? Number(b64url(token).toString()) : 0;
    const slice: object[] = [];
    for (let i = offset; i < Math.min(count, offset + max); i++) slice.push(at(i));
    const next = offset + max < count ? Buffer.from(String(offset + max)).toString('base64url') : undefined;
    return { slice, next };
  };

  const injected = (req: GoogleMockRequest, res: ServerResponse): boolean => {
    const f = state.failures.find((x) => x.times > 0 && (!x.path || req.path.includes(x.path)));
    if (!f) return false;
    f.times--;
    const { status, body } = failureResponse(f.kind, req.pathname === '/token', options.rateLimitStatus ?? 429);
    const wait = options.retryAfterSeconds === undefined ? 1 : options.retryAfterSeconds;
    const headers: Record<string, string> =
      f.kind === 'rate_limit' && wait !== null ? { 'retry-after': String(wait) } : {};
    send(res, status, body, headers);
    return true;
  };

  const tokenEndpoint = (req: GoogleMockRequest, res: ServerResponse) => {
    const form = new URLSearchParams(req.body);
    const parts = (form.get('assertion') ?? '').split('.');
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || parts.length !== 3) {
      return send(res, 400, { error: 'invalid_grant', error_description: 'Invalid grant_type or assertion.' });
    }
    const [h, p, s] = parts as [string, string, string];
    const valid = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKeyPem, b64url(s));
    const claims = JSON.parse(b64url(p).toString()) as { iss?: string; sub?: string; scope?: string };
    if (!valid || claims.iss !== serviceAccountEmail) {
      return send(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    }
    const scopes = (claims.scope ?? '').split(' ').filter(Boolean);
    if (scopes.some((x) => !delegatedScopes.includes(x))) {
      return send(res, 401, {
        error: 'unauthorized_client',
        error_description:
          'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      });
    }
    const token = `ya29.${randomBytes(12).toString('hex')}`;
    issued.set(token, scopes);
    send(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
  };

  const api = (req: GoogleMockRequest, res: ServerResponse) => {
    const auth = String(req.headers.authorization ?? '');
    const granted = issued.get(auth.replace(/^Bearer /, ''));
    if (!granted) return send(res, 401, failureResponse('bad_credentials', false, 403).body);
    if (!scopeFor(req.pathname).some((x) => granted.includes(x))) {
      return send(res, 403, failureResponse('missing_scope', false, 403).body);
    }
    const max = Math.min(Number(req.query.maxResults ?? pageSize) || pageSize, pageSize);
    const tokensMatch = /^\/admin\/directory\/v1\/users\/([^/]+)\/tokens$/.exec(req.pathname);
    if (tokensMatch) {
      const items = data.tokens(decodeURIComponent(tokensMatch[1]!).toLowerCase());
      if (!items) return send(res, 404, googleError(404, 'NOT_FOUND', 'notFound', 'Resource Not Found: userKey'));
      return send(res, 200, { kind: 'admin#directory#tokenList', etag: '"e"', items });
    }
    if (req.pathname === '/admin/directory/v1/users') {
      const { slice, next } = page(data.userCount(), (i) => data.user(i), req.query.pageToken, max);
      return send(res, 200, { kind: 'admin#directory#users', users: slice, ...(next ? { nextPageToken: next } : {}) });
    }
    const reportMatch = /^\/admin\/reports\/v1\/activity\/users\/all\/applications\/([^/]+)$/.exec(req.pathname);
    if (reportMatch) {
      const start = req.query.startTime ? Date.parse(req.query.startTime) : 0;
      const end = req.query.endTime ? Date.parse(req.query.endTime) : Number.POSITIVE_INFINITY;
      const range = data.activities(reportMatch[1]!, start, end);
      const { slice, next } = page(range.count, range.at, req.query.pageToken, max);
      return send(res, 200, {
        kind: 'admin#reports#activities',
        items: slice,
        ...(next ? { nextPageToken: next } : {}),
      });
    }
    send(res, 404, googleError(404, 'NOT_FOUND', 'notFound', `No route for ${req.pathname}`));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const entry: GoogleMockRequest = {
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        pathname: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      };
      if (requests.length < maxLogged) requests.push(entry);
      if (injected(entry, res)) return;
      if (entry.method === 'POST' && entry.pathname === '/token') tokenEndpoint(entry, res);
      else api(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const privateKey = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    url,
    requests,
    state,
    /** A valid configuration for this server; `privateKey` signs assertions the token endpoint accepts. */
    config: {
      serviceAccountEmail,
      privateKey,
      adminEmail: 'admin@example.com',
      rootUrl: `${url}/`,
      tokenUri: `${url}/token`,
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies MockServer & Record<string, unknown>;
}
