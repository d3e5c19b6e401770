/** @sightline/policies: the CEL policy engine, policy file formats, validation, compilation, evaluation and dry run. Browser-safe. */
export { type CelStaticType, type FieldSpec, typeName } from './cel-type.ts';
export type { CompiledDlp, DlpSettings } from './compile-dlp.ts';
export {
  type CompiledPolicySet,
  compilePolicySet,
  type PolicySetIssue,
  type PolicySetResult,
  type PolicySource,
} from './compile-policy-set.ts';
export type { CompiledClassification, CompiledExposure } from './compile-rules.ts';
export {
  type AccountType,
  accountTypes,
  type Confidence,
  type DlpActionName,
  type DlpActionTable,
  type DlpCategory,
  dlpActionNames,
  dlpCategories,
  type ServiceStatus,
  type Severity,
  serviceStatuses,
  severities,
  severityRank,
} from './dimensions.ts';
export { type DlpCellChange, type DryRunReport, dryRun } from './dry-run.ts';
export {
  type Alert,
  type AssetClassification,
  classifyAsset,
  type EvaluationInput,
  type EvaluationResult,
  evaluatePolicySet,
  type RuleError,
} from './evaluate.ts';
export {
  type AssetInput,
  assetType,
  type EventInput,
  eventType,
  type SubjectKind,
  subjectTypes,
} from './input-schema.ts';
export {
  type ClassificationPolicy,
  type DlpActionsPolicy,
  type ExposurePolicy,
  type Policy,
  type PolicyKind,
  policyKinds,
  policySchema,
} from './policy-schema.ts';
export { canonicalPolicySet, type PolicyDocuments, snapshotId } from './snapshot-id.ts';
export { renderTemplate } from './template.ts';
export { type PolicyIssue, type ValidationResult, validatePolicy } from './validate-policy.ts';
