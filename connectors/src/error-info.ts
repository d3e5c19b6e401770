import type { HeaderSource } from './rate-limit.ts';

/** What the SDKs' various error shapes say, normalised. */
export interface ErrorInfo {
  /** HTTP status, when the failure was an HTTP response. */
  status?: number;
  headers?: HeaderSource;
  /** The vendor's error code or reason (Okta `E0000011`, Graph `Authorization_RequestDenied`, Slack `invalid_auth`, Google `insufficientPermissions`). */
  vendorCode?: string;
  /** A Node/undici network error code somewhere in the cause chain (`ECONNREFUSED`, `ENOTFOUND`, ...). */
  networkCode?: string;
  /** Seconds the SDK already parsed for us (Slack's rate-limited error). */
  retryAfterSeconds?: number;
  /** The request was aborted by our own signal (cancel), not by the network. */
  aborted: boolean;
  message: string;
}

type Loose = Record<string, unknown> & { cause?: unknown };

const asObject = (v: unknown): Loose | undefined => (v && typeof v === 'object' ? (v as Loose) : undefined);
const asNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n < 600 ? n : undefined;
};
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const networkCodePattern = /^(E[A-Z_]+|UND_ERR_[A-Z_]+|CERT_[A-Z_]+|[A-Z_]*CERT[A-Z_]*|ERR_TLS_[A-Z_]+)$/;

/** The vendor error code from a response body (Okta, Graph, Google, Slack and OAuth token-endpoint shapes). */
function bodyCode(body: Loose | undefined): string | undefined {
  if (!body) return undefined;
  const error = body.error;
  const errObj = asObject(error);
  const firstGoogle = asObject(Array.isArray(errObj?.errors) ? errObj.errors[0] : undefined);
  return (
    asString(body.errorCode) ??
    asString(firstGoogle?.reason) ??
    asString(errObj?.code) ??
    (typeof errObj?.status === 'string' ? errObj.status : undefined) ??
    asString(error)
  );
}

/** Extracts status, headers, vendor code and network code from any SDK error (and its `cause` chain). */
export function inspectError(err: unknown): ErrorInfo {
  const info: ErrorInfo = { aborted: false, message: err instanceof Error ? err.message : String(err) };
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && !seen.has(current) && seen.size < 8) {
    seen.add(current);
    const e = asObject(current);
    if (!e) break;
    const response = asObject(e.response);
    info.status ??= asNumber(e.status) ?? asNumber(e.statusCode) ?? asNumber(response?.status);
    info.headers ??= (e.headers ?? response?.headers) as HeaderSource;
    const data = asObject(e.data) ?? asObject(response?.data) ?? asObject(e.body) ?? asObject(e.errorResponse);
    const code = asString(e.code);
    info.vendorCode ??=
      asString(e.errorCode) ?? bodyCode(data) ?? (code && !networkCodePattern.test(code) ? code : undefined);
    if (code && networkCodePattern.test(code)) info.networkCode ??= code;
    if (typeof e.retryAfter === 'number') info.retryAfterSeconds ??= e.retryAfter;
    if (e.name === 'AbortError') info.aborted = true;
    if (e.name === 'TimeoutError') info.networkCode ??= 'ETIMEDOUT';
    current = e.cause ?? e.original ?? e.error;
  }
  // Slack wraps everything: its own codes say which kind of failure this is.
  if (info.vendorCode === 'slack_webapi_platform_error' || info.vendorCode === 'slack_webapi_rate_limited_error') {
    const slack = asObject(asObject(err)?.data);
    info.vendorCode =
      asString(slack?.error) ?? (info.retryAfterSeconds !== undefined ? 'ratelimited' : info.vendorCode);
  }
  return info;
}
