/**
 * The fields policy expressions can read. The backend builds these plain objects from its tables;
 * expressions and message templates can only reach what is declared here.
 */
import { type CelStaticType, type FieldSpec, field, t } from './cel-type.ts';
import { accountTypes, confidences, dlpCategories, serviceStatuses } from './dimensions.ts';

const counts = (what: string): CelStaticType =>
  t.object(
    'DlpCounts',
    Object.fromEntries(dlpCategories.map((c) => [c, field(t.int, `${what} in category ${c}`)])) as Record<
      string,
      FieldSpec
    >,
  );

export const assetType = t.object('Asset', {
  id: field(t.string, 'asset id (organisation × service, or a suspected host/app)'),
  serviceId: field(t.string, 'catalog service id; absent for a suspected service', true),
  name: field(t.string, 'service name (or the unknown host/app name)'),
  vendor: field(t.string, 'vendor from the catalog', true),
  category: field(t.string, 'catalog category, e.g. general-assistant, coding'),
  suspected: field(t.bool, 'not in the catalog: an AI-like host or app the heuristic flagged'),
  status: field(t.enumOf(serviceStatuses), 'governance status in force (the default status when nobody decided)'),
  state: field(t.enumOf(['detected', 'evaluated', 'governed', 'ungoverned', 'suppressed']), 'asset state machine'),
  riskTier: field(t.enumOf(['low', 'medium', 'high', 'critical']), 'risk tier derived from the catalog risk facts'),
  trainsOnData: field(t.bool, 'the default (consumer) tier trains on user content, verified'),
  tier: field(t.int, 'confidence tier 1-4 (4: operator confirmed)'),
  people: field(t.int, 'distinct people seen using it in the window, from any source'),
  enrolledPeople: field(t.int, 'of those, people seen by the enrolled browser extension'),
  idpOnlyPeople: field(t.int, 'of those, people seen only through IdP, OAuth or seat signals (no extension)'),
  activeDays: field(t.int, 'days with at least one interaction in the window'),
  departments: field(t.list(t.string), 'departments of the people, where known'),
  accountTypes: field(t.list(t.enumOf(accountTypes)), 'account types seen (personal, corporate, unknown)'),
  sources: field(t.list(t.string), 'sources that saw it: extension, okta, entra, google, github, slack, ...'),
  dataScopesGranted: field(t.bool, 'an OAuth grant with data scopes (mail, files, repos) exists'),
  dlp: field(counts('DLP events'), 'DLP events in the window, per detector category'),
  firstSeen: field(t.timestamp, 'first signal'),
  lastSeen: field(t.timestamp, 'latest signal'),
  reviewDate: field(t.timestamp, 'governance review date; absent when none was set', true),
  owner: field(t.string, 'governance owner (e-mail); absent when none was set', true),
});

export const eventType = t.object('DlpEventRollup', {
  id: field(t.string, 'rollup key, e.g. service:accountType:category'),
  serviceId: field(t.string, 'catalog service id; absent for a host the heuristic flagged', true),
  serviceName: field(t.string, 'service name or host'),
  status: field(t.enumOf(serviceStatuses), 'governance status of the service'),
  accountType: field(t.enumOf(accountTypes), 'account type the data went to'),
  category: field(t.enumOf(dlpCategories), 'detector category'),
  detectors: field(t.list(t.string), 'detector ids that fired'),
  maxConfidence: field(t.enumOf(confidences), 'highest detector confidence'),
  events: field(t.int, 'DLP events in the window'),
  people: field(t.int, 'distinct people'),
  sent: field(t.int, 'events whose data left the browser: allowed, warned and proceeded, or monitor mode'),
  allowed: field(t.int, 'events with action allow'),
  warned: field(t.int, 'events with action warn'),
  proceeded: field(t.int, 'warned events where the person continued with a justification'),
  redacted: field(t.int, 'events with action redact'),
  blocked: field(t.int, 'events with action block'),
  windowDays: field(t.int, 'length of the window in days'),
  firstSeen: field(t.timestamp, 'first event in the window'),
  lastSeen: field(t.timestamp, 'latest event in the window'),
});

export const subjectKinds = ['asset', 'event'] as const;
/** What a rule is evaluated over: an AI asset or a DLP event rollup. */
export type SubjectKind = (typeof subjectKinds)[number];

export const subjectTypes: Record<SubjectKind, CelStaticType> = { asset: assetType, event: eventType };

/** Plain input for `asset` (timestamps as ISO strings or Dates, counts as numbers). */
export type AssetInput = Record<string, unknown> & { id: string };
/** Plain input for `event`. */
export type EventInput = Record<string, unknown> & { id: string };
