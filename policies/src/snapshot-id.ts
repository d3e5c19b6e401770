/**
 * The snapshot id of a policy set: SHA-256 over a canonical encoding of the three normalised documents.
 * Formatting, comments, key order, expression whitespace and the order of classification and exposure
 * rules (each rule stands alone) do not change it; DLP rule order does (first match wins), as does
 * any change to an id, description, expression, output, parameter or setting.
 */
import { parse, unparse } from '@bufbuild/cel';
import { canonicalJson } from './canonical-json.ts';
import { accountTypes, dlpCategories, serviceStatuses } from './dimensions.ts';
import type { ClassificationPolicy, DlpActionsPolicy, DlpRule, ExposurePolicy } from './policy-schema.ts';
import { sha256Hex } from './sha256.ts';

/** The three documents of a policy set. */
export interface PolicyDocuments {
  classification: ClassificationPolicy;
  exposure: ExposurePolicy;
  dlpActions: DlpActionsPolicy;
}

/** Hex SHA-256 of the canonical encoding of the policy set. */
export function snapshotId(docs: PolicyDocuments): string {
  return sha256Hex(canonicalJson(canonicalPolicySet(docs)));
}

/** The canonical form that is hashed: sets sorted, expressions re-printed, DLP dimensions normalised. */
export function canonicalPolicySet(docs: PolicyDocuments): unknown {
  const byId = <T extends { id: string }>(rules: readonly T[]) => [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    encoding: 'sightline-policy-set/1',
    classification: {
      ...docs.classification,
      rules: byId(docs.classification.rules).map((r) => ({ ...r, when: canonicalExpression(r.when) })),
    },
    exposure: {
      ...docs.exposure,
      rules: byId(docs.exposure.rules).map((r) => ({ ...r, when: canonicalExpression(r.when) })),
    },
    dlpActions: { ...docs.dlpActions, rules: docs.dlpActions.rules.map(canonicalDlpRule) },
  };
}

function canonicalExpression(source: string): string {
  try {
    return unparse(parse(source));
  } catch {
    return source.trim();
  }
}

function canonicalDlpRule(rule: DlpRule): unknown {
  return {
    ...rule,
    category: canonicalDimension(rule.category, dlpCategories),
    status: canonicalDimension(rule.status, serviceStatuses),
    accountType: canonicalDimension(rule.accountType, accountTypes),
  };
}

/** A dimension as a sorted set, or undefined when it lists every value (the same as "any"). */
function canonicalDimension<T extends string>(value: T | readonly T[] | undefined, all: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  const set = [...new Set(typeof value === 'string' ? [value] : value)].sort();
  return set.length === all.length ? undefined : set;
}
