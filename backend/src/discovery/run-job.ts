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
 * the lease; a replica that finds it held skips that round. Returns a stop function.
 */
export function scheduleDiscovery(deps: AppDeps, hooks?: RecomputeHooks): () => void {
  const owner = `server:${randomUUID()}`;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    let minutes = 15;
    try {
      minutes = (await getDiscoverySettings(deps.database.db)).intervalMinutes;
      const outcome = await runDiscoveryJob(deps, owner, {}, hooks);
      if (outcome.ran)
        deps.logger.info(
          { discovery: { ...outcome.value, ruleErrors: outcome.value.ruleErrors.length } },
          'discovery recomputed',
        );
    } catch (err) {
      deps.logger.error({ err }, 'discovery recompute failed');
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), minutes * 60_000);
      timer.unref();
    }
  };
  timer = setTimeout(() => void tick(), 5_000);
  timer.unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
