/** Retry delays: exponential from `baseMs`, capped at `maxMs`, with "equal jitter" (half fixed, half random). */
export function backoffDelay(
  failures: number,
  options: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const { baseMs = 2_000, maxMs = 10 * 60_000, random = Math.random } = options;
  if (failures <= 0) return 0;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
