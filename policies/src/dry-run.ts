/** Dry run: what a draft policy set would change compared with the current one, over the same data. */

import type { DlpSettings } from './compile-dlp.ts';
import type { CompiledPolicySet } from './compile-policy-set.ts';
import {
  type AccountType,
  accountTypes,
  type DlpActionName,
  type DlpCategory,
  dlpCategories,
  type ServiceStatus,
  type Severity,
  serviceStatuses,
} from './dimensions.ts';
import {
  type Alert,
  type AssetClassification,
  type EvaluationInput,
  evaluatePolicySet,
  type RuleError,
} from './evaluate.ts';

export interface DlpCellChange {
  category: DlpCategory;
  status: ServiceStatus;
  accountType: AccountType;
  from: DlpActionName;
  to: DlpActionName;
}

export interface DryRunReport {
  current: { snapshotId: string };
  draft: { snapshotId: string };
  alerts: {
    /** Raised by the draft, not by the current set. */
    added: Alert[];
    /** Raised by the current set, not by the draft. */
    removed: Alert[];
    severityChanged: { ruleId: string; subjectId: string; from: Severity; to: Severity }[];
    messageChanged: { ruleId: string; subjectId: string; from: string; to: string }[];
  };
  classification: {
    severityChanged: { assetId: string; from: Severity; to: Severity }[];
    flagsChanged: { assetId: string; flag: 'reviewOverdue' | 'enrolmentRecommended'; from: boolean; to: boolean }[];
  };
  dlpActions: DlpCellChange[];
  dlpSettings: { setting: keyof DlpSettings; from: string | number; to: string | number }[];
  /** Rules that failed on the sample data, per set. */
  errors: { current: RuleError[]; draft: RuleError[] };
}

/** Evaluates `draft` and `current` over the same samples and reports every difference. Pure. */
export function dryRun(args: {
  draft: CompiledPolicySet;
  current: CompiledPolicySet;
  samples: EvaluationInput;
}): DryRunReport {
  const before = evaluatePolicySet(args.current, args.samples);
  const after = evaluatePolicySet(args.draft, args.samples);
  const key = (a: Alert) => `${a.ruleId}\u0000${a.subjectKind}\u0000${a.subjectId}`;
  const beforeAlerts = new Map(before.alerts.map((a) => [key(a), a]));
  const afterAlerts = new Map(after.alerts.map((a) => [key(a), a]));
  const report: DryRunReport = {
    current: { snapshotId: args.current.snapshotId },
    draft: { snapshotId: args.draft.snapshotId },
    alerts: {
      added: after.alerts.filter((a) => !beforeAlerts.has(key(a))),
      removed: before.alerts.filter((a) => !afterAlerts.has(key(a))),
      severityChanged: [],
      messageChanged: [],
    },
    classification: compareClassifications(before.classifications, after.classifications),
    dlpActions: compareTables(args.current, args.draft),
    dlpSettings: [],
    errors: { current: before.errors, draft: after.errors },
  };
  for (const [k, to] of afterAlerts) {
    const from = beforeAlerts.get(k);
    if (!from) continue;
    const id = { ruleId: to.ruleId, subjectId: to.subjectId };
    if (from.severity !== to.severity)
      report.alerts.severityChanged.push({ ...id, from: from.severity, to: to.severity });
    if (from.message !== to.message) report.alerts.messageChanged.push({ ...id, from: from.message, to: to.message });
  }
  for (const setting of ['minConfidence', 'unscannableFiles', 'maxFileBytes'] as const) {
    const from = args.current.dlpSettings[setting];
    const to = args.draft.dlpSettings[setting];
    if (from !== to) report.dlpSettings.push({ setting, from, to });
  }
  return report;
}

function compareClassifications(
  before: readonly AssetClassification[],
  after: readonly AssetClassification[],
): DryRunReport['classification'] {
  const out: DryRunReport['classification'] = { severityChanged: [], flagsChanged: [] };
  const previous = new Map(before.map((c) => [c.assetId, c]));
  for (const to of after) {
    const from = previous.get(to.assetId);
    if (!from) continue;
    if (from.severity !== to.severity)
      out.severityChanged.push({ assetId: to.assetId, from: from.severity, to: to.severity });
    for (const flag of ['reviewOverdue', 'enrolmentRecommended'] as const) {
      if (from[flag] !== to[flag]) out.flagsChanged.push({ assetId: to.assetId, flag, from: from[flag], to: to[flag] });
    }
  }
  return out;
}

function compareTables(current: CompiledPolicySet, draft: CompiledPolicySet): DlpCellChange[] {
  const changes: DlpCellChange[] = [];
  for (const category of dlpCategories) {
    for (const status of serviceStatuses) {
      for (const accountType of accountTypes) {
        const from = current.dlpActions[category][status][accountType];
        const to = draft.dlpActions[category][status][accountType];
        if (from !== to) changes.push({ category, status, accountType, from, to });
      }
    }
  }
  return changes;
}
