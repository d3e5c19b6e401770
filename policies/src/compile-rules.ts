/** Compiles the CEL rules of classification and exposure documents once, checking them against the input schema. */
import type { CelInput } from '@bufbuild/cel';
import { type CelStaticType, t } from './cel-type.ts';
import { type CompiledExpression, compileExpression } from './compile-expression.ts';
import { type CompileIssue, duplicateIds } from './compile-issue.ts';
import { type SubjectKind, subjectTypes } from './input-schema.ts';
import { paramsInput, paramsType } from './params.ts';
import type {
  ClassificationPolicy,
  ClassificationRule,
  ExposurePolicy,
  ExposureRule,
  PolicyParams,
} from './policy-schema.ts';
import { sampleInput } from './sample-input.ts';
import { checkTemplate } from './template.ts';
import { toCelInput } from './to-cel-input.ts';

/** A rule with its planned `when` expression. */
export interface CompiledRule<R> {
  readonly rule: R;
  readonly on: SubjectKind;
  readonly when: CompiledExpression;
}

/** A compiled classification or exposure document. */
export interface CompiledRules<P, R> {
  readonly policy: P;
  readonly params: CelInput;
  readonly rules: readonly CompiledRule<R>[];
}
export type CompiledClassification = CompiledRules<ClassificationPolicy, ClassificationRule>;
export type CompiledExposure = CompiledRules<ExposurePolicy, ExposureRule>;

export type RulesResult<C> =
  | { ok: true; compiled: C; warnings: CompileIssue[] }
  | { ok: false; errors: CompileIssue[]; warnings: CompileIssue[] };

const sampleTime = toCelInput(t.timestamp, '2025-06-01T00:00:00Z');

/** The variables an expression over `on` can read. */
export function variablesFor(on: SubjectKind, params: PolicyParams): Record<string, CelStaticType> {
  return { [on]: subjectTypes[on], now: t.timestamp, params: paramsType(params) };
}

/** Compiles a classification document (every rule is over an asset). */
export function compileClassification(policy: ClassificationPolicy): RulesResult<CompiledClassification> {
  return compileRules(
    policy,
    policy.rules,
    () => 'asset',
    () => [],
  );
}

/** Compiles an exposure document, including its message templates. */
export function compileExposure(policy: ExposurePolicy): RulesResult<CompiledExposure> {
  return compileRules(
    policy,
    policy.rules,
    (rule) => rule.on,
    (rule, index, variables) =>
      checkTemplate(rule.message, variables).map((i) => ({ path: ['rules', index, 'message'], ...i })),
  );
}

function compileRules<P extends { params: PolicyParams }, R extends { id: string; when: string }>(
  policy: P,
  rules: readonly R[],
  subjectOf: (rule: R) => SubjectKind,
  extraChecks: (rule: R, index: number, variables: Record<string, CelStaticType>) => CompileIssue[],
): RulesResult<CompiledRules<P, R>> {
  const errors = duplicateIds(rules);
  const warnings: CompileIssue[] = [];
  const params = paramsInput(policy.params);
  const compiled: CompiledRule<R>[] = [];
  rules.forEach((rule, index) => {
    const on = subjectOf(rule);
    const variables = variablesFor(on, policy.params);
    const type = subjectTypes[on];
    const sample = (full: boolean) => ({ [on]: toCelInput(type, sampleInput(type, full)), now: sampleTime, params });
    const result = compileExpression(rule.when, {
      variables,
      resultKind: 'bool',
      samples: [sample(true)],
      sparseSamples: [sample(false)],
    });
    const path = ['rules', index, 'when'];
    if (result.ok) {
      compiled.push({ rule, on, when: result.expression });
      warnings.push(...result.warnings.map((w) => ({ path, ...w })));
    } else {
      errors.push(...result.issues.map((i) => ({ path, ...i })));
    }
    errors.push(...extraChecks(rule, index, variables));
  });
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, compiled: { policy, params, rules: compiled }, warnings };
}
