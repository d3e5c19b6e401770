import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import { type LeaseOutcome, withJobLease } from './job-lease.ts';
import { type RecomputeHooks, type RecomputeReport, recomputeDiscovery } from './recompute.ts';
import { getDiscoverySettings } from './settings.ts';

export const DISCOVERY_JOB = 'discovery.recompute';
const LEASE_MS = 15 * 60_000;

/** Runs one recompute under the job lease (of N replicas, one at a time); `ran: false` when another holds it. */
export function runDiscoveryJob(
  deps: AppDeps,
  owner: string,
  options: { lookbackDays?: number } = {},
  hooks?: RecomputeHooks,
): Promise<LeaseOutcome<RecomputeReport>> {
  return withJobLease(deps.database.db, { name: DISCOVERY_JOB, owner, now: deps.clock, ttlMs: LEASE_MS }, () =>
    recomputeDiscovery(deps, { now: deps.clock(), lookbackDays: options.lookbackDays }, hooks),
  );
}

/**
 * Starts the periodic recompute of one server: every interval (discovery settings, re-read each time) it tries
 * the lease; a replica that finds it held skips that round. Returns a stop function that waits for a run in flight.
 */
export function scheduleDiscovery(deps: AppDeps, hooks?: RecomputeHooks): () => Promise<void> {
  const owner = `server:${randomUUID()}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const later = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = undefined;
      });
    }, ms);
    timer.unref();
  };
  const tick = async () => {
    let minutes = 15;
    try {
      minutes = (await getDiscoverySettings(deps.database.db)).intervalMinutes;
      const outcome = await runDiscoveryJob(deps, owner, {}, hooks);
      if (outcome.ran) {
        const { ruleErrors, ...report } = outcome.value;
        deps.logger.info({ discovery: { ...report, ruleErrors: ruleErrors.length } }, 'discovery recomputed');
      }
    } catch (err) {
      deps.logger.error({ err }, 'discovery recompute failed');
    }
    later(minutes * 60_000);
  };
  later(5_000);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
