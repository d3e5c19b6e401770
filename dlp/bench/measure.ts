/** Median of `runs` timings (ms) of `fn`, after `warmup` untimed calls. */
export function medianMs(fn: () => unknown, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The given percentile (0-100) of `runs` timings (ms) of `fn`. */
export function percentileMs(fn: () => unknown, runs: number, percentile: number): number {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.ceil((percentile / 100) * times.length) - 1)]!;
}

/** Megabytes per second for `chars` UTF-16 code units (1 MB = 2^20 characters) scanned in `ms`. */
export function mbPerSecond(chars: number, ms: number): number {
  return chars / 2 ** 20 / (ms / 1000);
}
