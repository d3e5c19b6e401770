import { evaluatePolicySet, type RuleError } from '@sightline/policies';
import type { AppDeps } from '../deps.ts';
import { activePolicySet } from '../policy-store/store.ts';
import { currentInputs } from './current-inputs.ts';
import { planFindings } from './finding-plan.ts';
import { pipelineHooks } from './pipeline-hooks.ts';
import { loadGovernance } from './policy-input.ts';
import { raiseAlerts } from './raise-alerts.ts';
import { raiseFindings } from './raise-findings.ts';
import { type RecomputeAssetsResult, recomputeAssets } from './recompute-assets.ts';
import { getDiscoverySettings } from './settings.ts';
import { settleStates } from './settle-states.ts';

/** What one recompute did, step by step, with timings in milliseconds. */
export interface RecomputeReport {
  at: string;
  policySnapshotId: string;
  lookbackDays: number;
  assets: RecomputeAssetsResult;
  findings: { raised: number; reopened: number; resolved: number; updated: number; total: number };
  alerts: { opened: number; refreshed: number };
  states: Record<string, number>;
  ruleErrors: RuleError[];
  exposure: unknown;
  delivery: { delivered: number; failed: number } | null;
  ms: Record<string, number>;
}

/** The steps after findings, provided by exposure and alerting; `pipelineHooks` by default (injectable for tests). */
export interface RecomputeHooks {
  computeExposure?: (deps: AppDeps, now: Date) => Promise<unknown>;
  deliverPendingAlerts?: (deps: AppDeps) => Promise<{ delivered: number; failed: number }>;
  /** Whether a webhook receives high and critical alerts (new alerts are then `pending`, else `skipped`). */
  webhookConfigured?: (deps: AppDeps) => Promise<boolean>;
}

/**
 * The discovery pipeline: assets (SQL aggregates) → tiers (with recorded changes) → findings and alerts under the
 * active policy set → settled asset states → exposure → webhook delivery. Every automated decision is recorded.
 */
export async function recomputeDiscovery(
  deps: AppDeps,
  options: { now: Date; lookbackDays?: number },
  hooks: RecomputeHooks = pipelineHooks,
): Promise<RecomputeReport> {
  const { db } = deps.database;
  const { now } = options;
  const ms: Record<string, number> = {};
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      ms[step] = Math.round(performance.now() - started);
    }
  };
  const set = await timed('policy', () => activePolicySet(db, deps.clock));
  const lookbackDays = options.lookbackDays ?? (await getDiscoverySettings(db)).lookbackDays;
  const policySnapshotId = set.snapshotId;
  const assets = await timed('assets', () => recomputeAssets(db, { now, lookbackDays, policySnapshotId }));
  const { inputs, plan, evaluation } = await timed('evaluate', async () => {
    const states = await settleStates(db, { now, governance: await loadGovernance(db), write: false });
    const inputs = await currentInputs(db, { now, lookbackDays, states });
    const evaluation = evaluatePolicySet(set, { assets: inputs.assets, events: inputs.events, now });
    return { inputs, evaluation, plan: planFindings(set, evaluation, inputs, { now, lookbackDays }) };
  });
  const raised = await timed('findings', () =>
    raiseFindings(db, plan, { now, policySnapshotId, ruleErrors: evaluation.errors }),
  );
  const alerts = await timed('alerts', async () =>
    raiseAlerts(db, plan, raised, {
      now,
      policySnapshotId,
      webhookConfigured: (await hooks.webhookConfigured?.(deps)) ?? false,
    }),
  );
  const states = await timed('states', () => settleStates(db, { now, governance: inputs.governance, write: true }));
  const exposure = hooks.computeExposure ? await timed('exposure', () => hooks.computeExposure!(deps, now)) : null;
  const delivery = hooks.deliverPendingAlerts ? await timed('delivery', () => hooks.deliverPendingAlerts!(deps)) : null;
  for (const e of evaluation.errors.slice(0, 20)) deps.logger.warn({ ruleError: e }, 'policy rule failed to evaluate');
  const stateCounts: Record<string, number> = {};
  for (const s of states.values()) stateCounts[s] = (stateCounts[s] ?? 0) + 1;
  return {
    at: now.toISOString(),
    policySnapshotId,
    lookbackDays,
    assets,
    findings: {
      raised: raised.raised,
      reopened: raised.reopened,
      resolved: raised.resolved,
      updated: raised.updated,
      total: plan.length,
    },
    alerts,
    states: stateCounts,
    ruleErrors: evaluation.errors,
    exposure,
    delivery,
    ms,
  };
}
