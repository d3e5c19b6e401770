import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';

/** Scopes that reach company data (mail, files, calendars, chat history, repositories, contacts). */
export const DATA_SCOPE_PATTERN =
  'gmail|mail\\.|drive|files\\.|sites\\.|calendar|channels:history|groups:history|im:history|(^|[^a-z])repo([^a-z]|$)|contacts';

/** Everything the sources saw of one asset key inside the window, aggregated in SQL. */
export interface AggregatedAsset {
  assetKey: string;
  displayName: string | null;
  visits: number;
  surfaces: number;
  prompts: number;
  pastes: number;
  uploads: number;
  dlpEvents: number;
  dlp: { secret: number; pii: number; financial: number; health: number; confidential: number; custom: number };
  dlpBlocked: number;
  accountTypeBits: number;
  interactionDays: number;
  signIns: number;
  idpRecords: number;
  oauthGrants: number;
  dataScopeGrants: number;
  seats: number;
  browserRecords: number;
  observationsByKind: Record<string, number>;
  observationsBySource: Record<string, number>;
  sources: string[];
  people: number;
  enrolledPeople: number;
  idpOnlyPeople: number;
  personalPeople: number;
  departments: string[];
  firstSeen: Date;
  lastSeen: Date;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * Aggregates daily_usage (the extension's service × person × day rollups) and observations (connectors, fixture)
 * per asset key (`svc:<id>`, `host:<host>`, `app:<name>`) over `[now - lookbackDays, now]`, in one statement:
 * GROUP BY in the database, never row by row in JS.
 */
export async function aggregateAssets(
  db: Db,
  options: { now: Date; lookbackDays: number },
): Promise<AggregatedAsset[]> {
  const now = options.now.toISOString();
  const cut = new Date(options.now.getTime() - options.lookbackDays * 86_400_000);
  const cutDay = cut.toISOString().slice(0, 10);
  const today = now.slice(0, 10);
  const result = await db.execute(sql`
    with du as (
      select case when service_key like 'host:%' then service_key else 'svc:' || service_key end as k,
        person_key, day, visits, surfaces, prompts, pastes, uploads, dlp_events, dlp_secret, dlp_pii, dlp_financial,
        dlp_health, dlp_confidential, dlp_custom, dlp_blocked, account_types,
        (prompts + pastes + uploads) > 0 as interacted
      from daily_usage where day >= ${cutDay} and day <= ${today}
    ), du_asset as (
      select k, sum(visits) visits, sum(surfaces) surfaces, sum(prompts) prompts, sum(pastes) pastes,
        sum(uploads) uploads, sum(dlp_events) dlp_events, sum(dlp_secret) dlp_secret, sum(dlp_pii) dlp_pii,
        sum(dlp_financial) dlp_financial, sum(dlp_health) dlp_health, sum(dlp_confidential) dlp_confidential,
        sum(dlp_custom) dlp_custom, sum(dlp_blocked) dlp_blocked, bit_or(account_types) account_bits,
        min(day) first_day, max(day) last_day
      from du group by k
    ), ob as (
      select coalesce('svc:' || service_id, unknown_key) k, source, kind, person_key, window_start, window_end,
        display_name, scopes
      from observations
      where window_end >= ${cut.toISOString()}::timestamptz and window_start <= ${now}::timestamptz
        and (service_id is not null or unknown_key is not null)
    ), ob_asset as (
      select k, min(display_name) display_name,
        count(*) filter (where kind in ('app', 'assignment', 'sign_in')) idp_records,
        count(*) filter (where kind = 'sign_in') sign_ins,
        count(*) filter (where kind = 'oauth_grant') oauth_grants,
        count(*) filter (where kind = 'oauth_grant' and exists (
          select 1 from jsonb_array_elements_text(scopes) s where s ~* ${DATA_SCOPE_PATTERN})) data_scope_grants,
        count(*) filter (where kind in ('seat', 'install')) seats,
        count(*) filter (where kind = 'browser_use') browser_records,
        min(window_start) first_at, max(window_end) last_at
      from ob group by k
    ), ob_kinds as (
      select k, jsonb_object_agg(kind, c) by_kind from (select k, kind, count(*) c from ob group by 1, 2) x group by k
    ), ob_sources as (
      select k, jsonb_object_agg(source, c) by_source from (select k, source, count(*) c from ob group by 1, 2) x
      group by k
    ), active as (
      select k, count(distinct d) days from (
        select k, day d from du where interacted
        union select k, to_char(window_start at time zone 'UTC', 'YYYY-MM-DD') from ob where kind = 'sign_in'
      ) x group by k
    ), pairs as (
      select k, person_key, bool_or(ext) ext, bool_or(personal) personal from (
        select k, person_key, true ext, (account_types & 1) = 1 personal from du
        union all select k, person_key, false, false from ob where person_key is not null
      ) x group by k, person_key
    ), ppl as (
      select p.k, count(*) people, count(*) filter (where p.ext) enrolled, count(*) filter (where not p.ext) idp_only,
        count(*) filter (where p.personal) personal,
        coalesce(jsonb_agg(distinct pe.department) filter (where pe.department is not null), '[]'::jsonb) departments
      from pairs p left join people pe on pe.person_key = p.person_key group by p.k
    ), keys as (select k from du_asset union select k from ob_asset)
    select keys.k as asset_key, o.display_name, d.visits, d.surfaces, d.prompts, d.pastes, d.uploads, d.dlp_events,
      d.dlp_secret, d.dlp_pii, d.dlp_financial, d.dlp_health, d.dlp_confidential, d.dlp_custom, d.dlp_blocked,
      d.account_bits, a.days interaction_days, o.sign_ins, o.idp_records, o.oauth_grants, o.data_scope_grants,
      o.seats, o.browser_records, ok.by_kind, os.by_source, p.people, p.enrolled, p.idp_only, p.personal,
      p.departments,
      least(
        (d.first_day || 'T00:00:00Z')::timestamptz, o.first_at
      ) as first_seen,
      greatest(
        least((d.last_day::date + 1)::timestamp at time zone 'UTC', ${now}::timestamptz), least(o.last_at, ${now}::timestamptz)
      ) as last_seen
    from keys
      left join du_asset d on d.k = keys.k
      left join ob_asset o on o.k = keys.k
      left join ob_kinds ok on ok.k = keys.k
      left join ob_sources os on os.k = keys.k
      left join active a on a.k = keys.k
      left join ppl p on p.k = keys.k
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => {
    const bySource = (r.by_source ?? {}) as Record<string, number>;
    const sources = [...(r.visits !== null && r.visits !== undefined ? ['extension'] : []), ...Object.keys(bySource)];
    return {
      assetKey: String(r.asset_key),
      displayName: (r.display_name as string | null) ?? null,
      visits: n(r.visits),
      surfaces: n(r.surfaces),
      prompts: n(r.prompts),
      pastes: n(r.pastes),
      uploads: n(r.uploads),
      dlpEvents: n(r.dlp_events),
      dlp: {
        secret: n(r.dlp_secret),
        pii: n(r.dlp_pii),
        financial: n(r.dlp_financial),
        health: n(r.dlp_health),
        confidential: n(r.dlp_confidential),
        custom: n(r.dlp_custom),
      },
      dlpBlocked: n(r.dlp_blocked),
      accountTypeBits: n(r.account_bits),
      interactionDays: n(r.interaction_days),
      signIns: n(r.sign_ins),
      idpRecords: n(r.idp_records),
      oauthGrants: n(r.oauth_grants),
      dataScopeGrants: n(r.data_scope_grants),
      seats: n(r.seats),
      browserRecords: n(r.browser_records),
      observationsByKind: Object.fromEntries(Object.entries((r.by_kind ?? {}) as object).map(([k, v]) => [k, n(v)])),
      observationsBySource: Object.fromEntries(Object.entries(bySource).map(([k, v]) => [k, n(v)])),
      sources: [...new Set(sources)].sort(),
      people: n(r.people),
      enrolledPeople: n(r.enrolled),
      idpOnlyPeople: n(r.idp_only),
      personalPeople: n(r.personal),
      departments: ((r.departments ?? []) as string[]).slice().sort(),
      firstSeen: new Date(r.first_seen as string),
      lastSeen: new Date(r.last_seen as string),
    };
  });
}

/** The account types of a daily_usage bit set (1 personal, 2 corporate, 4 unknown). */
export function accountTypesOf(bits: number): string[] {
  const out: string[] = [];
  if (bits & 1) out.push('personal');
  if (bits & 2) out.push('corporate');
  if (bits & 4) out.push('unknown');
  return out;
}
