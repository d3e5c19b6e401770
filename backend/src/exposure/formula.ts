/**
 * The exposure score formula (documented in backend/README.md "Exposure score"). Pure functions: the same
 * inputs always give the same contributions and score.
 */
export type Status = 'sanctioned' | 'tolerated' | 'unsanctioned' | 'blocked';
export const dlpCategories = ['secret', 'pii', 'financial', 'health', 'confidential', 'custom'] as const;
export type DlpCategory = (typeof dlpCategories)[number];
export type FindingsState = 'none' | 'live' | 'suppressed';

/** Use of a sanctioned service adds nothing; tolerated is a temporary state and counts about a third. */
export const STATUS_WEIGHT: Record<Status, number> = { sanctioned: 0, tolerated: 0.35, unsanctioned: 1, blocked: 1 };
/** Sensitive data sent to a sanctioned service still counts a little (it left the browser), elsewhere fully. */
export const DATA_STATUS_WEIGHT: Record<Status, number> = {
  sanctioned: 0.1,
  tolerated: 0.5,
  unsanctioned: 1,
  blocked: 1,
};
export const RISK_WEIGHT: Record<string, number> = { low: 0.25, medium: 0.5, high: 0.8, critical: 1, unknown: 0.6 };
export const TIER_WEIGHT: Record<number, number> = { 1: 0.3, 2: 0.6, 3: 0.9, 4: 1 };
export const CATEGORY_WEIGHT: Record<DlpCategory, number> = {
  secret: 3,
  health: 3,
  financial: 2.5,
  pii: 1.5,
  confidential: 1,
  custom: 1,
};
/** Every live finding on the asset is suppressed: an operator accepted the risk until the expiry. */
export const SUPPRESSED_FACTOR = 0.1;
export const ASSET_POINTS = 10;
export const DATA_POINTS = 4;
/** Raw points at which the score reaches 63 (1 - 1/e); 2 × SCALE gives 86, 3 × SCALE 95. */
export const SCALE = 100;

/** What the formula reads about one asset, within one scope (the organisation, or one department). */
export interface AssetExposureInput {
  assetId: string;
  assetKey: string;
  name: string;
  status: Status;
  riskTier: string;
  tier: number;
  people: number;
  /** Share (0-1) of the people seen with a personal account. */
  personalShare: number;
  findings: FindingsState;
  /** DLP events in the window per category. */
  dlp: Partial<Record<DlpCategory, number>>;
  /** Share (0-1) of DLP events the extension blocked in enforce mode (the data did not leave). */
  blockedShare: number;
}

export interface Contribution {
  kind: 'asset' | 'data';
  assetId: string;
  assetKey: string;
  name: string;
  category?: DlpCategory;
  points: number;
  share: number;
  factors: Record<string, number | string>;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The contributions of one asset: its use, and one per DLP category with events. */
export function assetContributions(a: AssetExposureInput): Contribution[] {
  const statusWeight = STATUS_WEIGHT[a.status];
  const riskWeight = RISK_WEIGHT[a.riskTier] ?? RISK_WEIGHT.unknown!;
  const tierWeight = TIER_WEIGHT[a.tier] ?? TIER_WEIGHT[1]!;
  const peopleFactor = Math.log2(1 + Math.max(0, a.people));
  const accountFactor = 1 + 0.5 * clamp01(a.personalShare);
  const findingsFactor = a.findings === 'suppressed' ? SUPPRESSED_FACTOR : 1;
  const base = { assetId: a.assetId, assetKey: a.assetKey, name: a.name, share: 0 };
  const out: Contribution[] = [
    {
      ...base,
      kind: 'asset',
      points: round(
        ASSET_POINTS * statusWeight * riskWeight * tierWeight * peopleFactor * accountFactor * findingsFactor,
      ),
      factors: {
        status: a.status,
        statusWeight,
        riskTier: a.riskTier,
        riskWeight,
        tier: a.tier,
        tierWeight,
        people: a.people,
        peopleFactor: round(peopleFactor, 3),
        personalShare: round(clamp01(a.personalShare), 3),
        accountFactor: round(accountFactor, 3),
        findings: a.findings,
        findingsFactor,
      },
    },
  ];
  const dataStatusWeight = DATA_STATUS_WEIGHT[a.status];
  const leakFactor = 0.2 + 0.8 * (1 - clamp01(a.blockedShare));
  for (const category of dlpCategories) {
    const events = a.dlp[category] ?? 0;
    if (events <= 0) continue;
    const eventsFactor = Math.log2(1 + events);
    out.push({
      ...base,
      kind: 'data',
      category,
      points: round(
        DATA_POINTS *
          dataStatusWeight *
          CATEGORY_WEIGHT[category] *
          eventsFactor *
          leakFactor *
          accountFactor *
          findingsFactor,
      ),
      factors: {
        status: a.status,
        dataStatusWeight,
        category,
        categoryWeight: CATEGORY_WEIGHT[category],
        events,
        eventsFactor: round(eventsFactor, 3),
        blockedShare: round(clamp01(a.blockedShare), 3),
        leakFactor: round(leakFactor, 3),
        accountFactor: round(accountFactor, 3),
        findings: a.findings,
        findingsFactor,
      },
    });
  }
  return out;
}

/** The 0-100 score of a set of contributions, with each one's share filled in, largest first. */
export function scoreOf(contributions: Contribution[]): {
  score: number;
  points: number;
  contributions: Contribution[];
} {
  const points = contributions.reduce((s, c) => s + c.points, 0);
  const score = round(100 * (1 - Math.exp(-points / SCALE)), 1);
  const sorted = contributions
    .map((c) => ({ ...c, share: points > 0 ? round(c.points / points, 4) : 0 }))
    .sort((a, b) => b.points - a.points || a.assetKey.localeCompare(b.assetKey));
  return { score, points: round(points), contributions: sorted };
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}
