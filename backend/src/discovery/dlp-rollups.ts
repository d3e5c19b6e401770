import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';

/** DLP events over the window for one service key × account type × detector category (the policies' `event`). */
export interface DlpRollup {
  /** Catalog id, or `host:<host>` for an unknown AI-like host. */
  serviceKey: string;
  accountType: 'personal' | 'corporate' | 'unknown';
  category: string;
  detectors: string[];
  maxConfidence: 'low' | 'medium' | 'high';
  events: number;
  people: number;
  sent: number;
  allowed: number;
  warned: number;
  proceeded: number;
  redacted: number;
  blocked: number;
  firstSeen: Date;
  lastSeen: Date;
}

/**
 * Aggregates raw `dlp` events of the window (the partial index `events_dlp_idx` keeps this off the bulk of visits
 * and interactions) per service × account type × category, in SQL. An event with several findings of one category
 * counts once for it. "Sent" = the data left the browser: allowed, warned and proceeded, or monitor mode.
 */
export async function dlpRollups(db: Db, options: { now: Date; lookbackDays: number }): Promise<DlpRollup[]> {
  const cut = new Date(options.now.getTime() - options.lookbackDays * 86_400_000).toISOString();
  const now = options.now.toISOString();
  const result = await db.execute(sql`
    with e as (
      select id, coalesce(service_id, 'host:' || host) skey, person_key, occurred_at,
        case when account_type in ('personal', 'corporate') then account_type else 'unknown' end acct,
        data->>'action' action, data->>'mode' mode, data->>'decision' decision, data->'findings' findings
      from events
      where kind = 'dlp' and occurred_at >= ${cut}::timestamptz and occurred_at <= ${now}::timestamptz
        and (service_id is not null or host is not null)
    ), f as (
      select e.id, e.skey, e.acct, e.person_key, e.occurred_at, e.action, e.mode, e.decision,
        x->>'category' category, x->>'detector' detector,
        case x->>'confidence' when 'high' then 3 when 'medium' then 2 else 1 end conf
      from e, jsonb_array_elements(e.findings) x
    ), per_event as (
      select id, skey, acct, category, min(person_key) person_key, min(occurred_at) occurred_at, min(action) action,
        min(mode) mode, min(decision) decision
      from f group by id, skey, acct, category
    ), counts as (
      select skey, acct, category, count(*) events, count(distinct person_key) people,
        count(*) filter (where mode = 'monitor' or action = 'allow' or (action = 'warn' and decision = 'proceeded')) sent,
        count(*) filter (where action = 'allow') allowed,
        count(*) filter (where action = 'warn') warned,
        count(*) filter (where action = 'warn' and decision = 'proceeded') proceeded,
        count(*) filter (where action = 'redact') redacted,
        count(*) filter (where action = 'block') blocked,
        min(occurred_at) first_seen, max(occurred_at) last_seen
      from per_event group by 1, 2, 3
    ), dets as (
      select skey, acct, category, jsonb_agg(distinct detector) detectors, max(conf) conf from f group by 1, 2, 3
    )
    select c.*, d.detectors, d.conf from counts c join dets d using (skey, acct, category)
    order by c.skey, c.acct, c.category
  `);
  const confidence = ['low', 'low', 'medium', 'high'] as const;
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    serviceKey: String(r.skey),
    accountType: r.acct as DlpRollup['accountType'],
    category: String(r.category),
    detectors: ((r.detectors ?? []) as string[]).slice().sort(),
    maxConfidence: confidence[Number(r.conf)] ?? 'low',
    events: Number(r.events),
    people: Number(r.people),
    sent: Number(r.sent),
    allowed: Number(r.allowed),
    warned: Number(r.warned),
    proceeded: Number(r.proceeded),
    redacted: Number(r.redacted),
    blocked: Number(r.blocked),
    firstSeen: new Date(r.first_seen as string),
    lastSeen: new Date(r.last_seen as string),
  }));
}

/** The asset key a rollup belongs to. */
export function assetKeyOfService(serviceKey: string): string {
  return serviceKey.startsWith('host:') ? serviceKey : `svc:${serviceKey}`;
}
