/** Microsoft Graph client construction (client credentials via @azure/identity) and Graph error classification. */
import { Agent } from 'node:https';
import { ClientSecretCredential } from '@azure/identity';
import { Client, HTTPMessageHandler, type Middleware } from '@microsoft/microsoft-graph-client';
import type { Context } from '@microsoft/microsoft-graph-client/lib/src/IContext';
import { z } from 'zod';
import type { RetryDecision } from '../okta/retry.ts';
import type { TestProblem } from '../src/types.ts';

export const entraConfigSchema = z.object({
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  graphUrl: z
    .url()
    .default('https://graph.microsoft.com')
    .transform((u) => u.replace(/\/+$/, '')),
  authorityHost: z
    .url()
    .default('https://login.microsoftonline.com')
    .transform((u) => u.replace(/\/+$/, '')),
  /** Extra CA (PEM) to trust for the token endpoint: TLS-inspecting proxies or a test server. */
  caCertificate: z.string().optional(),
  /** Copilot usage report period. */
  copilotPeriod: z.enum(['D7', 'D30', 'D90', 'D180']).default('D30'),
  /** How far back the first sync reads sign-ins (Entra keeps 30 days with P1). */
  signInLookbackDays: z.number().int().min(1).max(30).default(30),
});
export type EntraConfig = z.output<typeof entraConfigSchema>;

export const entraPermissions = ['Application.Read.All', 'Directory.Read.All', 'AuditLog.Read.All', 'Reports.Read.All'];

/** Adds `Authorization: Bearer` from the credential to every request (any scheme/host: the base URL is checked upstream). */
class TokenMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly getToken: () => Promise<string>) {}
  async execute(context: Context): Promise<void> {
    const token = await this.getToken();
    const options = (context.options ?? {}) as RequestInit;
    const headers = new Headers(options.headers);
    headers.set('Authorization', `Bearer ${token}`);
    context.options = { ...options, headers };
    await this.next!.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The token scope for a Graph host (national clouds have their own), defaulting to global Graph. */
function scopeFor(graphUrl: string): string {
  const host = new URL(graphUrl).hostname;
  const known = [
    'graph.microsoft.com',
    'graph.microsoft.us',
    'dod-graph.microsoft.us',
    'microsoftgraph.chinacloudapi.cn',
  ];
  return `https://${known.includes(host) ? host : 'graph.microsoft.com'}/.default`;
}

/** Builds the Graph client over a ClientSecretCredential; retries are ours, so no RetryHandler in the chain. */
export function createGraphClient(config: EntraConfig): { client: Client; getToken: () => Promise<string> } {
  const credential = new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret, {
    authorityHost: config.authorityHost,
    disableInstanceDiscovery: config.authorityHost !== 'https://login.microsoftonline.com',
    retryOptions: { maxRetries: 1 },
    ...(config.caCertificate ? { agent: new Agent({ ca: config.caCertificate, keepAlive: true }) } : {}),
  } as ConstructorParameters<typeof ClientSecretCredential>[3]);
  const scope = scopeFor(config.graphUrl);
  const getToken = async () => {
    const t = await credential.getToken(scope);
    if (!t) throw new Error('no token from the credential');
    return t.token;
  };
  const auth = new TokenMiddleware(getToken);
  const http = new HTTPMessageHandler();
  auth.setNext(http);
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: config.graphUrl, defaultVersion: 'v1.0' });
  return { client, getToken };
}

/** Splits an absolute Graph link (nextLink/deltaLink) into version and path for `client.api(path).version(v)`. */
export function graphLinkParts(link: string): { version: string; path: string } {
  const url = new URL(link);
  const [, version, ...rest] = url.pathname.split('/');
  return { version: version ?? 'v1.0', path: `/${rest.join('/')}${url.search}` };
}

interface GraphErrorShape {
  statusCode?: number;
  code?: string;
  message?: string;
  headers?: Headers;
  errorResponse?: { error?: string; errorDescription?: string };
  cause?: { code?: string };
}

const networkCodes = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH'];

function networkCode(e: GraphErrorShape): string | undefined {
  const text = `${e.code ?? ''} ${e.cause?.code ?? ''} ${e.message ?? ''}`;
  if (/endpoints_resolution_error/.test(text)) return 'token endpoint unreachable';
  return networkCodes.find((c) => text.includes(c)) ?? (/fetch failed/.test(text) ? 'fetch failed' : undefined);
}

/** Retry decision for a Graph failure: 429 / 503 / 504 (honouring Retry-After), other 5xx and resets. */
export function graphRetryDecision(error: unknown): RetryDecision {
  const e = (error ?? {}) as GraphErrorShape;
  if (e.statusCode === 429 || e.statusCode === 503 || e.statusCode === 504) {
    const after = e.headers?.get?.('retry-after');
    const delayMs = after && /^\d+$/.test(after) ? Number(after) * 1000 : undefined;
    return { retry: true, delayMs, throttled: e.statusCode === 429 };
  }
  if (e.statusCode !== undefined && e.statusCode >= 500) return { retry: true };
  const net = networkCode(e);
  return { retry: net !== undefined && net !== 'ENOTFOUND' && net !== 'ECONNREFUSED' };
}

export const premiumCode = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

/** Classifies a credential or Graph failure into a TestProblem with a message an admin can act on. */
export function classifyGraphError(error: unknown, config: EntraConfig): { problem: TestProblem; message: string } {
  const e = (error ?? {}) as GraphErrorShape;
  const text = `${e.message ?? ''} ${e.errorResponse?.errorDescription ?? ''}`;
  const net = networkCode(e);
  if (net)
    return {
      problem: 'unreachable',
      message: `Cannot reach Microsoft Entra / Graph (${net}). Check ${config.authorityHost} and ${config.graphUrl} and that outbound HTTPS is allowed.`,
    };
  if (/AADSTS7000215|AADSTS7000222|invalid_client/.test(text)) {
    return {
      problem: 'bad_credentials',
      message:
        'Entra ID rejected the client secret (AADSTS7000215: invalid or expired). Create a new secret under App registrations → Certificates & secrets.',
    };
  }
  if (/AADSTS700016|unauthorized_client/.test(text)) {
    return {
      problem: 'bad_credentials',
      message: `No application with client id ${config.clientId} in tenant ${config.tenantId} (AADSTS700016). Check the application (client) id.`,
    };
  }
  if (/AADSTS90002|invalid_tenant|AADSTS900023/.test(text)) {
    return {
      problem: 'bad_credentials',
      message: `Tenant ${config.tenantId} was not found (AADSTS90002). Use the directory (tenant) id from the app's overview page.`,
    };
  }
  if (e.code === premiumCode) {
    return {
      problem: 'missing_license',
      message:
        'The sign-in log needs Microsoft Entra ID P1 or P2; this tenant has neither. Other data syncs; sign-ins are skipped.',
    };
  }
  if (e.statusCode === 401)
    return {
      problem: 'bad_credentials',
      message: `Graph rejected the access token (${e.code}). Check the tenant, client id and secret.`,
    };
  if (e.statusCode === 403) {
    return {
      problem: 'missing_scope',
      message: `Graph denied access (${e.code}: ${e.message}). Grant admin consent for the application permissions ${entraPermissions.join(', ')}.`,
    };
  }
  if (e.statusCode === 429)
    return {
      problem: 'rate_limited',
      message: 'Microsoft Graph throttled the requests (429); the next run resumes from the last cursor.',
    };
  return { problem: 'unexpected', message: `Microsoft Graph request failed: ${e.message ?? String(error)}` };
}
