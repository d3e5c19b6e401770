/** Compiles a DLP-actions document into the total action table of the extension bundle. */
import { type CompileIssue, duplicateIds } from './compile-issue.ts';
import {
  type AccountType,
  accountTypes,
  type DlpActionTable,
  type DlpCategory,
  dlpCategories,
  type ServiceStatus,
  serviceStatuses,
} from './dimensions.ts';
import type { DlpActionsPolicy, DlpRule } from './policy-schema.ts';

/** The non-table DLP settings the bundle carries next to `actions`. */
export interface DlpSettings {
  minConfidence: DlpActionsPolicy['minConfidence'];
  unscannableFiles: DlpActionsPolicy['unscannableFiles'];
  maxFileBytes: number;
}

/** A compiled DLP document: the table, the settings, and which rule decided each cell (for explanations). */
export interface CompiledDlp {
  readonly policy: DlpActionsPolicy;
  readonly actions: DlpActionTable;
  readonly settings: DlpSettings;
  /** decidedBy[category][status][accountType]: the rule id, or `default`. */
  readonly decidedBy: Record<DlpCategory, Record<ServiceStatus, Record<AccountType, string>>>;
}

export type DlpResult = { ok: true; compiled: CompiledDlp } | { ok: false; errors: CompileIssue[] };

/** Whether a rule dimension (one value, a list, or absent for any) includes `value`. */
export function dimensionIncludes<T extends string>(dimension: T | readonly T[] | undefined, value: T): boolean {
  if (dimension === undefined) return true;
  return typeof dimension === 'string' ? dimension === value : dimension.includes(value);
}

function ruleMatches(rule: DlpRule, category: DlpCategory, status: ServiceStatus, account: AccountType): boolean {
  return (
    dimensionIncludes(rule.category, category) &&
    dimensionIncludes(rule.status, status) &&
    dimensionIncludes(rule.accountType, account)
  );
}

/** Fills every category × status × account type cell: the first matching rule wins, else `default`. A rule that decides no cell is an error. */
export function compileDlp(policy: DlpActionsPolicy): DlpResult {
  const errors = duplicateIds(policy.rules);
  const decisions = new Array<number>(policy.rules.length).fill(0);
  const actions = {} as DlpActionTable;
  const decidedBy = {} as CompiledDlp['decidedBy'];
  for (const category of dlpCategories) {
    actions[category] = {} as DlpActionTable[DlpCategory];
    decidedBy[category] = {} as CompiledDlp['decidedBy'][DlpCategory];
    for (const status of serviceStatuses) {
      actions[category][status] = {} as Record<AccountType, DlpActionTable[DlpCategory][ServiceStatus][AccountType]>;
      decidedBy[category][status] = {} as Record<AccountType, string>;
      for (const account of accountTypes) {
        const index = policy.rules.findIndex((rule) => ruleMatches(rule, category, status, account));
        const rule = policy.rules[index];
        if (rule) decisions[index] = (decisions[index] ?? 0) + 1;
        actions[category][status][account] = rule ? rule.action : policy.default;
        decidedBy[category][status][account] = rule ? rule.id : 'default';
      }
    }
  }
  policy.rules.forEach((rule, index) => {
    if (decisions[index] === 0) {
      errors.push({
        path: ['rules', index],
        message: `rule '${rule.id}' never applies: every cell it matches is decided by an earlier rule`,
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const settings = {
    minConfidence: policy.minConfidence,
    unscannableFiles: policy.unscannableFiles,
    maxFileBytes: policy.maxFileBytes,
  };
  return { ok: true, compiled: { policy, actions, settings, decidedBy } };
}
