/** One measured figure. `target` and `direction` say what the issue asks for; `pass` is computed from them. */
export interface BenchResult {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** The figure to reach, if the issue sets one. */
  target?: number;
  /** `min`: value must be at least target (throughput); `max`: at most target (latency, size). */
  direction?: 'min' | 'max';
  /** Free-form detail printed under the table (e.g. a ratio's inputs). */
  note?: string;
}

/** A package's benchmark: runs its measurements and returns the figures. */
export type Bench = (options: { quick: boolean }) => Promise<BenchResult[]>;
