/**
 * The AI asset state machine: `detected → evaluated → governed | ungoverned | suppressed`.
 * A recompute takes every asset through `evaluated` again, so the settled states lead back to `evaluated`.
 */
import type { AssetState } from '../db/schema.ts';

const transitions: Record<AssetState, readonly AssetState[]> = {
  detected: ['evaluated'],
  evaluated: ['governed', 'ungoverned', 'suppressed'],
  governed: ['evaluated'],
  ungoverned: ['evaluated'],
  suppressed: ['evaluated'],
};

/** True when the machine allows `from → to` (staying in a state is always allowed). */
export function canTransition(from: AssetState, to: AssetState): boolean {
  return from === to || transitions[from].includes(to);
}

/** Returns `to`, or throws when the machine does not allow `from → to` (a programming error, never data). */
export function transition(from: AssetState, to: AssetState): AssetState {
  if (!canTransition(from, to)) throw new Error(`asset state ${from} → ${to} is not allowed`);
  return to;
}

/** The decisions an asset's settled state depends on. */
export interface SettleInput {
  /** A service_governance row exists (somebody decided). */
  decided: boolean;
  /** The status in force (the organisation's default when nobody decided). */
  status: 'sanctioned' | 'tolerated' | 'unsanctioned' | 'blocked';
  /** An operator suppressed the asset itself (latest asset decision is `asset.suppressed`, unexpired). */
  operatorSuppressed: boolean;
  /** Findings on the asset that are not resolved, and how many of them are suppressed (unexpired). */
  liveFindings: number;
  suppressedFindings: number;
}

/**
 * The settled state of an evaluated asset: suppressed when an operator suppressed it or every live finding
 * is suppressed; governed when somebody decided sanctioned, tolerated or blocked; otherwise (unsanctioned, or
 * nobody decided) ungoverned.
 */
export function settledState(input: SettleInput): 'governed' | 'ungoverned' | 'suppressed' {
  if (input.operatorSuppressed) return 'suppressed';
  if (input.liveFindings > 0 && input.suppressedFindings === input.liveFindings) return 'suppressed';
  if (input.decided && input.status !== 'unsanctioned') return 'governed';
  return 'ungoverned';
}
