import { describe, expect, it } from 'vitest';
import { type AssetExposureInput, assetContributions, SCALE, scoreOf } from './formula.ts';

const base: AssetExposureInput = {
  assetId: 'a1',
  assetKey: 'svc:chatgpt',
  name: 'ChatGPT',
  status: 'unsanctioned',
  riskTier: 'high',
  tier: 3,
  people: 31,
  personalShare: 1,
  findings: 'live',
  dlp: {},
  blockedShare: 0,
};
const points = (a: Partial<AssetExposureInput>) =>
  assetContributions({ ...base, ...a }).reduce((s, c) => s + c.points, 0);

describe('exposure formula', () => {
  it('weighs an asset by status, risk, confidence, people (log2) and personal accounts', () => {
    const [c] = assetContributions(base);
    // 10 × 1 (unsanctioned) × 0.8 (high) × 0.9 (tier 3) × log2(32) = 5 × 1.5 (all personal)
    expect(c).toMatchObject({ kind: 'asset', points: 54, factors: { peopleFactor: 5, accountFactor: 1.5 } });
  });

  it.each([
    ['sanctioning', { status: 'sanctioned' as const }],
    ['tolerating', { status: 'tolerated' as const }],
    ['suppressing every finding', { findings: 'suppressed' as const }],
    ['a lower risk tier', { riskTier: 'low' }],
    ['a lower confidence tier', { tier: 1 }],
    ['fewer people', { people: 3 }],
    ['corporate accounts', { personalShare: 0 }],
  ])('%s lowers the points', (_name, change) => {
    expect(points(change)).toBeLessThan(points({}));
  });

  it('sanctioned use adds nothing; sensitive data sent there adds a little', () => {
    const c = assetContributions({ ...base, status: 'sanctioned', dlp: { secret: 7 } });
    expect(c[0]!.points).toBe(0);
    expect(c[1]).toMatchObject({ kind: 'data', category: 'secret' });
    const unsanctioned = assetContributions({ ...base, dlp: { secret: 7 } })[1]!;
    expect(c[1]!.points).toBeGreaterThan(0);
    expect(c[1]!.points).toBeLessThan(unsanctioned.points / 5);
  });

  it('weighs data categories and lets blocked events count less', () => {
    const by = (dlp: AssetExposureInput['dlp'], blockedShare = 0) =>
      assetContributions({ ...base, dlp, blockedShare })[1]!.points;
    expect(by({ secret: 3 })).toBeGreaterThan(by({ pii: 3 }));
    expect(by({ pii: 3 })).toBeGreaterThan(by({ confidential: 3 }));
    expect(by({ secret: 3 }, 1)).toBeLessThan(by({ secret: 3 }));
    expect(by({ secret: 3 }, 1)).toBeGreaterThan(0);
  });

  it('maps points to 0-100 with saturation, with shares that add up', () => {
    expect(scoreOf([]).score).toBe(0);
    const one = scoreOf(assetContributions({ ...base, dlp: { secret: 10, health: 2 } }));
    expect(one.contributions.map((c) => c.category ?? c.kind)).toEqual(['secret', 'asset', 'health']);
    const pts = one.contributions.map((c) => c.points);
    expect(pts).toEqual([...pts].sort((a, b) => b - a));
    expect(one.contributions.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 2);
    expect(one.score).toBeCloseTo(100 * (1 - Math.exp(-one.points / SCALE)), 1);
    const many = scoreOf(Array.from({ length: 50 }, () => assetContributions(base)).flat());
    expect(many.score).toBeLessThanOrEqual(100);
    expect(many.score).toBeGreaterThan(99);
  });
});
