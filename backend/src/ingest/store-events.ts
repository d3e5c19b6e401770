import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { ValidEvent } from './validate-events.ts';

/**
 * Stores a batch of validated events and updates the daily rollups in ONE statement (so in one transaction):
 * rows go in through `jsonb_to_recordset` (one parameter, no row-by-row inserts), duplicates by id are skipped
 * by the primary key, and only the rows actually inserted feed the rollup and the device's event count,
 * so retries never count twice.
 * Returns the ids that were inserted.
 */
export async function storeEvents(
  db: Db,
  batch: { deviceId: string; personKey: string; receivedAt: Date; events: readonly ValidEvent[] },
): Promise<Set<string>> {
  if (batch.events.length === 0) return new Set();
  const payload = JSON.stringify(
    batch.events.map((e) => ({
      id: e.id,
      occurred_at: e.occurredAt.toISOString(),
      device_at: e.deviceAt.toISOString(),
      kind: e.kind,
      service_id: e.serviceId,
      host: e.host,
      account_type: e.accountType,
      data: e.data,
    })),
  );
  const now = batch.receivedAt.toISOString();
  const rows = await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${payload}::jsonb)
        as r(id uuid, occurred_at timestamptz, device_at timestamptz, kind text, service_id text, host text, account_type text, data jsonb)
    ), ins as (
      insert into events (id, occurred_at, device_at, received_at, device_id, person_key, kind, service_id, host, account_type, data)
      select id, occurred_at, device_at, ${now}::timestamptz, ${batch.deviceId}::uuid, ${batch.personKey}, kind, service_id, host, account_type, data
      from input
      on conflict do nothing
      returning id, occurred_at, kind, service_id, host, account_type, data
    ), roll as (
      insert into daily_usage as u (day, service_key, person_key, visits, surfaces, prompts, pastes, uploads,
        dlp_events, dlp_secret, dlp_pii, dlp_financial, dlp_health, dlp_confidential, dlp_custom, dlp_blocked,
        account_types, adapter_problems)
      select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD'),
        coalesce(service_id, 'host:' || host),
        ${batch.personKey},
        count(*) filter (where kind = 'visit'),
        count(*) filter (where kind = 'surface'),
        count(*) filter (where kind = 'interaction' and data->>'action' = 'prompt'),
        count(*) filter (where kind = 'interaction' and data->>'action' = 'paste'),
        count(*) filter (where kind = 'interaction' and data->>'action' in ('upload', 'drop')),
        count(*) filter (where kind = 'dlp'),
        count(*) filter (where kind = 'dlp' and data->'findings' @> '[{"category":"secret"}]'),
        count(*) filter (where kind = 'dlp' and data->'findings' @> '[{"category":"pii"}]'),
        count(*) filter (where kind = 'dlp' and data->'findings' @> '[{"category":"financial"}]'),
        count(*) filter (where kind = 'dlp' and data->'findings' @> '[{"category":"health"}]'),
        count(*) filter (where kind = 'dlp' and data->'findings' @> '[{"category":"confidential"}]'),
        count(*) filter (where kind = 'dlp' and data->'findings' @> '[{"category":"custom"}]'),
        count(*) filter (where kind = 'dlp' and data->>'action' = 'block' and data->>'mode' = 'enforce'),
        bit_or(case account_type when 'personal' then 1 when 'corporate' then 2 when 'unknown' then 4 else 0 end),
        count(*) filter (where kind = 'adapter_health')
      from ins
      where kind <> 'queue_overflow' and (service_id is not null or host is not null)
      group by 1, 2
      on conflict (day, service_key, person_key) do update set
        visits = u.visits + excluded.visits,
        surfaces = u.surfaces + excluded.surfaces,
        prompts = u.prompts + excluded.prompts,
        pastes = u.pastes + excluded.pastes,
        uploads = u.uploads + excluded.uploads,
        dlp_events = u.dlp_events + excluded.dlp_events,
        dlp_secret = u.dlp_secret + excluded.dlp_secret,
        dlp_pii = u.dlp_pii + excluded.dlp_pii,
        dlp_financial = u.dlp_financial + excluded.dlp_financial,
        dlp_health = u.dlp_health + excluded.dlp_health,
        dlp_confidential = u.dlp_confidential + excluded.dlp_confidential,
        dlp_custom = u.dlp_custom + excluded.dlp_custom,
        dlp_blocked = u.dlp_blocked + excluded.dlp_blocked,
        account_types = u.account_types | excluded.account_types,
        adapter_problems = u.adapter_problems + excluded.adapter_problems
    ), dev as (
      update devices set events = events + (select count(*) from ins), last_seen_at = ${now}::timestamptz
      where id = ${batch.deviceId}::uuid and exists (select 1 from ins)
    )
    select id::text as id from ins
  `);
  return new Set(rowsOf<{ id: string }>(rows).map((r) => r.id));
}
