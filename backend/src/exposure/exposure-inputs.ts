import { getCatalog } from '@sightline/fingerprints';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { aiAssets, serviceGovernance } from '../db/schema.ts';
import { getOrganizationSettings } from '../settings/organization.ts';
import type { AssetExposureInput, DlpCategory, FindingsState, Status } from './formula.ts';

export const WINDOW_DAYS = 30;
export const UNASSIGNED = '(unassigned)';

type UsageRow = {
  service_key: string;
  department: string | null;
  lvl: number;
  people: number;
  personal: number;
  dlp_events: number;
  dlp_blocked: number;
} & Record<`dlp_${DlpCategory}`, number>;

/** Per asset: the organisation-level input, and one input per department whose people used it. */
export interface ScopedInputs {
  org: AssetExposureInput[];
  byDepartment: Map<string, AssetExposureInput[]>;
}

/** Reads ai_assets, governance, findings and the rollups of the last WINDOW_DAYS days into formula inputs. */
export async function exposureInputs(db: Db, now: Date): Promise<ScopedInputs> {
  const fromDay = new Date(now.getTime() - (WINDOW_DAYS - 1) * 86400_000).toISOString().slice(0, 10);
  const fromTime = new Date(now.getTime() - WINDOW_DAYS * 86400_000);
  const [org, assets, governance, findingRows, usageRows, deptPeople] = await Promise.all([
    getOrganizationSettings(db),
    db.select().from(aiAssets),
    db.select({ serviceId: serviceGovernance.serviceId, status: serviceGovernance.status }).from(serviceGovernance),
    db.execute(sql`select asset_id, count(*)::int as live,
        count(*) filter (where status = 'suppressed' and (suppressed_until is null or suppressed_until > ${now.toISOString()}::timestamptz))::int as suppressed
      from findings where status <> 'resolved' and asset_id is not null group by asset_id`),
    db.execute(sql`select u.service_key, p.department, grouping(p.department)::int as lvl,
        count(distinct u.person_key)::int as people,
        count(distinct u.person_key) filter (where u.account_types & 1 = 1)::int as personal,
        sum(u.dlp_events)::int as dlp_events, sum(u.dlp_blocked)::int as dlp_blocked,
        sum(u.dlp_secret)::int as dlp_secret, sum(u.dlp_pii)::int as dlp_pii, sum(u.dlp_financial)::int as dlp_financial,
        sum(u.dlp_health)::int as dlp_health, sum(u.dlp_confidential)::int as dlp_confidential, sum(u.dlp_custom)::int as dlp_custom
      from daily_usage u left join people p on p.person_key = u.person_key
      where u.day >= ${fromDay}
      group by grouping sets ((u.service_key), (u.service_key, p.department))`),
    db.execute(sql`select s.key, p.department, count(distinct s.person_key)::int as people from (
        select service_key as key, person_key from daily_usage where day >= ${fromDay}
        union
        select coalesce(service_id, unknown_key) as key, person_key from observations
          where person_key is not null and window_end >= ${fromTime.toISOString()}::timestamptz
      ) s join people p on p.person_key = s.person_key
      group by s.key, p.department`),
  ]);
  const statusBy = new Map(governance.map((g) => [g.serviceId, g.status as Status]));
  const findingsBy = new Map(
    rowsOf<{ asset_id: string; live: number; suppressed: number }>(findingRows).map((r) => [r.asset_id, r]),
  );
  const usage = rowsOf<UsageRow>(usageRows);
  const usageTotal = new Map(usage.filter((u) => Number(u.lvl) === 1).map((u) => [u.service_key, u]));
  const usageDept = new Map(
    usage.filter((u) => Number(u.lvl) === 0).map((u) => [`${u.service_key}\n${u.department ?? UNASSIGNED}`, u]),
  );
  const deptByKey = new Map<string, { department: string; people: number }[]>();
  for (const r of rowsOf<{ key: string; department: string | null; people: number }>(deptPeople)) {
    const list = deptByKey.get(r.key) ?? [];
    list.push({ department: r.department ?? UNASSIGNED, people: Number(r.people) });
    deptByKey.set(r.key, list);
  }

  const catalog = getCatalog().byId;
  const result: ScopedInputs = { org: [], byDepartment: new Map() };
  for (const a of assets) {
    const key = a.serviceId ?? a.assetKey;
    const f = findingsBy.get(a.id);
    const findings: FindingsState =
      a.state === 'suppressed' || (f && f.live > 0 && f.suppressed === f.live) ? 'suppressed' : f ? 'live' : 'none';
    const base = {
      assetId: a.id,
      assetKey: a.assetKey,
      name: a.name,
      status: statusBy.get(key) ?? org.defaultStatus,
      riskTier: a.riskTier ?? (a.serviceId ? catalog.get(a.serviceId)?.riskTier : undefined) ?? 'unknown',
      tier: a.tier,
      findings,
    };
    const total = usageTotal.get(key);
    result.org.push({ ...base, people: Math.max(a.peopleCount, Number(total?.people ?? 0)), ...fromUsage(total, a) });
    for (const d of deptByKey.get(key) ?? []) {
      const u = usageDept.get(`${key}\n${d.department}`);
      const list = result.byDepartment.get(d.department) ?? [];
      list.push({ ...base, people: d.people, ...fromUsage(u, a) });
      result.byDepartment.set(d.department, list);
    }
  }
  return result;
}

function fromUsage(u: UsageRow | undefined, asset: { accountTypes: string[] }) {
  const people = Number(u?.people ?? 0);
  const personalShare = people > 0 ? Number(u!.personal) / people : asset.accountTypes.includes('personal') ? 0.5 : 0;
  const events = Number(u?.dlp_events ?? 0);
  return {
    personalShare,
    blockedShare: events > 0 ? Number(u!.dlp_blocked) / events : 0,
    dlp: {
      secret: Number(u?.dlp_secret ?? 0),
      pii: Number(u?.dlp_pii ?? 0),
      financial: Number(u?.dlp_financial ?? 0),
      health: Number(u?.dlp_health ?? 0),
      confidential: Number(u?.dlp_confidential ?? 0),
      custom: Number(u?.dlp_custom ?? 0),
    },
  };
}
