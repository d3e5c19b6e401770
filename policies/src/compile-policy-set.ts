/** Compiles the three documents of a policy set once; the result is what evaluation and the bundle use. */
import type { CompiledDlp, DlpSettings } from './compile-dlp.ts';
import { formatPath } from './compile-issue.ts';
import type { CompiledClassification, CompiledExposure } from './compile-rules.ts';
import type { DlpActionTable } from './dimensions.ts';
import type { Policy, PolicyKind } from './policy-schema.ts';
import { type PolicyDocuments, snapshotId } from './snapshot-id.ts';
import { analysePolicy, type CompiledDocument, checkPolicy, type PolicyIssue } from './validate-policy.ts';

/** A document as YAML text, or as the `policy` value `validatePolicy` returned. */
export type PolicySource = string | Policy;

/** A problem in one document of the set; `document` is its index in the input (-1: the set as a whole). Line and column are 0 for non-text sources. */
export interface PolicySetIssue extends PolicyIssue {
  document: number;
}

/** A compiled policy set. */
export interface CompiledPolicySet {
  /** Content hash of the canonical encoding: the policy snapshot id of the evidence contract. */
  readonly snapshotId: string;
  readonly documents: PolicyDocuments;
  readonly classification: CompiledClassification;
  readonly exposure: CompiledExposure;
  /** Exactly the bundle's `dlp.actions`. */
  readonly dlpActions: DlpActionTable;
  /** The bundle's `dlp.minConfidence`, `dlp.unscannableFiles`, `dlp.maxFileBytes`. */
  readonly dlpSettings: DlpSettings;
  readonly dlp: CompiledDlp;
}

export type PolicySetResult =
  | { ok: true; set: CompiledPolicySet; warnings: PolicySetIssue[] }
  | { ok: false; errors: PolicySetIssue[]; warnings: PolicySetIssue[] };

/** Validates and compiles a policy set: exactly one classification, one exposure and one dlp-actions document. */
export function compilePolicySet(docs: readonly PolicySource[]): PolicySetResult {
  const errors: PolicySetIssue[] = [];
  const warnings: PolicySetIssue[] = [];
  const found = new Map<PolicyKind, { index: number; policy: Policy; document: CompiledDocument }>();
  docs.forEach((source, document) => {
    const result = typeof source === 'string' ? analysePolicy(source) : located(checkPolicy(source));
    warnings.push(...result.warnings.map((w) => ({ document, ...w })));
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ document, ...e })));
      return;
    }
    const earlier = found.get(result.policy.kind);
    if (earlier) {
      errors.push(
        issue(document, 'kind', `a second ${result.policy.kind} document (the first is document ${earlier.index})`),
      );
    } else {
      found.set(result.policy.kind, { index: document, policy: result.policy, document: result.document });
    }
  });
  const classification = found.get('classification')?.document;
  const exposure = found.get('exposure')?.document;
  const dlp = found.get('dlp-actions')?.document;
  if (errors.length === 0) {
    for (const kind of ['classification', 'exposure', 'dlp-actions'] as const) {
      if (!found.has(kind)) errors.push(issue(-1, 'kind', `the set has no ${kind} document`));
    }
  }
  if (
    errors.length > 0 ||
    classification?.kind !== 'classification' ||
    exposure?.kind !== 'exposure' ||
    dlp?.kind !== 'dlp-actions'
  ) {
    return { ok: false, errors, warnings };
  }
  const documents: PolicyDocuments = {
    classification: classification.compiled.policy,
    exposure: exposure.compiled.policy,
    dlpActions: dlp.compiled.policy,
  };
  const set: CompiledPolicySet = {
    snapshotId: snapshotId(documents),
    documents,
    classification: classification.compiled,
    exposure: exposure.compiled,
    dlpActions: dlp.compiled.actions,
    dlpSettings: dlp.compiled.settings,
    dlp: dlp.compiled,
  };
  return { ok: true, set, warnings };
}

function issue(document: number, path: string, message: string): PolicySetIssue {
  return { document, path, line: 0, column: 0, message };
}

function located(result: ReturnType<typeof checkPolicy>) {
  const at = (i: { path: (string | number)[]; message: string }): PolicyIssue => ({
    path: formatPath(i.path),
    line: 0,
    column: 0,
    message: i.message,
  });
  return result.ok
    ? { ...result, warnings: result.warnings.map(at) }
    : { ok: false as const, errors: result.errors.map(at), warnings: result.warnings.map(at) };
}
