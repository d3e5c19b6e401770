/**
 * The signal evaluator: from what the sources saw of one AI asset to a confidence tier (DESIGN.md, data flow 6).
 * Pure; the table of rules below is the documented contract (backend/README.md, "Discovery").
 */

/** The nine signals, in the order DESIGN.md lists them. */
export const signalIds = [
  'catalog-match',
  'surface-confirmed',
  'interaction',
  'cadence',
  'idp-presence',
  'oauth-grant',
  'saas-seat',
  'data-flow',
  'account-type',
] as const;
export type SignalId = (typeof signalIds)[number];

/** What the sources saw of one asset inside the lookback window (counts), plus the operator's confirmation. */
export interface AssetFacts {
  /** The asset is a catalog service (not a suspected host/app). */
  catalogMatch: boolean;
  /** An operator confirmed it (ai_assets.confirmedAt); persists until reclassified. */
  confirmed: boolean;
  visits: number;
  surfaces: number;
  /** Prompts, pastes and uploads the extension saw. */
  interactions: number;
  /** IdP sign-in records (an interaction seen from the IdP side). */
  signIns: number;
  /** Distinct days with an interaction or a sign-in. */
  interactionDays: number;
  /** IdP app, assignment and sign-in records. */
  idpRecords: number;
  oauthGrants: number;
  /** OAuth grants whose scopes reach company data (mail, files, repositories...). */
  dataScopeGrants: number;
  /** SaaS seats and marketplace installs. */
  seats: number;
  /** Observations of kind browser_use (a browser source other than the extension's rollups). */
  browserRecords: number;
  /** DLP events (sensitive data the extension detected on its way to the service). */
  dlpEvents: number;
  /** Account types detected: personal, corporate (unknown does not count as a detection). */
  accountTypes: readonly string[];
}

/** The tier-3 cadence threshold: interaction on at least this many distinct days. */
export const CADENCE_MIN_DAYS = 3;

/** The outcome for one asset: tier 0-4, the rule that decided it, the signals that justify it and why. */
export interface TierResult {
  tier: 0 | 1 | 2 | 3 | 4;
  ruleId: string;
  /** The signals the deciding rule rests on. */
  signals: SignalId[];
  reason: string;
  /** Every signal present, with its evidence count. */
  present: Partial<Record<SignalId, number>>;
}

/** Which signals are present, with counts. `catalog-match` and `account-type` are facts about observations, not observations. */
export function presentSignals(f: AssetFacts): Partial<Record<SignalId, number>> {
  const counts: Record<SignalId, number> = {
    'catalog-match': f.catalogMatch ? 1 : 0,
    'surface-confirmed': f.surfaces,
    interaction: f.interactions + f.signIns,
    cadence: f.interactionDays >= CADENCE_MIN_DAYS ? f.interactionDays : 0,
    'idp-presence': f.idpRecords,
    'oauth-grant': f.oauthGrants,
    'saas-seat': f.seats,
    'data-flow': f.dlpEvents,
    'account-type': f.accountTypes.filter((t) => t === 'personal' || t === 'corporate').length,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)) as Partial<Record<SignalId, number>>;
}

interface TierRule {
  id: string;
  tier: TierResult['tier'];
  reason: string;
  /** The justifying signals when the rule holds, else null. */
  test(f: AssetFacts, s: Partial<Record<SignalId, number>>): SignalId[] | null;
}

const browserSeen = (f: AssetFacts) => f.visits + f.surfaces + f.interactions + f.dlpEvents + f.browserRecords > 0;
const has = (s: Partial<Record<SignalId, number>>, ...ids: SignalId[]) => ids.filter((id) => (s[id] ?? 0) > 0);

/** Tried top to bottom; the first rule that holds decides. */
export const tierRules: readonly TierRule[] = [
  {
    id: 'tier-4-operator-confirmed',
    tier: 4,
    reason: 'an operator confirmed this service',
    test: (f) => (f.confirmed ? [] : null),
  },
  {
    id: 'tier-3-sources-agree',
    tier: 3,
    reason: 'independent sources agree: the browser and the IdP, an OAuth grant or a SaaS seat',
    test: (f, s) => {
      const idp = has(s, 'idp-presence', 'oauth-grant', 'saas-seat');
      if (!browserSeen(f) || idp.length === 0) return null;
      return [...has(s, 'surface-confirmed', 'interaction', 'data-flow'), ...idp];
    },
  },
  {
    id: 'tier-3-repeated-interaction',
    tier: 3,
    reason: `repeated interaction on at least ${CADENCE_MIN_DAYS} days`,
    test: (_f, s) => (s.cadence ? ['interaction', 'cadence'] : null),
  },
  {
    id: 'tier-3-sensitive-data',
    tier: 3,
    reason: 'sensitive data was sent to it (DLP hit)',
    test: (_f, s) => (s['data-flow'] ? ['data-flow'] : null),
  },
  {
    id: 'tier-2-catalog-interaction',
    tier: 2,
    reason: 'a catalog service with interaction (prompt, paste, upload or sign-in)',
    test: (_f, s) => (s['catalog-match'] && s.interaction ? ['catalog-match', 'interaction'] : null),
  },
  {
    id: 'tier-1-telemetry',
    tier: 1,
    reason: 'telemetry observed: one weak signal (a visit, an IdP record, an unknown AI-like host or app)',
    test: (f, s) => {
      const seen = has(s, 'surface-confirmed', 'interaction', 'idp-presence', 'oauth-grant', 'saas-seat');
      if (seen.length > 0) return seen;
      return f.visits + f.browserRecords > 0 ? [] : null;
    },
  },
  {
    id: 'tier-0-no-signal',
    tier: 0,
    reason: 'no signal inside the lookback window',
    test: () => [],
  },
];

/** Evaluates the tier of one asset from its facts (see `tierRules`). */
export function evaluateTier(facts: AssetFacts): TierResult {
  const present = presentSignals(facts);
  for (const rule of tierRules) {
    const signals = rule.test(facts, present);
    if (signals) return { tier: rule.tier, ruleId: rule.id, signals, reason: rule.reason, present };
  }
  // The last rule always holds.
  throw new Error('tier rules are not exhaustive');
}

/**
 * Explains a tier change: which signals were gained or lost. A drop names the signals that aged out of the
 * window (or the confirmation that was withdrawn); the message is stored with the change, never silent.
 */
export function explainTierChange(
  from: { tier: number | null; present: Partial<Record<string, number>> },
  to: TierResult,
  lookbackDays: number,
): string {
  const before = new Set(Object.keys(from.present));
  const after = new Set(Object.keys(to.present));
  const order = (ids: string[]) =>
    ids.sort((a, b) => signalIds.indexOf(a as SignalId) - signalIds.indexOf(b as SignalId));
  const lost = order([...before].filter((s) => !after.has(s)));
  const gained = order([...after].filter((s) => !before.has(s)));
  if (from.tier === null) return `first evaluation: ${to.reason}`;
  if (to.tier > from.tier) {
    const added = gained.length > 0 ? ` (new signals: ${gained.join(', ')})` : '';
    return `raised: ${to.reason}${added}`;
  }
  if (from.tier === 4) return `operator confirmation withdrawn (reclassified); now: ${to.reason}`;
  const aged = lost.length > 0 ? lost.join(', ') : 'supporting evidence counts';
  return `dropped: ${aged} aged out of the ${lookbackDays}-day window; now: ${to.reason}`;
}
