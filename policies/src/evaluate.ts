/** Evaluates compiled classification and exposure rules over assets and DLP event rollups. */
import type { CelInput } from '@bufbuild/cel';
import { t } from './cel-type.ts';
import type { CompiledPolicySet } from './compile-policy-set.ts';
import type { CompiledClassification, CompiledExposure, CompiledRule } from './compile-rules.ts';
import { type Severity, severityRank } from './dimensions.ts';
import { type AssetInput, type EventInput, type SubjectKind, subjectTypes } from './input-schema.ts';
import { renderTemplate } from './template.ts';
import { toCelInput } from './to-cel-input.ts';

/** The data rules are evaluated over; `now` is what `now` means in expressions (review dates). */
export interface EvaluationInput {
  assets?: readonly AssetInput[];
  events?: readonly EventInput[];
  now: Date | string;
}

/** The classification of one asset. Severity is the highest set by a matching rule, `info` when none matched. */
export interface AssetClassification {
  assetId: string;
  severity: Severity;
  reviewOverdue: boolean;
  enrolmentRecommended: boolean;
  matchedRules: string[];
}

/** An alert raised by an exposure rule for one asset or event rollup. */
export interface Alert {
  ruleId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  severity: Severity;
  message: string;
}

/** A rule that could not be evaluated for a subject (e.g. a missing field): reported, never a silent false. */
export interface RuleError {
  document: 'classification' | 'exposure';
  ruleId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  message: string;
}

export interface EvaluationResult {
  snapshotId: string;
  classifications: AssetClassification[];
  alerts: Alert[];
  errors: RuleError[];
}

/** Classifies every asset and raises every exposure alert under one compiled policy set. */
export function evaluatePolicySet(set: CompiledPolicySet, input: EvaluationInput): EvaluationResult {
  const now = toCelInput(t.timestamp, input.now);
  const assets = (input.assets ?? []).map((plain) => ({ plain, cel: toCelInput(subjectTypes.asset, plain) }));
  const events = (input.events ?? []).map((plain) => ({ plain, cel: toCelInput(subjectTypes.event, plain) }));
  const errors: RuleError[] = [];
  const classifications = assets.map((a) => classify(set.classification, a.plain, a.cel, now, errors));
  const alerts: Alert[] = [];
  for (const compiled of set.exposure.rules) {
    const subjects = compiled.on === 'asset' ? assets : events;
    for (const subject of subjects) {
      const alert = raise(set.exposure, compiled, subject.plain, subject.cel, now, input.now, errors);
      if (alert) alerts.push(alert);
    }
  }
  return { snapshotId: set.snapshotId, classifications, alerts, errors };
}

/** Classifies one asset; rule errors are appended to `errors`. */
export function classifyAsset(
  classification: CompiledClassification,
  asset: AssetInput,
  now: Date | string,
  errors: RuleError[] = [],
): AssetClassification {
  return classify(classification, asset, toCelInput(subjectTypes.asset, asset), toCelInput(t.timestamp, now), errors);
}

function classify(
  classification: CompiledClassification,
  asset: AssetInput,
  cel: CelInput,
  now: CelInput,
  errors: RuleError[],
): AssetClassification {
  const out: AssetClassification = {
    assetId: asset.id,
    severity: 'info',
    reviewOverdue: false,
    enrolmentRecommended: false,
    matchedRules: [],
  };
  for (const compiled of classification.rules) {
    const bindings = { asset: cel, now, params: classification.params };
    if (!test(compiled, bindings, 'classification', asset.id, errors)) continue;
    const set = compiled.rule.set;
    out.matchedRules.push(compiled.rule.id);
    if (set.severity && severityRank(set.severity) > severityRank(out.severity)) out.severity = set.severity;
    if (set.reviewOverdue) out.reviewOverdue = true;
    if (set.enrolmentRecommended) out.enrolmentRecommended = true;
  }
  return out;
}

function raise(
  exposure: CompiledExposure,
  compiled: CompiledExposure['rules'][number],
  plain: AssetInput | EventInput,
  cel: CelInput,
  now: CelInput,
  nowPlain: Date | string,
  errors: RuleError[],
): Alert | undefined {
  const bindings = { [compiled.on]: cel, now, params: exposure.params };
  if (!test(compiled, bindings, 'exposure', plain.id, errors)) return undefined;
  const rule = compiled.rule;
  const data = { [compiled.on]: plain, now: nowPlain, params: exposure.policy.params };
  return {
    ruleId: rule.id,
    subjectKind: compiled.on,
    subjectId: plain.id,
    severity: rule.severity,
    message: renderTemplate(rule.message, data),
  };
}

function test(
  compiled: CompiledRule<{ id: string }>,
  bindings: Record<string, CelInput>,
  document: RuleError['document'],
  subjectId: string,
  errors: RuleError[],
): boolean {
  const result = compiled.when.evaluate(bindings);
  const base = { document, ruleId: compiled.rule.id, subjectKind: compiled.on, subjectId };
  if (!result.ok) {
    errors.push({ ...base, message: result.message });
    return false;
  }
  if (typeof result.value !== 'boolean') {
    errors.push({ ...base, message: `the rule returned ${typeof result.value}, not a bool` });
    return false;
  }
  return result.value;
}
