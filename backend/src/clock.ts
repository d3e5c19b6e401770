/** The current time. Passed in everywhere so tests can fake it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock tests can move forward. */
export function manualClock(
  start = new Date('2026-11-01T09:00:00Z'),
): Clock & { advance(ms: number): void; set(d: Date): void } {
  let now = start.getTime();
  const clock = (() => new Date(now)) as Clock & { advance(ms: number): void; set(d: Date): void };
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (d) => {
    now = d.getTime();
  };
  return clock;
}
