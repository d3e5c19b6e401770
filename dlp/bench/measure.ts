/** Wall-clock and CPU times (ms) of the timed runs, each sorted ascending. */
export interface Timings {
  wall: number[];
  cpu: number[];
}

/** Time this process has spent on the CPU, in ms (the work alone, without time other processes take from it). */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Times `runs` calls of `fn` after `warmup` untimed calls. */
export function timeRuns(fn: () => unknown, runs: number, warmup = 2): Timings {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuNow();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuNow() - c0);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { wall, cpu };
}

/** The median of sorted times. */
export function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The given percentile (0-100) of sorted times. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Megabytes per second for `chars` UTF-16 code units (1 MB = 2^20 characters) scanned in `ms`. */
export function mbPerSecond(chars: number, ms: number): number {
  return chars / 2 ** 20 / (ms / 1000);
}
