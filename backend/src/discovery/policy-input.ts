import { getCatalog } from '@sightline/fingerprints';
import type { AssetInput } from '@sightline/policies';
import type { Db } from '../db/client.ts';
import { type aiAssets, serviceGovernance, type serviceStatuses } from '../db/schema.ts';
import { getOrganizationSettings } from '../settings/organization.ts';

type Status = (typeof serviceStatuses)[number];
type AssetRow = typeof aiAssets.$inferSelect;

/** What the catalog (or, for a suspected service, the key itself) says about an asset. */
export interface AssetDescriptor {
  serviceId: string | null;
  name: string;
  vendor: string | null;
  category: string | null;
  suspected: boolean;
  /** Suspected services have unknown terms: `high`, as the catalog rule rates unverified training. */
  riskTier: 'low' | 'medium' | 'high' | 'critical';
  trainsOnData: boolean;
}

/** Describes an asset key: `svc:<id>` from the catalog, `host:<host>` / `app:<name>` as suspected. */
export function describeAssetKey(assetKey: string, displayName: string | null): AssetDescriptor {
  if (assetKey.startsWith('svc:')) {
    const id = assetKey.slice(4);
    const service = getCatalog().byId.get(id);
    if (service) {
      return {
        serviceId: id,
        name: service.name,
        vendor: service.vendor,
        category: service.category,
        suspected: false,
        riskTier: service.riskTier,
        trainsOnData: service.risk.trainsOnUserContent === true,
      };
    }
    return { serviceId: id, name: displayName ?? id, vendor: null, category: null, ...unknownRisk, suspected: false };
  }
  const name = assetKey.startsWith('host:') ? assetKey.slice(5) : (displayName ?? assetKey.replace(/^app:/, ''));
  return { serviceId: null, name, vendor: null, category: null, suspected: true, ...unknownRisk };
}

const noDlp = { secret: 0, pii: 0, financial: 0, health: 0, confidential: 0, custom: 0 };
const unknownRisk = { riskTier: 'high' as const, trainsOnData: false };

/** The governance in force per service key, and the organisation's default for undecided services. */
export interface GovernanceView {
  rows: Map<string, typeof serviceGovernance.$inferSelect>;
  defaultStatus: Status;
}

/** Loads every governance decision (service_governance) and the organisation's default status. */
export async function loadGovernance(db: Db): Promise<GovernanceView> {
  const [rows, org] = await Promise.all([db.select().from(serviceGovernance), getOrganizationSettings(db)]);
  return { rows: new Map(rows.map((r) => [r.serviceId, r])), defaultStatus: org.defaultStatus };
}

/** The governance row of an asset: by catalog id, or by asset key for a suspected service. */
export function governanceOf(view: GovernanceView, asset: { serviceId: string | null; assetKey: string }) {
  const row = view.rows.get(asset.serviceId ?? asset.assetKey);
  return { decided: row !== undefined, status: (row?.status ?? view.defaultStatus) as Status, row };
}

/** The numbers the policies read, as stored in ai_assets.stats. */
export interface AssetStats {
  people: number;
  enrolledPeople: number;
  idpOnlyPeople: number;
  personalPeople: number;
  activeDays: number;
  dataScopesGranted: boolean;
  dlp: Record<'secret' | 'pii' | 'financial' | 'health' | 'confidential' | 'custom', number>;
  [extra: string]: unknown;
}

/** Maps an ai_assets row (with governance) to the policies' `asset` input, field for field (policies/README). */
export function assetPolicyInput(row: AssetRow, view: GovernanceView, state = row.state): AssetInput {
  const stats = row.stats as unknown as AssetStats;
  const gov = governanceOf(view, row);
  const desc = describeAssetKey(row.assetKey, row.name);
  const input: AssetInput = {
    id: row.id,
    name: row.name,
    category: row.category ?? 'unknown',
    suspected: row.suspected,
    status: gov.status,
    state,
    riskTier: row.riskTier ?? desc.riskTier,
    trainsOnData: desc.trainsOnData,
    tier: row.tier,
    people: row.peopleCount,
    enrolledPeople: stats.enrolledPeople ?? 0,
    idpOnlyPeople: stats.idpOnlyPeople ?? 0,
    activeDays: stats.activeDays ?? 0,
    departments: row.departments,
    accountTypes: row.accountTypes,
    sources: row.sources,
    dataScopesGranted: stats.dataScopesGranted === true,
    dlp: { ...noDlp, ...(stats.dlp as Partial<AssetStats['dlp']> | undefined) },
    firstSeen: row.firstSeen,
    lastSeen: row.lastSeen,
  };
  if (row.serviceId) input.serviceId = row.serviceId;
  if (row.vendor) input.vendor = row.vendor;
  if (gov.row?.reviewDate) input.reviewDate = gov.row.reviewDate;
  if (gov.row?.owner) input.owner = gov.row.owner;
  return input;
}
