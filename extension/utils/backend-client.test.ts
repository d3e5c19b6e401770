import { describe, expect, it } from 'vitest';
import { BackendError, createBackendClient, parseRetryAfter } from './backend-client.ts';
import { defaultBundle } from './default-bundle.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-21T10:00:00Z');
  it.each([
    { header: null, ms: null },
    { header: '30', ms: 30_000 },
    { header: ' 0 ', ms: 0 },
    { header: 'Sat, 21 Nov 2026 10:01:00 GMT', ms: 60_000 },
    { header: 'Sat, 21 Nov 2026 09:00:00 GMT', ms: 0 },
    { header: 'soon', ms: null },
  ])('$header → $ms', ({ header, ms }) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});

describe('backend client', () => {
  const record = (responses: Response[]) => {
    const requests: { url: string; init: RequestInit }[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      const next = responses.shift();
      if (!next) throw new TypeError('Failed to fetch');
      return next;
    }) as unknown as typeof globalThis.fetch;
    return { requests, fetch };
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  it('sends the ETag and the device token, and treats 304 as unchanged', async () => {
    const bundle = defaultBundle();
    const { requests, fetch } = record([json(200, bundle, { etag: '"abc"' }), new Response(null, { status: 304 })]);
    const client = createBackendClient('https://s.example.com/', fetch);
    expect(await client.fetchBundle('sldev_x', null)).toEqual({ bundle, etag: '"abc"' });
    expect(await client.fetchBundle('sldev_x', '"abc"')).toBeNull();
    expect(requests.map((r) => r.url)).toEqual([
      'https://s.example.com/api/v1/extension/bundle',
      'https://s.example.com/api/v1/extension/bundle',
    ]);
    expect(requests[1]!.init.headers).toMatchObject({ authorization: 'Bearer sldev_x', 'if-none-match': '"abc"' });
    expect(requests[0]!.init.credentials).toBe('omit');
  });

  it.each([
    { name: 'network failure', responses: [], status: 0, retry: null },
    {
      name: 'revoked device',
      responses: [json(401, { error: { code: 'device_revoked', message: 'revoked' } })],
      status: 401,
      retry: null,
    },
    {
      name: 'rate limited',
      responses: [json(429, { error: { code: 'rate_limited' } }, { 'retry-after': '7' })],
      status: 429,
      retry: 7_000,
    },
    { name: 'answer off-protocol', responses: [json(200, { accepted: 1 })], status: 502, retry: null },
  ])('ingest: $name → BackendError $status', async ({ responses, status, retry }) => {
    const { fetch } = record(responses);
    const client = createBackendClient('https://s.example.com', fetch);
    const event = {
      id: '01890a5d-ac96-774b-bcce-b302099a8057',
      at: '2026-11-21T10:00:00.000Z',
      kind: 'visit',
      host: 'claude.ai',
      serviceId: 'claude',
    } as const;
    const error = await client.ingest('t', [event]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ status, retryAfterMs: retry });
  });

  it('compresses large ingest bodies with gzip', async () => {
    const events = Array.from({ length: 40 }, (_, i) => ({
      id: `01890a5d-ac96-774b-bcce-b302099a${String(8000 + i).padStart(4, '0')}`,
      at: '2026-11-21T10:00:00.000Z',
      kind: 'visit' as const,
      host: 'claude.ai',
      serviceId: 'claude',
    }));
    const answer = {
      accepted: 40,
      duplicates: 0,
      rejected: 0,
      results: events.map((e) => ({ id: e.id, status: 'accepted' })),
    };
    const { requests, fetch } = record([json(200, answer)]);
    await createBackendClient('https://s.example.com', fetch).ingest('t', events);
    expect(requests[0]!.init.headers).toMatchObject({ 'content-encoding': 'gzip', 'content-type': 'application/json' });
    const body = new Uint8Array(requests[0]!.init.body as ArrayBuffer);
    expect([body[0], body[1]]).toEqual([0x1f, 0x8b]);
  });
});
