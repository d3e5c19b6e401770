/** The dimensions of the DLP action table, identical to the extension bundle's (`backend/src/protocol/extension.ts`). */
export const dlpCategories = ['secret', 'pii', 'financial', 'health', 'confidential', 'custom'] as const;
export type DlpCategory = (typeof dlpCategories)[number];
export const serviceStatuses = ['sanctioned', 'tolerated', 'unsanctioned', 'blocked'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];
export const accountTypes = ['personal', 'corporate', 'unknown'] as const;
export type AccountType = (typeof accountTypes)[number];
export const dlpActionNames = ['allow', 'warn', 'redact', 'block'] as const;
export type DlpActionName = (typeof dlpActionNames)[number];
export const confidences = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof confidences)[number];

export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** Rank of a severity, `info` lowest: used to take the highest of several matches. */
export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

/** action[category][status][accountType], every cell filled: the bundle's `dlp.actions`. */
export type DlpActionTable = Record<DlpCategory, Record<ServiceStatus, Record<AccountType, DlpActionName>>>;
