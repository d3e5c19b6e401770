import { compilePolicySet } from '@sightline/policies';
import { readDefaultPolicies } from '@sightline/policies/node';
import type { DlpPolicy, DlpPolicySource } from './build-bundle.ts';

/** Compiles the shipped default policy set (policies/defaults/*.yaml); throws at start-up if it does not compile. */
export function compileDefaultDlpPolicy(): { snapshotId: string; policy: DlpPolicy } {
  const compiled = compilePolicySet(readDefaultPolicies().map((f) => f.text));
  if (!compiled.ok) {
    const lines = compiled.errors.map((e) => `  document ${e.document}: ${e.path} (line ${e.line}): ${e.message}`);
    throw new Error(`the default policies in policies/defaults do not compile:\n${lines.join('\n')}`);
  }
  const { dlpActions, dlpSettings, snapshotId } = compiled.set;
  return {
    snapshotId,
    policy: {
      minConfidence: dlpSettings.minConfidence,
      actions: dlpActions,
      unscannableFiles: dlpSettings.unscannableFiles,
      maxFileBytes: dlpSettings.maxFileBytes,
      customDetectors: [],
    },
  };
}

/**
 * The DLP policy the bundle carries: the shipped defaults, compiled once. (The policy store, with versions an
 * admin edits, replaces this source; until then the defaults are the organisation's policy.)
 */
export function defaultDlpPolicySource(): DlpPolicySource {
  const { policy } = compileDefaultDlpPolicy();
  return async () => policy;
}
