import { inspectError } from './error-info.ts';
import { isRateLimited } from './rate-limit.ts';
import { ConnectorError, type TestProblem, type TestResult } from './types.ts';

/** Vendor error codes whose meaning the HTTP status alone does not tell (merged with a vendor's own `codes`). */
export const knownVendorCodes: Record<string, TestProblem> = {
  // Okta
  E0000011: 'bad_credentials', // invalid token
  E0000004: 'bad_credentials', // authentication failed
  E0000006: 'missing_scope', // you do not have permission
  E0000015: 'missing_license', // feature not enabled for the org
  E0000047: 'rate_limited',
  invalid_client: 'bad_credentials', // OAuth token endpoint (Okta, Entra, Google)
  invalid_grant: 'bad_credentials',
  invalid_scope: 'missing_scope',
  unauthorized_client: 'missing_scope', // Google: domain-wide delegation not granted for these scopes
  // Microsoft Graph
  InvalidAuthenticationToken: 'bad_credentials',
  Authorization_RequestDenied: 'missing_scope',
  Authentication_RequestFromNonPremiumTenantOrB2CTenant: 'missing_license',
  // Google
  insufficientPermissions: 'missing_scope',
  forbidden: 'missing_scope',
  authError: 'bad_credentials',
  userRateLimitExceeded: 'rate_limited',
  rateLimitExceeded: 'rate_limited',
  quotaExceeded: 'rate_limited',
  // Slack
  invalid_auth: 'bad_credentials',
  not_authed: 'bad_credentials',
  token_revoked: 'bad_credentials',
  token_expired: 'bad_credentials',
  account_inactive: 'bad_credentials',
  missing_scope: 'missing_scope',
  not_allowed_token_type: 'missing_scope',
  not_an_admin: 'missing_scope',
  team_not_on_enterprise: 'missing_license',
  paid_only: 'missing_license',
  feature_not_enabled: 'missing_license',
  ratelimited: 'rate_limited',
};

const unreachableCodes =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_.*|.*CERT.*|ERR_TLS_.*)$/;

const advice: Record<TestProblem, (label: string) => string> = {
  bad_credentials: (l) =>
    `${l} rejected the credentials. Check the token, client id, key or secret, and that the app or token is still active.`,
  missing_scope: (l) =>
    `${l} accepted the credentials but refused access. Grant the scopes or admin role listed in the connector's set-up notes.`,
  missing_license: (l) => `${l} requires a plan or licence this organisation does not have for this data.`,
  unreachable: (l) => `${l} could not be reached. Check the base URL, DNS and outbound network access.`,
  rate_limited: (l) => `${l} is throttling requests. The sync will resume on its next run.`,
  unexpected: (l) => `${l} returned an unexpected error.`,
};

export interface ClassifyOptions {
  /** Vendor name for messages, e.g. `Okta`. */
  label: string;
  /** Vendor-specific codes, checked before `knownVendorCodes`. */
  codes?: Record<string, TestProblem>;
}

export interface ClassifiedProblem {
  problem: TestProblem;
  /** An admin-actionable sentence, followed by what the vendor said. */
  message: string;
  details: { status?: number; code?: string; network?: string };
}

/**
 * Maps any failure to a `TestProblem`: vendor code first, then throttling, then 401 → bad_credentials,
 * 403 → missing_scope, 402 → missing_license, network errors and timeouts → unreachable, else unexpected.
 * A `ConnectorError` keeps its own problem and message.
 */
export function classifyProblem(err: unknown, options: ClassifyOptions): ClassifiedProblem {
  if (err instanceof ConnectorError) return { problem: err.problem, message: err.message, details: {} };
  const info = inspectError(err);
  const code = info.vendorCode;
  const byCode = code ? (options.codes?.[code] ?? knownVendorCodes[code]) : undefined;
  let problem: TestProblem;
  if (byCode) problem = byCode;
  else if (isRateLimited(info.status, info.headers, code) || info.retryAfterSeconds !== undefined)
    problem = 'rate_limited';
  else if (info.status === 401) problem = 'bad_credentials';
  else if (info.status === 403) problem = 'missing_scope';
  else if (info.status === 402) problem = 'missing_license';
  else if (info.status === undefined && info.networkCode && unreachableCodes.test(info.networkCode))
    problem = 'unreachable';
  else if (info.status === undefined && /fetch failed|socket hang up|network/i.test(info.message))
    problem = 'unreachable';
  else problem = 'unexpected';
  const said = [info.status && `HTTP ${info.status}`, code, info.networkCode].filter(Boolean).join(' ');
  const vendorMessage = info.message.slice(0, 300);
  return {
    problem,
    message: `${advice[problem](options.label)}${said ? ` (${said}: ${vendorMessage})` : ` (${vendorMessage})`}`,
    details: { status: info.status, code, network: info.networkCode },
  };
}

/** A failed `TestResult` for a failure, with the classified problem and message. */
export function failedTest(err: unknown, options: ClassifyOptions): TestResult {
  const c = classifyProblem(err, options);
  return { ok: false, problem: c.problem, message: c.message, details: c.details };
}

/** Wraps any failure as a `ConnectorError` with its classified problem (for `sync` to throw). */
export function toConnectorError(err: unknown, options: ClassifyOptions): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const c = classifyProblem(err, options);
  return new ConnectorError(c.problem, c.message, { cause: err });
}
