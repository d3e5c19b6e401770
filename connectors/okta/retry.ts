/** Retry with backoff for connector requests, honouring the vendor's rate-limit wait when it gives one. */

/** What to do with a failed attempt: give up, or retry (after `delayMs` when the vendor said how long). */
export interface RetryDecision {
  retry: boolean;
  delayMs?: number;
  /** A rate-limit wait (counted separately in progress and logs). */
  throttled?: boolean;
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  signal?: AbortSignal;
  classify(error: unknown): RetryDecision;
  /** Called before each wait, e.g. to log or count throttling. */
  onWait?(info: { attempt: number; delayMs: number; throttled: boolean; error: unknown }): void;
  /** First backoff delay for errors without a vendor delay; doubles each attempt (with jitter), capped at `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest vendor-requested wait we accept before giving up (a reset hours away is not transient). */
  maxVendorDelayMs?: number;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `fn`, retrying failures `classify` calls transient, with exponential backoff or the vendor's delay. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  const vendorCap = options.maxVendorDelayMs ?? 15 * 60_000;
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn();
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const decision = options.classify(error);
      if (!decision.retry || attempt >= options.maxRetries) throw error;
      if (decision.delayMs !== undefined && decision.delayMs > vendorCap) throw error;
      const backoff = Math.min(cap, base * 2 ** attempt) * (0.5 + Math.random() / 2);
      const delayMs = decision.delayMs ?? backoff;
      options.onWait?.({ attempt: attempt + 1, delayMs, throttled: decision.throttled ?? false, error });
      await sleep(delayMs, options.signal);
    }
  }
}
