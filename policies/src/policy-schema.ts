/** The three policy file formats (zod, strict: unknown fields are errors). */
import { z } from 'zod';
import { accountTypes, confidences, dlpActionNames, dlpCategories, serviceStatuses, severities } from './dimensions.ts';
import { subjectKinds } from './input-schema.ts';

const ruleId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case id (a-z, 0-9, single hyphens)')
  .max(80);
const description = z.string().min(1, 'a description is required').max(1000);
const expression = z.string().min(1, 'an expression is required').max(4000);
const paramName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'a parameter name (letters, digits, _)');
const paramScalar = z.union([z.number().finite(), z.string().max(200), z.boolean()]);
/** Named constants the expressions and templates of one document read as `params.<name>`. */
const params = z.record(paramName, z.union([paramScalar, z.array(paramScalar).max(100)])).default({});

export const classificationRuleSchema = z.strictObject({
  id: ruleId,
  description,
  when: expression,
  set: z
    .strictObject({
      severity: z.enum(severities).optional(),
      reviewOverdue: z.literal(true).optional(),
      enrolmentRecommended: z.literal(true).optional(),
    })
    .refine((s) => Object.keys(s).length > 0, 'set at least one of severity, reviewOverdue, enrolmentRecommended'),
});

export const classificationPolicySchema = z.strictObject({
  kind: z.literal('classification'),
  description: description.optional(),
  params,
  rules: z.array(classificationRuleSchema).max(500),
});

export const exposureRuleSchema = z.strictObject({
  id: ruleId,
  description,
  on: z.enum(subjectKinds).default('asset'),
  severity: z.enum(severities),
  when: expression,
  message: z.string().min(1, 'a message is required').max(500),
});

export const exposurePolicySchema = z.strictObject({
  kind: z.literal('exposure'),
  description: description.optional(),
  params,
  rules: z.array(exposureRuleSchema).max(500),
});

/** One dimension of a DLP rule's match: a value, a list of values, or absent for "any". */
const dimension = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values)).min(1)], {
      error: `expected one of ${values.join(', ')}, or a list of them`,
    })
    .optional();

export const dlpRuleSchema = z.strictObject({
  id: ruleId,
  description,
  category: dimension(dlpCategories),
  status: dimension(serviceStatuses),
  accountType: dimension(accountTypes),
  action: z.enum(dlpActionNames),
});

export const dlpActionsPolicySchema = z.strictObject({
  kind: z.literal('dlp-actions'),
  description: description.optional(),
  minConfidence: z.enum(confidences),
  unscannableFiles: z.enum(['allow', 'warn', 'block']),
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .max(1024 * 1024 * 1024),
  /** The action for every cell no rule decides. */
  default: z.enum(dlpActionNames),
  /** First match wins. */
  rules: z.array(dlpRuleSchema).max(500),
});

export const policySchema = z.discriminatedUnion('kind', [
  classificationPolicySchema,
  exposurePolicySchema,
  dlpActionsPolicySchema,
]);

export const policyKinds = ['classification', 'exposure', 'dlp-actions'] as const;
export type PolicyKind = (typeof policyKinds)[number];
export type ClassificationPolicy = z.infer<typeof classificationPolicySchema>;
export type ClassificationRule = z.infer<typeof classificationRuleSchema>;
export type ExposurePolicy = z.infer<typeof exposurePolicySchema>;
export type ExposureRule = z.infer<typeof exposureRuleSchema>;
export type DlpActionsPolicy = z.infer<typeof dlpActionsPolicySchema>;
export type DlpRule = z.infer<typeof dlpRuleSchema>;
export type Policy = z.infer<typeof policySchema>;
export type PolicyParams = ClassificationPolicy['params'];
