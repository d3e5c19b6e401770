import { type CompiledPolicySet, compilePolicySet } from '@sightline/policies';
import { readDefaultPolicies } from '@sightline/policies/node';
import type { Clock } from '../clock.ts';
import { activePolicySet } from '../policy-store/store.ts';
import type { DlpPolicy, DlpPolicySource } from './build-bundle.ts';

/** The bundle's DLP part of a compiled policy set. */
export function dlpPolicyOf(set: CompiledPolicySet): DlpPolicy {
  const { dlpActions, dlpSettings } = set;
  return {
    minConfidence: dlpSettings.minConfidence,
    actions: dlpActions,
    unscannableFiles: dlpSettings.unscannableFiles,
    maxFileBytes: dlpSettings.maxFileBytes,
    customDetectors: [],
  };
}

/** Compiles the shipped default policy set (policies/defaults/*.yaml); throws at start-up if it does not compile. */
export function compileDefaultDlpPolicy(): { snapshotId: string; policy: DlpPolicy } {
  const compiled = compilePolicySet(readDefaultPolicies().map((f) => f.text));
  if (!compiled.ok) {
    const lines = compiled.errors.map((e) => `  document ${e.document}: ${e.path} (line ${e.line}): ${e.message}`);
    throw new Error(`the default policies in policies/defaults do not compile:\n${lines.join('\n')}`);
  }
  return { snapshotId: compiled.set.snapshotId, policy: dlpPolicyOf(compiled.set) };
}

/** The shipped defaults, compiled once, whatever is stored (for tests and tools without a policy store). */
export function defaultDlpPolicySource(): DlpPolicySource {
  const { policy } = compileDefaultDlpPolicy();
  return async () => policy;
}

/**
 * The DLP policy the bundle carries: the active stored policy version (seeded with the shipped defaults on first
 * use), compiled once per snapshot. Saving a new version through PUT /policies changes the bundle and its ETag.
 */
export function storedDlpPolicySource(clock: Clock): DlpPolicySource {
  return async (db) => dlpPolicyOf(await activePolicySet(db, clock));
}
