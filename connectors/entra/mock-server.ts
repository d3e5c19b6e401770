/**
 * A local Entra ID tenant on 127.0.0.1. Set-up: the token endpoint (`/{tenant}/oauth2/v2.0/token` and OpenID
 * metadata) is HTTPS with a throwaway self-signed certificate, because MSAL refuses non-https authorities; the
 * config carries that certificate in `caCertificate`. Graph itself is plain HTTP: the connector drives the Graph
 * client with its own middleware chain (token middleware + HTTPMessageHandler) and splits absolute
 * `@odata.nextLink`/`deltaLink` URLs into version + path itself, so realistic absolute links work over http too.
 * Speaks `@odata.nextLink` / `@odata.deltaLink`, 429 + Retry-After, and Graph `{ error: { code, message } }` bodies.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { MockFailure, MockServer, MockServerOptions } from '../src/mock-server-types.ts';
import type { EntraDataset, Json } from './dataset.ts';
import { LargeEntraDataset, SmallEntraDataset } from './dataset-fixtures.ts';
import { selfSignedCert } from './mock-tls.ts';

export interface EntraMockRequest {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface EntraMockOptions extends MockServerOptions {
  fixture?: 'small' | 'large' | EntraDataset;
  /** Tenant has Entra ID P1 (sign-in logs); default true. */
  premium?: boolean;
  maxLogged?: number;
}

export interface EntraMock extends MockServer {
  requests: EntraMockRequest[];
  dataset: EntraDataset;
  tokenUrl: string;
}

const tenant = '11111111-2222-4333-8444-555555555555';
const clientId = '66666666-7777-4888-8999-000000000000';
const clientSecret = 'mock~secret~0123456789abcdef';
const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const dec = <T>(s: string | null, d: T): T => (s ? (JSON.parse(Buffer.from(s, 'base64url').toString()) as T) : d);

