import { describe, expect, it } from 'vitest';
import { parseEpochReset, parseRetryAfter, rateLimitDelay } from './rate-limit.ts';
import { retryDecision, TransientError, withRetry } from './retry.ts';
import { ConnectorError } from './types.ts';

const now = Date.parse('2026-11-01T09:00:00Z');
const httpError = (status: number, headers: Record<string, string> = {}, extra: object = {}) =>
  Object.assign(new Error(`HTTP ${status}`), { status, headers, ...extra });

describe('rate-limit headers', () => {
  it('parses Retry-After seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Sun, 01 Nov 2026 09:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 01 Nov 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('parses epoch-second resets with one second of skew', () => {
    expect(parseEpochReset(String(now / 1000 + 10), now)).toBe(11_000);
    expect(parseEpochReset('abc', now)).toBeUndefined();
  });

  it.each([
    ['Graph/Slack Retry-After', new Headers({ 'Retry-After': '3' }), 3000],
    ['Okta reset', { 'X-Rate-Limit-Reset': String(now / 1000 + 4) }, 5000],
    ['GitHub reset', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 1) }, 2000],
    ['header arrays', { 'retry-after': ['7'] }, 7000],
    ['a Map', new Map([['retry-after', '1']]), 1000],
    ['nothing', {}, undefined],
  ])('%s', (_name, headers, expected) => {
    expect(rateLimitDelay(headers, now)).toBe(expected);
  });
});

describe('retryDecision', () => {
  it.each([
    ['429 with Retry-After', httpError(429, { 'retry-after': '2' }), { retry: true, delayMs: 2000, rateLimited: true }],
    ['GitHub 403 exhausted', httpError(403, { 'x-ratelimit-remaining': '0' }), { retry: true, rateLimited: true }],
    ['Octokit shape', Object.assign(new Error('x'), { status: 503, response: { headers: {} } }), { retry: true }],
    ['Graph shape', Object.assign(new Error('x'), { statusCode: 504 }), { retry: true }],
    [
      'Slack rate limited',
      Object.assign(new Error('x'), { code: 'slack_webapi_rate_limited_error', retryAfter: 1 }),
      { retry: true, delayMs: 1000 },
    ],
    [
      'Google quota',
      Object.assign(new Error('x'), {
        status: 403,
        errors: [],
        response: { status: 403, data: { error: { errors: [{ reason: 'userRateLimitExceeded' }] } } },
      }),
      { retry: true },
    ],
    [
      'reset',
      Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
      { retry: true },
    ],
    ['explicit', new TransientError('later', 250), { retry: true, delayMs: 250 }],
    ['401', httpError(401), { retry: false }],
    ['403 missing scope', httpError(403), { retry: false }],
    ['404', httpError(404), { retry: false }],
    ['refused', Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), { retry: false }],
    ['abort', Object.assign(new Error('aborted'), { name: 'AbortError' }), { retry: false }],
    ['connector error', new ConnectorError('bad_credentials', 'no'), { retry: false }],
  ])('%s', (_name, err, expected) => {
    expect(retryDecision(err, now)).toMatchObject(expected);
  });
});

describe('withRetry', () => {
  const fastOptions = () => {
    const slept: number[] = [];
    return { slept, options: { sleep: async (ms: number) => void slept.push(ms), random: () => 0.5 } };
  };

  it('retries transient failures with exponential jittered backoff, then succeeds', async () => {
    const { slept, options } = fastOptions();
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 4) throw httpError(503);
      return 'ok';
    }, options);
    expect(result).toBe('ok');
    expect(slept).toEqual([250, 500, 1000]);
  });

  it('waits exactly what the vendor asked for', async () => {
    const { slept, options } = fastOptions();
    let calls = 0;
    await withRetry(async () => {
      if (calls++ === 0) throw httpError(429, { 'retry-after': '3' });
    }, options);
    expect(slept).toEqual([3000]);
  });

  it('gives up after maxRetries and rethrows the last failure', async () => {
    const { options } = fastOptions();
    let calls = 0;
    const err = httpError(500);
    await expect(
      withRetry(
        async () => {
          calls++;
          throw err;
        },
        { ...options, maxRetries: 2 },
      ),
    ).rejects.toBe(err);
    expect(calls).toBe(3);
  });

  it('does not retry permanent failures', async () => {
    const { options } = fastOptions();
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw httpError(401);
      }, options),
    ).rejects.toThrow('HTTP 401');
    expect(calls).toBe(1);
  });

  it('turns a wait longer than maxWaitMs into rate_limited', async () => {
    const { options } = fastOptions();
    const err = await withRetry(
      async () => {
        throw httpError(429, { 'retry-after': '3600' });
      },
      { ...options, maxWaitMs: 60_000 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).problem).toBe('rate_limited');
  });

  it('stops during the backoff when the signal aborts, with real timers', async () => {
    const controller = new AbortController();
    let calls = 0;
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('cancelled')), 50);
    await expect(
      withRetry(
        async () => {
          calls++;
          throw httpError(429, { 'retry-after': '30' });
        },
        { signal: controller.signal },
      ),
    ).rejects.toThrow('cancelled');
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('does not start when the signal is already aborted', async () => {
    let calls = 0;
    await expect(withRetry(async () => void calls++, { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(calls).toBe(0);
  });
});
