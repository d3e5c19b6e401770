import type { Clock } from '../clock.ts';

export interface RateLimiter {
  /** Counts one hit for `key`; when over the limit, says how many seconds until the window frees up. */
  hit(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
}

/**
 * Sliding-window limiter held in memory (per replica): `limit` hits per `windowMs`, estimated from the current and
 * previous fixed windows. Keys are evicted as their windows pass, so memory is bounded by active clients.
 */
export function createRateLimiter(opts: {
  limit: number;
  windowMs: number;
  clock: Clock;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; count: number; prev: number }>();
  const maxKeys = opts.maxKeys ?? 100_000;
  return {
    hit(key) {
      const now = opts.clock().getTime();
      const start = now - (now % opts.windowMs);
      let w = windows.get(key);
      if (!w || w.start < start - opts.windowMs) {
        w = { start, count: 0, prev: 0 };
      } else if (w.start < start) {
        w = { start, count: 0, prev: w.count };
      }
      if (!windows.has(key) && windows.size >= maxKeys) {
        for (const [k, v] of windows) if (v.start < start) windows.delete(k);
      }
      const weight = 1 - (now - start) / opts.windowMs;
      const estimate = w.prev * weight + w.count;
      if (estimate >= opts.limit) {
        windows.set(key, w);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + opts.windowMs - now) / 1000)) };
      }
      w.count++;
      windows.set(key, w);
      return { ok: true };
    },
  };
}
