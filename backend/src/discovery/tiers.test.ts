import { describe, expect, it } from 'vitest';
import { type AssetFacts, evaluateTier, explainTierChange, presentSignals, signalIds } from './tiers.ts';

const none: AssetFacts = {
  catalogMatch: false,
  confirmed: false,
  visits: 0,
  surfaces: 0,
  interactions: 0,
  signIns: 0,
  interactionDays: 0,
  idpRecords: 0,
  oauthGrants: 0,
  dataScopeGrants: 0,
  seats: 0,
  browserRecords: 0,
  dlpEvents: 0,
  accountTypes: [],
};
const f = (over: Partial<AssetFacts>): AssetFacts => ({ ...none, ...over });

describe('evaluateTier', () => {
  it.each([
    ['nothing in the window', f({ catalogMatch: true }), 0, 'tier-0-no-signal', []],
    ['a single visit to a catalog service', f({ catalogMatch: true, visits: 1 }), 1, 'tier-1-telemetry', []],
    ['an unknown AI-like host visited once', f({ visits: 1 }), 1, 'tier-1-telemetry', []],
    ['a suspected app in the IdP', f({ idpRecords: 2 }), 1, 'tier-1-telemetry', ['idp-presence']],
    [
      'a catalog service with a surface but no interaction',
      f({ catalogMatch: true, visits: 3, surfaces: 2 }),
      1,
      'tier-1-telemetry',
      ['surface-confirmed'],
    ],
    [
      'an OAuth grant alone',
      f({ catalogMatch: true, oauthGrants: 1, dataScopeGrants: 1 }),
      1,
      'tier-1-telemetry',
      ['oauth-grant'],
    ],
    [
      'a catalog service with prompts on one day',
      f({ catalogMatch: true, visits: 2, interactions: 4, interactionDays: 1 }),
      2,
      'tier-2-catalog-interaction',
      ['catalog-match', 'interaction'],
    ],
    [
      'a catalog service with an IdP sign-in',
      f({ catalogMatch: true, signIns: 1, idpRecords: 1, interactionDays: 1 }),
      2,
      'tier-2-catalog-interaction',
      ['catalog-match', 'interaction'],
    ],
    [
      'an unknown host with prompts on two days (not in the catalog)',
      f({ visits: 5, interactions: 5, interactionDays: 2 }),
      1,
      'tier-1-telemetry',
      ['interaction'],
    ],
    [
      'repeated interaction on three days',
      f({ catalogMatch: true, interactions: 9, interactionDays: 3 }),
      3,
      'tier-3-repeated-interaction',
      ['interaction', 'cadence'],
    ],
    [
      'an unknown host used on five days',
      f({ visits: 5, interactions: 5, interactionDays: 5 }),
      3,
      'tier-3-repeated-interaction',
      ['interaction', 'cadence'],
    ],
    [
      'browser and IdP agree',
      f({ catalogMatch: true, visits: 1, surfaces: 1, idpRecords: 1 }),
      3,
      'tier-3-sources-agree',
      ['surface-confirmed', 'idp-presence'],
    ],
    [
      'browser and a seat agree',
      f({ catalogMatch: true, visits: 1, seats: 1 }),
      3,
      'tier-3-sources-agree',
      ['saas-seat'],
    ],
    ['sensitive data sent', f({ catalogMatch: true, dlpEvents: 1 }), 3, 'tier-3-sensitive-data', ['data-flow']],
    ['operator confirmed with no data', f({ confirmed: true }), 4, 'tier-4-operator-confirmed', []],
    [
      'operator confirmed outranks everything',
      f({ confirmed: true, catalogMatch: true, dlpEvents: 3, interactionDays: 9, interactions: 9 }),
      4,
      'tier-4-operator-confirmed',
      [],
    ],
  ])('%s → tier %i (%s)', (_name, facts, tier, ruleId, signals) => {
    const result = evaluateTier(facts);
    expect(result).toMatchObject({ tier, ruleId, signals });
    expect(result.reason.length).toBeGreaterThan(10);
  });

  it('reports every present signal with its count, and account types only when detected', () => {
    const present = presentSignals(
      f({
        catalogMatch: true,
        surfaces: 2,
        interactions: 3,
        signIns: 1,
        interactionDays: 4,
        idpRecords: 5,
        oauthGrants: 6,
        seats: 7,
        dlpEvents: 8,
        accountTypes: ['personal', 'unknown'],
      }),
    );
    expect(present).toEqual({
      'catalog-match': 1,
      'surface-confirmed': 2,
      interaction: 4,
      cadence: 4,
      'idp-presence': 5,
      'oauth-grant': 6,
      'saas-seat': 7,
      'data-flow': 8,
      'account-type': 1,
    });
    expect(Object.keys(present).sort()).toEqual([...signalIds].sort());
    expect(presentSignals(f({ accountTypes: ['unknown'] }))).toEqual({});
  });
});

describe('explainTierChange', () => {
  it.each([
    [null, {}, f({ catalogMatch: true, visits: 1 }), /^first evaluation: telemetry observed/],
    [1, {}, f({ catalogMatch: true, dlpEvents: 1 }), /^raised: sensitive data.*new signals: catalog-match, data-flow/],
    [
      3,
      { 'catalog-match': 1, interaction: 9, cadence: 3 },
      f({ catalogMatch: true, visits: 1 }),
      /^dropped: interaction, cadence aged out of the 90-day window; now: telemetry observed/,
    ],
    [4, { 'catalog-match': 1 }, f({ catalogMatch: true }), /^operator confirmation withdrawn/],
  ])('from tier %s', (fromTier, present, facts, expected) => {
    expect(explainTierChange({ tier: fromTier, present }, evaluateTier(facts), 90)).toMatch(expected);
  });
});
