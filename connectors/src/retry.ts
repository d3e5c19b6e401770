import { inspectError } from './error-info.ts';
import { isRateLimited, rateLimitDelay } from './rate-limit.ts';
import { ConnectorError } from './types.ts';

/** Thrown by connector code to mark a failure as worth retrying, optionally with the wait the vendor asked for. */
export class TransientError extends Error {
  override name = 'TransientError';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface RetryDecision {
  retry: boolean;
  /** The wait the vendor asked for, when it said. */
  delayMs?: number;
  rateLimited?: boolean;
}

const transientNetwork =
  /^(ECONNRESET|ETIMEDOUT|EAI_AGAIN|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/;

/** Whether a failure is transient: 429 and vendor throttling signals, 500/502/503/504, resets and timeouts. */
export function retryDecision(err: unknown, now: number = Date.now()): RetryDecision {
  if (err instanceof TransientError) return { retry: true, delayMs: err.retryAfterMs };
  if (err instanceof ConnectorError) return { retry: err.problem === 'rate_limited' };
  const info = inspectError(err);
  if (info.aborted) return { retry: false };
  const asked =
    info.retryAfterSeconds !== undefined ? info.retryAfterSeconds * 1000 : rateLimitDelay(info.headers, now);
  if (isRateLimited(info.status, info.headers, info.vendorCode) || info.retryAfterSeconds !== undefined) {
    return { retry: true, delayMs: asked, rateLimited: true };
  }
  if (info.status !== undefined) {
    return [500, 502, 503, 504].includes(info.status) ? { retry: true, delayMs: asked } : { retry: false };
  }
  return { retry: info.networkCode !== undefined && transientNetwork.test(info.networkCode) };
}

export interface RetryOptions {
  /** Retries after the first attempt; default 5. */
  maxRetries?: number;
  /** First backoff step; default 500 ms, doubling each attempt. */
  baseDelayMs?: number;
  /** Cap for computed backoff; default 30 s. */
  maxDelayMs?: number;
  /** Longest vendor-requested wait we honour; a longer one gives up with `rate_limited`. Default 5 min. */
  maxWaitMs?: number;
  signal?: AbortSignal;
  /** Decides whether to retry; default `retryDecision`. */
  decide?: (err: unknown) => RetryDecision;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** Waits `ms`, rejecting with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `fn`, retrying transient failures with exponential backoff and full jitter, or exactly the wait the vendor
 * asked for (Retry-After / reset headers). Stops at once when `signal` aborts. Rethrows the last failure.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxRetries = options.maxRetries ?? 5;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  const maxWait = options.maxWaitMs ?? 300_000;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const decide = options.decide ?? ((e: unknown) => retryDecision(e));
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const d = decide(error);
      if (!d.retry || attempt >= maxRetries) throw error;
      if (d.delayMs !== undefined && d.delayMs > maxWait) {
        throw new ConnectorError(
          'rate_limited',
          `The vendor asked to wait ${Math.ceil(d.delayMs / 1000)} s, longer than the ${Math.round(maxWait / 1000)} s a sync waits; the next run continues from the last committed cursor.`,
          { cause: error },
        );
      }
      const backoff = Math.min(cap, base * 2 ** attempt);
      const delayMs = d.delayMs !== undefined ? d.delayMs : Math.round(random() * backoff);
      options.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}
