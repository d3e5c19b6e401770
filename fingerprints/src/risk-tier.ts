import type { Risk } from './schema.ts';

export const riskTiers = ['low', 'medium', 'high', 'critical'] as const;
export type RiskTier = (typeof riskTiers)[number];

/** A risk fact reduced to its value: `unverified`, or the value without its source. */
type FactValue<F> = F extends { value: infer V } ? V : never;
export type RiskFacts = { [K in keyof Risk]: FactValue<Risk[K]> | 'unverified' };

/** A three-valued answer to a yes/no risk question. */
export type TriState = 'yes' | 'no' | 'unverified';

/** Strips sources and dates from risk facts, keeping values and `unverified`. */
export function riskFacts(risk: Risk | RiskFacts): RiskFacts {
  const out = {} as Record<keyof Risk, unknown>;
  for (const key of Object.keys(risk) as (keyof Risk)[]) {
    const fact = risk[key] as unknown;
    out[key] = typeof fact === 'object' && fact !== null && 'value' in fact ? fact.value : fact;
  }
  return out as RiskFacts;
}

function tri(value: boolean | 'unverified'): TriState {
  return value === 'unverified' ? 'unverified' : value ? 'yes' : 'no';
}

/** One row of the risk-tier rule; the first row whose conditions hold decides the tier. */
export interface RiskRule {
  rule: number;
  tier: RiskTier;
  reason: string;
  when: (f: { trains: TriState; enterprise: TriState; sso: TriState; certified: TriState }) => boolean;
}

/**
 * The documented rule (fingerprints/README.md, "Risk tier"). Order matters: rows are tried top to bottom.
 * Training on user content decides first, because it is what turns a pasted secret into a lasting leak;
 * controls (SSO, certifications) only lower the tier of services that do not train by default.
 */
export const riskRules: readonly RiskRule[] = [
  {
    rule: 1,
    tier: 'critical',
    reason: 'trains on user content by default and offers no business tier that stops it',
    when: (f) => f.trains === 'yes' && f.enterprise === 'no',
  },
  {
    rule: 2,
    tier: 'high',
    reason: 'trains on user content by default; only a business tier (if any) excludes training',
    when: (f) => f.trains === 'yes',
  },
  {
    rule: 3,
    tier: 'high',
    reason: 'training on user content is unverified and no business tier is verified to exclude it',
    when: (f) => f.trains === 'unverified' && f.enterprise !== 'yes',
  },
  {
    rule: 4,
    tier: 'medium',
    reason: 'training on user content is unverified, but a business tier contractually excludes it',
    when: (f) => f.trains === 'unverified',
  },
  {
    rule: 5,
    tier: 'low',
    reason: 'does not train on user content by default, supports SSO and publishes certifications',
    when: (f) => f.trains === 'no' && f.sso === 'yes' && f.certified === 'yes',
  },
  {
    rule: 6,
    tier: 'medium',
    reason: 'does not train on user content by default, but SSO or certifications are missing or unverified',
    when: (f) => f.trains === 'no',
  },
];

/** Explains the tier of a service: the tier, the number of the rule row that decided it, and why. */
export function explainRiskTier(risk: Risk | RiskFacts): { tier: RiskTier; rule: number; reason: string } {
  const facts = riskFacts(risk);
  const certs = facts.certifications;
  const input = {
    trains: tri(facts.trainsOnUserContent),
    enterprise: tri(facts.enterpriseNoTraining),
    sso: tri(facts.sso),
    certified: certs === 'unverified' ? 'unverified' : certs.length > 0 ? 'yes' : 'no',
  } as const;
  const row = riskRules.find((r) => r.when(input));
  // The rows cover every combination of `trains` (yes / unverified / no); this is unreachable.
  if (!row) throw new Error('risk rule table is not exhaustive');
  return { tier: row.tier, rule: row.rule, reason: row.reason };
}

/** Derives a service's default risk tier (low, medium, high, critical) from its risk facts by the documented rule. */
export function deriveRiskTier(risk: Risk | RiskFacts): RiskTier {
  return explainRiskTier(risk).tier;
}
