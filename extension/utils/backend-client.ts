import {
  type Bundle,
  bundleSchema,
  type DeviceEvent,
  type EnrollRequest,
  type EnrollResponse,
  enrollResponseSchema,
  type IngestResponse,
  ingestResponseSchema,
} from '@sightline/backend/protocol';

/** A failed backend call: `status` 0 means the network failed; `retryAfterMs` comes from a Retry-After header. */
export class BackendError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackendError';
  }
}

type Fetch = typeof fetch;

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function call(doFetch: Fetch, url: string, init: RequestInit, now: () => number): Promise<Response> {
  let res: Response;
  try {
    res = await doFetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (cause) {
    throw new BackendError(`cannot reach ${new URL(url).origin}`, 0, null, { cause });
  }
  if (res.ok || res.status === 304) return res;
  let detail = '';
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    detail = body.error?.message ?? body.error?.code ?? '';
  } catch {
    // Not JSON: the status says enough.
  }
  throw new BackendError(
    `${init.method ?? 'GET'} ${new URL(url).pathname} answered ${res.status}${detail ? `: ${detail}` : ''}`,
    res.status,
    parseRetryAfter(res.headers.get('retry-after'), now()),
  );
}

async function gzip(text: string): Promise<ArrayBuffer | null> {
  if (typeof CompressionStream === 'undefined') return null;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/** The three backend calls the extension makes, over an injectable fetch. */
export function createBackendClient(serverUrl: string, doFetch: Fetch = fetch, now: () => number = Date.now) {
  const base = serverUrl.replace(/\/+$/, '');
  return {
    /** POST /api/v1/enroll: trades the enrolment token for a device token. */
    async enroll(request: EnrollRequest): Promise<EnrollResponse> {
      const res = await call(
        doFetch,
        `${base}/api/v1/enroll`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
        now,
      );
      const parsed = enrollResponseSchema.safeParse(await res.json());
      if (!parsed.success) throw new BackendError('enrolment answer does not match the protocol', 502);
      return parsed.data;
    },

    /** GET /api/v1/extension/bundle with If-None-Match: null when unchanged (304). */
    async fetchBundle(token: string, etag: string | null): Promise<{ bundle: Bundle; etag: string } | null> {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (etag) headers['if-none-match'] = etag;
      const res = await call(doFetch, `${base}/api/v1/extension/bundle`, { method: 'GET', headers }, now);
      if (res.status === 304) return null;
      const parsed = bundleSchema.safeParse(await res.json());
      if (!parsed.success) throw new BackendError('bundle does not match the protocol', 502);
      return { bundle: parsed.data, etag: res.headers.get('etag') ?? `"${parsed.data.version}"` };
    },

    /** POST /api/v1/ingest: one batch, gzip-compressed when the browser can. */
    async ingest(token: string, events: readonly DeviceEvent[]): Promise<IngestResponse> {
      const json = JSON.stringify({ events });
      const compressed = json.length > 2048 ? await gzip(json) : null;
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      if (compressed) headers['content-encoding'] = 'gzip';
      const res = await call(
        doFetch,
        `${base}/api/v1/ingest`,
        { method: 'POST', headers, body: compressed ?? json },
        now,
      );
      const parsed = ingestResponseSchema.safeParse(await res.json());
      if (!parsed.success || parsed.data.results.length !== events.length) {
        throw new BackendError('ingest answer does not match the protocol', 502);
      }
      return parsed.data;
    },
  };
}
export type BackendClient = ReturnType<typeof createBackendClient>;
