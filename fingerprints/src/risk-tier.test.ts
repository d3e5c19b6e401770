import { describe, expect, it } from 'vitest';
import { deriveRiskTier, explainRiskTier, type RiskFacts, riskFacts } from './risk-tier.ts';
import type { Risk } from './schema.ts';

type B = boolean | 'unverified';
const U = 'unverified' as const;

function facts(trains: B, enterprise: B, sso: B, certifications: string[] | typeof U): RiskFacts {
  return {
    trainsOnUserContent: trains,
    retention: U,
    enterpriseNoTraining: enterprise,
    sso,
    scim: U,
    dataResidency: U,
    certifications,
  };
}

describe('deriveRiskTier', () => {
  it.each([
    // trains, enterprise no-training, sso, certifications -> tier, rule
    [true, false, true, ['SOC 2'], 'critical', 1],
    [true, false, U, U, 'critical', 1],
    [true, true, true, ['SOC 2'], 'high', 2],
    [true, U, false, [], 'high', 2],
    [U, false, true, ['SOC 2'], 'high', 3],
    [U, U, U, U, 'high', 3],
    [U, true, true, ['SOC 2'], 'medium', 4],
    [U, true, U, U, 'medium', 4],
    [false, true, true, ['SOC 2', 'ISO 27001'], 'low', 5],
    [false, false, true, ['ISO 27001'], 'low', 5],
    [false, U, true, ['SOC 2'], 'low', 5],
    [false, true, true, [], 'medium', 6],
    [false, true, U, ['SOC 2'], 'medium', 6],
    [false, true, false, ['SOC 2'], 'medium', 6],
    [false, true, true, U, 'medium', 6],
    [false, U, U, U, 'medium', 6],
  ] as const)('trains=%s enterprise=%s sso=%s certs=%j -> %s (rule %i)', (t, e, s, c, tier, rule) => {
    const f = facts(t, e, s, c === U ? U : [...c]);
    expect(deriveRiskTier(f)).toBe(tier);
    expect(explainRiskTier(f).rule).toBe(rule);
  });

  it('reads facts with sources the same way as bare values', () => {
    const src = { source: 'vendor privacy policy', asOf: '2026-01-01' };
    const risk: Risk = {
      trainsOnUserContent: { value: true, ...src },
      retention: { value: '30 days', ...src },
      enterpriseNoTraining: { value: false, ...src },
      sso: 'unverified',
      scim: 'unverified',
      dataResidency: { value: [], ...src },
      certifications: { value: ['SOC 2 Type II'], ...src },
    };
    expect(riskFacts(risk)).toEqual({
      trainsOnUserContent: true,
      retention: '30 days',
      enterpriseNoTraining: false,
      sso: 'unverified',
      scim: 'unverified',
      dataResidency: [],
      certifications: ['SOC 2 Type II'],
    });
    expect(deriveRiskTier(risk)).toBe('critical');
  });

  it('ignores retention, SCIM and data residency (informational only)', () => {
    const base = facts(false, true, true, ['SOC 2']);
    expect(deriveRiskTier({ ...base, retention: 'forever', scim: false, dataResidency: [] })).toBe('low');
  });
});
