import { describe, expect, it } from 'vitest';
import { compilePolicySet } from './compile-policy-set.ts';
import { classifyAsset, evaluatePolicySet } from './evaluate.ts';
import { asset, compileOrThrow, event, minimalClassification, minimalDlp, minimalExposure } from './test-support.ts';

const now = '2025-06-01T00:00:00Z';

function classification(when: string, set = '{ severity: high }'): string {
  return `kind: classification\nparams: { n: 10 }\nrules:\n  - id: r\n    description: d\n    when: "${when}"\n    set: ${set}\n`;
}

describe('classification rules over assets', () => {
  it.each([
    ['asset.people >= params.n', {}, true],
    ['asset.people >= params.n', { people: 9 }, false],
    ["asset.status == 'unsanctioned' && asset.trainsOnData", { status: 'unsanctioned' }, true],
    ["asset.status == 'unsanctioned' && asset.trainsOnData", { status: 'unsanctioned', trainsOnData: false }, false],
    ["asset.riskTier in ['high', 'critical']", { riskTier: 'medium' }, false],
    ["'personal' in asset.accountTypes", { accountTypes: ['corporate', 'personal'] }, true],
    ['asset.dlp.secret > 0', { dlp: { secret: 2, pii: 0, financial: 0, health: 0, confidential: 0, custom: 0 } }, true],
    ['has(asset.reviewDate) && asset.reviewDate < now', {}, false],
    ['has(asset.reviewDate) && asset.reviewDate < now', { reviewDate: '2025-05-31T00:00:00Z' }, true],
    ['has(asset.reviewDate) && asset.reviewDate < now', { reviewDate: new Date('2025-07-01T00:00:00Z') }, false],
    ['has(asset.reviewDate) && asset.reviewDate < now', { reviewDate: null }, false],
    ["asset.lastSeen - asset.firstSeen > duration('2400h')", {}, true],
    ["asset.departments.exists(d, d == 'Sales')", { departments: ['Legal'] }, false],
  ] as const)('%s with %j → %s', (when, overrides, expected) => {
    const set = compileOrThrow([classification(when), minimalExposure, minimalDlp]);
    const errors: unknown[] = [];
    const result = classifyAsset(set.classification, asset(overrides), now, errors as never);
    expect(errors).toEqual([]);
    expect(result.matchedRules).toEqual(expected ? ['r'] : []);
    expect(result.severity).toBe(expected ? 'high' : 'info');
  });

  it('takes the highest severity of the matching rules and sets flags from any', () => {
    const text = `kind: classification
rules:
  - { id: a, description: d, when: "true", set: { severity: medium } }
  - { id: b, description: d, when: "asset.people > 1", set: { severity: critical, reviewOverdue: true } }
  - { id: c, description: d, when: "true", set: { severity: low, enrolmentRecommended: true } }
  - { id: d, description: d, when: "false", set: { severity: high } }
`;
    const set = compileOrThrow([text, minimalExposure, minimalDlp]);
    expect(classifyAsset(set.classification, asset(), now)).toEqual({
      assetId: 'asset-1',
      severity: 'critical',
      reviewOverdue: true,
      enrolmentRecommended: true,
      matchedRules: ['a', 'b', 'c'],
    });
  });

  it('reports a rule that fails at runtime (missing field) instead of treating it as false', () => {
    const set = compileOrThrow([classification('asset.reviewDate < now'), minimalExposure, minimalDlp]);
    const { people: _, ...withoutPeople } = asset();
    const result = evaluatePolicySet(set, { assets: [asset(), { ...withoutPeople, id: 'asset-2' }], now });
    expect(result.classifications.map((c) => c.matchedRules)).toEqual([[], []]);
    expect(result.errors).toEqual([
      expect.objectContaining({ document: 'classification', ruleId: 'r', subjectId: 'asset-1', subjectKind: 'asset' }),
      expect.objectContaining({ ruleId: 'r', subjectId: 'asset-2' }),
    ]);
    expect(result.errors[0]?.message).toMatch(/reviewDate/);
  });

  it('reports a value of the wrong type at runtime', () => {
    const set = compileOrThrow([classification('asset.people > 3'), minimalExposure, minimalDlp]);
    const result = evaluatePolicySet(set, { assets: [asset({ people: 'many' })], now });
    expect(result.classifications[0]?.matchedRules).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(/overload/);
  });
});

describe('exposure rules', () => {
  const exposure = `kind: exposure
params: { minPeople: 10 }
rules:
  - id: many-people
    description: d
    severity: high
    when: asset.status == 'unsanctioned' && asset.people >= params.minPeople
    message: "{{asset.name}} used by {{asset.people}} people in {{asset.departments}} (min {{params.minPeople}})"
  - id: secrets
    description: d
    on: event
    severity: critical
    when: event.category == 'secret' && event.accountType == 'personal' && event.sent > 0
    message: "{{event.sent}} secrets to {{event.serviceName}}; owner {{asset.owner}}"
`;

  it('raises alerts per matching asset and event with rendered messages', () => {
    const compiled = compilePolicySet([minimalClassification, exposure, minimalDlp]);
    // {{asset.owner}} is not available to an event rule: the set does not compile.
    expect(compiled.ok).toBe(false);
    const set = compileOrThrow([minimalClassification, exposure.replace('; owner {{asset.owner}}', ''), minimalDlp]);
    const result = evaluatePolicySet(set, {
      assets: [asset({ status: 'unsanctioned' }), asset({ id: 'asset-2', people: 3, status: 'unsanctioned' })],
      events: [event({ sent: 3 }), event({ id: 'e2', sent: 0 })],
      now,
    });
    expect(result.errors).toEqual([]);
    expect(result.alerts).toEqual([
      {
        ruleId: 'many-people',
        subjectKind: 'asset',
        subjectId: 'asset-1',
        severity: 'high',
        message: 'ChatGPT used by 40 people in Sales, Engineering (min 10)',
      },
      {
        ruleId: 'secrets',
        subjectKind: 'event',
        subjectId: 'chatgpt:personal:secret',
        severity: 'critical',
        message: '3 secrets to ChatGPT',
      },
    ]);
  });
});
