import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';

/** A request error with a stable machine-readable code; rendered as `{ error: { code, message, details? } }`. */
export class ApiError extends HTTPException {
  readonly code: string;
  readonly details: unknown;
  readonly headers: Record<string, string>;
  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(status, { message });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const codeByStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
};

/** Field errors of a zod error as `[{ path, message }]`. */
export function zodDetails(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Renders any thrown value as the error model. Unexpected errors become a logged 500 with no internals. */
export function renderError(err: unknown, c: Context, log: (err: unknown) => void) {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.details !== undefined) body.error.details = err.details;
    return c.json(body, err.status);
  }
  if (err instanceof ZodError) {
    return c.json(
      { error: { code: 'invalid_request', message: 'The request is invalid.', details: zodDetails(err) } },
      400,
    );
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const message = /malformed json/i.test(err.message)
      ? 'The request body is not valid JSON.'
      : err.message || 'Request failed.';
    const code = /malformed json/i.test(err.message) ? 'malformed_json' : (codeByStatus[status] ?? 'error');
    return c.json({ error: { code, message } }, status);
  }
  log(err);
  return c.json(
    { error: { code: 'internal_error', message: 'Internal error. It has been logged with the request id.' } },
    500,
  );
}
