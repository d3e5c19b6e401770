/** Okta SDK client construction from a validated config, and Okta error classification. */
import { Client, DefaultRequestExecutor } from '@okta/okta-sdk-nodejs';
import { z } from 'zod';
import type { TestProblem } from '../src/types.ts';
import type { RetryDecision } from './retry.ts';

/** Scopes a service app needs (granted under Okta API Scopes on the app). */
export const oktaScopes = ['okta.apps.read', 'okta.logs.read', 'okta.users.read'] as const;

export const oktaConfigSchema = z
  .object({
    /** e.g. https://acme.okta.com (no trailing path). */
    orgUrl: z.url().transform((u) => u.replace(/\/+$/, '')),
    authMode: z.enum(['api_token', 'private_key']).default('api_token'),
    /** SSWS API token (authMode api_token). */
    apiToken: z.string().min(10).optional(),
    /** Service app client id (authMode private_key). */
    clientId: z.string().min(1).optional(),
    /** PEM or JWK (JSON) private key whose public half is registered on the service app. */
    privateKey: z.string().min(20).optional(),
    keyId: z.string().min(1).optional(),
    /** How far back the first sync reads the System Log (Okta keeps 90 days). */
    logLookbackDays: z.number().int().min(1).max(90).default(90),
  })
  .superRefine((c, ctx) => {
    if (c.authMode === 'api_token' && !c.apiToken) {
      ctx.addIssue({ code: 'custom', path: ['apiToken'], message: 'an API token is required with authMode api_token' });
    }
    if (c.authMode === 'private_key') {
      if (!c.clientId)
        ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'required with authMode private_key' });
      if (!c.privateKey) {
        ctx.addIssue({ code: 'custom', path: ['privateKey'], message: 'required with authMode private_key' });
      }
    }
  });
export type OktaConfig = z.output<typeof oktaConfigSchema>;

/** Builds the SDK client. Retries are ours (see retry.ts), so the SDK's own 429 retry and cache are off. */
export function createOktaClient(config: OktaConfig): Client {
  const common = {
    orgUrl: config.orgUrl,
    cacheMiddleware: null,
    requestExecutor: new DefaultRequestExecutor({ maxRetries: 0, requestTimeout: 0 }),
    userAgent: 'sightline-connector',
  };
  if (config.authMode === 'private_key') {
    return new Client({
      ...common,
      authorizationMode: 'PrivateKey',
      clientId: config.clientId,
      // The SDK splits a space-separated string (its config loader works on strings).
      scopes: oktaScopes.join(' ') as unknown as string[],
      privateKey: config.privateKey,
      keyId: config.keyId,
    });
  }
  return new Client({ ...common, authorizationMode: 'SSWS', token: config.apiToken });
}

/** The token endpoint refused the service app (`invalid_client`, `invalid_scope`, ...). */
export class OktaTokenError extends Error {
  override name = 'OktaTokenError';
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(`Okta token endpoint: ${error}: ${description}`);
  }
}

/**
 * Fetches the service-app access token up front. The SDK (8.1) does not check the token response's status, so a
 * refused assertion would otherwise surface later as a misleading 401 on "Bearer undefined".
 */
export async function ensureOktaToken(client: Client): Promise<void> {
  if (!client.oauth) return;
  const token = (await client.oauth.getAccessToken()) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (token.access_token) return;
  client.oauth.clearCachedAccessToken();
  throw new OktaTokenError(token.error ?? 'no_token', token.error_description ?? 'no access_token in the response');
}

interface OktaErrorShape {
  status?: number;
  errorCode?: string;
  errorSummary?: string;
  url?: string;
  code?: string;
  cause?: { code?: string };
  headers?: { get?(name: string): string | null };
  message?: string;
}

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH']);

function networkCode(e: OktaErrorShape): string | undefined {
  const code = e.code ?? e.cause?.code;
  return code && networkCodes.has(code) ? code : undefined;
}

/** Milliseconds until Okta's `X-Rate-Limit-Reset` (epoch seconds), plus a second for clock skew; undefined if absent. */
export function oktaResetDelay(error: unknown, now = Date.now()): number | undefined {
  const reset = (error as OktaErrorShape)?.headers?.get?.('x-rate-limit-reset');
  if (!reset || !/^\d+$/.test(reset)) return undefined;
  return Math.max(0, Number(reset) * 1000 - now + 1000);
}

/** Retry decision for an Okta failure: 429 (waits for the reset), 5xx and network errors; never 4xx. */
export function oktaRetryDecision(error: unknown): RetryDecision {
  const e = error as OktaErrorShape;
  if (e?.status === 429) return { retry: true, delayMs: oktaResetDelay(e), throttled: true };
  if (e?.status !== undefined && e.status >= 500) return { retry: true };
  return { retry: networkCode(e) !== undefined && networkCode(e) !== 'ENOTFOUND' };
}

/** Classifies an Okta failure into a TestProblem with a message an admin can act on. */
export function classifyOktaError(error: unknown, orgUrl: string): { problem: TestProblem; message: string } {
  const e = (error ?? {}) as OktaErrorShape;
  const net = networkCode(e);
  if (net) {
    return {
      problem: 'unreachable',
      message: `Cannot reach ${orgUrl} (${net}). Check the org URL (e.g. https://acme.okta.com) and that outbound HTTPS is allowed.`,
    };
  }
  if (error instanceof OktaTokenError) {
    if (error.error === 'invalid_scope') {
      return {
        problem: 'missing_scope',
        message: `Okta refused the service app's scopes (${error.description}) Grant ${oktaScopes.join(', ')} under the app's "Okta API Scopes" tab.`,
      };
    }
    return {
      problem: 'bad_credentials',
      message: `Okta rejected the service app credentials (${error.error}: ${error.description}). Check the client id, and that the public key for this private key (and key id) is registered on the app.`,
    };
  }
  if (e.status === 401 || e.errorCode === 'E0000011') {
    return {
      problem: 'bad_credentials',
      message:
        'Okta rejected the API token (E0000011 Invalid token provided). Create a new token under Security → API → Tokens.',
    };
  }
  if (e.status === 403 || e.errorCode === 'E0000006') {
    return {
      problem: 'missing_scope',
      message: `Okta denied access (${e.errorCode ?? 'HTTP 403'}: ${e.errorSummary || 'forbidden'}) on ${pathOf(e.url)}. Use a token of a Read-Only Administrator, or grant ${oktaScopes.join(', ')} to the service app.`,
    };
  }
  if (e.status === 429 || e.errorCode === 'E0000047') {
    return {
      problem: 'rate_limited',
      message: 'Okta rate limit reached (E0000047); the next run will resume after the reset.',
    };
  }
  if (e.status === 404) {
    return { problem: 'unreachable', message: `${orgUrl} answered 404: this does not look like an Okta org URL.` };
  }
  return { problem: 'unexpected', message: `Okta request failed: ${e.message ?? String(error)}` };
}

function pathOf(url: string | undefined): string {
  if (!url) return 'the API';
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