/** Starts the Graph (http) and token (https) servers on ephemeral ports of 127.0.0.1. */
export async function startMockServer(options: EntraMockOptions = {}): Promise<EntraMock> {
  const fixture = options.fixture ?? 'small';
  const data = fixture === 'small' ? new SmallEntraDataset() : fixture === 'large' ? new LargeEntraDataset() : fixture;
  const failures = (options.failures ?? []).map((f) => ({ ...f, left: f.times ?? 1 }));
  const requests: EntraMockRequest[] = [];
  const tokens = new Set<string>();
  const tls = selfSignedCert();
  let base = '';
  let tokenBase = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': randomUUID(), ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const graphError = (res: ServerResponse, status: number, code: string, message: string, headers = {}) =>
    send(
      res,
      status,
      { error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } } },
      headers,
    );
  const inject = (res: ServerResponse, kind: MockFailure['kind']) => {
    if (kind === 'rate_limit')
      return graphError(res, 429, 'TooManyRequests', 'Too many requests', { 'retry-after': '1' });
    if (kind === 'server_error') return graphError(res, 503, 'serviceNotAvailable', 'Service unavailable');
    if (kind === 'bad_credentials')
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    if (kind === 'missing_scope')
      return graphError(res, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    return graphError(
      res,
      403,
      'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      "Neither tenant is B2C or tenant doesn't have premium license",
    );
  };
  const list = (res: ServerResponse, items: Json[], next: string | null, extra: Json = {}) =>
    send(
      res,
      200,
      `{"@odata.context":"${base}/v1.0/$metadata","value":[${items.map((i) => JSON.stringify(i)).join(',')}]${next ? `,"@odata.nextLink":${JSON.stringify(base + next)}` : ''}${Object.entries(
        extra,
      )
        .map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`)
        .join('')}}`,
    );
  const top = (url: URL, dflt: number, max: number) =>
    Math.min(max, options.pageSize ?? max, Number(url.searchParams.get('$top') ?? dflt) || dflt);
  const paged = (res: ServerResponse, url: URL, count: number, at: (i: number) => Json, dflt: number, max: number) => {
    const from = dec(url.searchParams.get('$skiptoken'), 0);
    const to = Math.min(count, from + top(url, dflt, max));
    const items = [];
    for (let i = from; i < to; i++) items.push(at(i));
    list(res, items, to < count ? `${url.pathname}?$top=${to - from}&$skiptoken=${enc(to)}` : null);
  };

  const graph = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const p = url.pathname;
    const failure = failures.find((f) => f.left > 0 && (!f.path || (p + url.search).includes(f.path)));
    if (failure) {
      failure.left--;
      return inject(res, failure.kind);
    }
    if (!tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) {
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    if (p === '/v1.0/users') return paged(res, url, data.userCount(), data.user, 100, 999);
    if (p === '/v1.0/servicePrincipals') return paged(res, url, data.spCount(), data.sp, 100, 999);
    if (p === '/v1.0/oauth2PermissionGrants') return paged(res, url, data.grantCount(), data.grant, 100, 999);
    if (p === '/v1.0/servicePrincipals/delta') {
      const state = dec(url.searchParams.get('$deltatoken') ?? url.searchParams.get('$skiptoken'), {
        since: -1,
        from: 0,
      });
      const size = top(url, 100, 999);
      const items: Json[] = [];
      let i = state.from;
      for (; i < data.spCount() && items.length < size; i++)
        if (data.spVersion(i) > state.since) items.push(data.sp(i));
      if (i < data.spCount()) return list(res, items, `${p}?$skiptoken=${enc({ since: state.since, from: i })}`);
      return list(res, items, null, {
        '@odata.deltaLink': `${base}${p}?$deltatoken=${enc({ since: data.version(), from: 0 })}`,
      });
    }
    const sp = /^\/v1\.0\/servicePrincipals\/([^/]+)(\/appRoleAssignedTo)?$/.exec(p);
    if (sp) {
      const index = data.spIndex(sp[1]!);
      if (index === undefined)
        return graphError(res, 404, 'Request_ResourceNotFound', `Resource '${sp[1]}' does not exist.`);
      if (!sp[2]) return send(res, 200, data.sp(index));
      const all = data.assignedTo(index);
      return paged(res, url, all.length, (i) => all[i]!, 100, 999);
    }
    if (p === '/v1.0/auditLogs/signIns') {
      if (options.premium === false) return inject(res, 'missing_license');
      const ge = /createdDateTime ge (\S+)/.exec(url.searchParams.get('$filter') ?? '')?.[1];
      const floor = ge ? Date.parse(ge) : 0;
      // Newest first: walk down from the end; the skiptoken is the next index to return.
      let i = dec(url.searchParams.get('$skiptoken'), data.signInCount() - 1);
      const size = top(url, 1000, 1000);
      const items: Json[] = [];
      for (; i >= 0 && items.length < size; i--) {
        const s = data.signIn(i);
        if (Date.parse(String(s['createdDateTime'])) < floor) break;
        items.push(s);
      }
      const more = i >= 0 && Date.parse(String(data.signIn(i)['createdDateTime'])) >= floor;
      const keep = url.searchParams.get('$filter')
        ? `&$filter=${encodeURIComponent(url.searchParams.get('$filter')!)}`
        : '';
      return list(res, items, more ? `${p}?$top=${size}${keep}&$skiptoken=${enc(i)}` : null);
    }
    if (p.startsWith("/beta/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D"))
      return list(res, data.copilotRows(), null);
    return graphError(res, 404, 'BadRequest', `Resource not found for the segment '${p}'.`);
  };

  const token = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === `/${tenant}/v2.0/.well-known/openid-configuration`) {
      const t = `${tokenBase}/${tenant}`;
      return send(res, 200, {
        token_endpoint: `${t}/oauth2/v2.0/token`,
        issuer: `${t}/v2.0`,
        authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
        jwks_uri: `${t}/discovery/v2.0/keys`,
      });
    }
    if (req.method === 'POST' && url.pathname === `/${tenant}/oauth2/v2.0/token`) {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== clientId) {
        return send(res, 400, {
          error: 'unauthorized_client',
          error_description: `AADSTS700016: Application with identifier '${form.get('client_id')}' was not found in the directory.`,
          error_codes: [700016],
        });
      }
      if (form.get('client_secret') !== clientSecret) {
        return send(res, 401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
          error_codes: [7000215],
        });
      }
      const t = `mock-graph-${randomUUID()}`;
      tokens.add(t);
      return send(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: t });
    }
    return send(res, 400, {
      error: 'invalid_tenant',
      error_description: `AADSTS90002: Tenant '${url.pathname.split('/')[1]}' not found.`,
      error_codes: [90002],
    });
  };

  const logged =
    (handler: (req: IncomingMessage, res: ServerResponse, url: URL) => unknown, origin: () => string) =>
    (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', origin());
      const entry = { method: req.method ?? 'GET', path: url.pathname + url.search, status: 0, at: Date.now() };
      if (requests.length < (options.maxLogged ?? 100_000)) requests.push(entry);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      Promise.resolve(handler(req, res, url)).catch((e: Error) => graphError(res, 500, 'generalException', e.message));
    };
  const http = createServer(logged(graph, () => base));
  const https = createHttpsServer(
    tls,
    logged(token, () => tokenBase),
  );
  await Promise.all([http, https].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  tokenBase = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  const stop = (s: typeof http | typeof https) =>
    new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    });
  return {
    url: base,
    tokenUrl: tokenBase,
    config: {
      tenantId: tenant,
      clientId,
      clientSecret,
      graphUrl: base,
      authorityHost: tokenBase,
      caCertificate: tls.cert,
    },
    requests,
    dataset: data,
    close: async () => {
      await Promise.all([stop(http), stop(https)]);
    },
  };
}
