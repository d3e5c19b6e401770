// The simulated organisation at bench scale, generated in PostgreSQL with generate_series (no row leaves SQL).
import { getCatalog } from '@sightline/fingerprints';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { rowsOf } from '../src/db/rows.ts';
import { createPartitionKeeper, monthOf } from '../src/ingest/partitions.ts';

export interface GeneratedData {
  people: number;
  dailyUsageRows: number;
  /** Events the rollups stand for: visits + surfaces + interactions + DLP events. */
  rollupEvents: number;
  rawDlpEvents: number;
  /** Raw visit and interaction events in the events table (what the rollups summarise; discovery never scans them). */
  rawOtherEvents: number;
  observations: number;
}

const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Legal', 'Support'];

async function scalar(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: string | number }>(await db.execute(query))[0]?.n ?? 0);
}

/**
 * `people` people in 6 departments; each uses 3 of 20 catalog services on two days in three over `days` days
 * (17 events per person × service × day: 6 visits, 4 surfaces, 4 prompts, 2 pastes, 1 upload), about one row in 97
 * with a DLP event; 200 unknown AI-like hosts; IdP assignments and sign-ins, OAuth grants with data scopes and
 * seats from "okta", "google" and "m365"; `rawDlp` raw DLP events and `rawOther` raw visits and prompts in the
 * partitioned events table.
 */
export async function generateOrganisation(
  db: Db,
  options: { people: number; days: number; rawDlp: number; rawOther: number; now: Date },
): Promise<GeneratedData> {
  const { people: n, days, now } = options;
  const today = now.toISOString().slice(0, 10);
  const services = getCatalog()
    .services.map((s) => s.id)
    .sort()
    .slice(0, 20);
  const svcArray = sql.raw(`array[${services.map((s) => `'${s}'`).join(',')}]`);
  const deptArray = sql.raw(`array[${DEPARTMENTS.map((d) => `'${d}'`).join(',')}]`);
  const nowIso = now.toISOString();
  await db.execute(sql`
    insert into people (person_key, email, name, department, source, updated_at)
    select 'u' || i || '@corp.example', 'u' || i || '@corp.example', 'User ' || i, (${deptArray})[1 + i % 6],
      'okta', ${nowIso}::timestamptz
    from generate_series(0, ${n - 1}::int) i
  `);
  await db.execute(sql`
    insert into daily_usage (day, service_key, person_key, visits, surfaces, prompts, pastes, uploads, dlp_events,
      dlp_secret, dlp_pii, dlp_health, dlp_blocked, account_types)
    select to_char(${today}::date - d, 'YYYY-MM-DD'), (${svcArray})[1 + (i + k) % 20], 'u' || i || '@corp.example',
      6, 4, 4, 2, 1,
      ((i + d + k) % 97 = 0)::int, ((i + d + k) % 194 = 0)::int, ((i + d + k) % 97 = 0 and i % 2 = 1)::int, 0, 0,
      case when i % 5 = 0 then 1 when i % 11 = 0 then 4 else 2 end
    from generate_series(1, ${days}::int) d, generate_series(0, ${n - 1}::int) i, (values (0), (5), (11)) m(k)
    where (i + d) % 3 <> 0
  `);
  await db.execute(sql`
    insert into daily_usage (day, service_key, person_key, visits, account_types)
    select to_char(${today}::date - (h % ${days}::int) - 1, 'YYYY-MM-DD'), 'host:chat-tool-' || h || '.ai',
      'u' || ((h * 37 + p) % ${n}::int) || '@corp.example', 1, 4
    from generate_series(0, 199) h, generate_series(0, 4) p
  `);
  const obs = (source: string, kind: string, svc: number, count: number, scopes: string, daysAgo: number) => sql`
    insert into observations (id, source, source_ref, kind, service_id, display_name, person_key, window_start,
      window_end, scopes, first_reported_at, last_reported_at)
    select gen_random_uuid(), ${source}, ${`${source}:${kind}:${svc}:`} || i, ${kind}, (${svcArray})[${svc}::int],
      (${svcArray})[${svc}::int], 'u' || i || '@corp.example',
      ${nowIso}::timestamptz - make_interval(days => ${daysAgo}::int + i % 7),
      ${nowIso}::timestamptz - make_interval(days => 1 + i % 7), ${scopes}::jsonb, ${nowIso}::timestamptz,
      ${nowIso}::timestamptz
    from generate_series(0, ${count - 1}::int) i
  `;
  for (const svc of [1, 2, 3, 4, 5]) {
    await db.execute(obs('okta', 'assignment', svc, Math.floor(n * 0.8), '[]', 60));
    await db.execute(obs('okta', 'sign_in', svc, n, '[]', 2));
  }
  await db.execute(
    obs('google', 'oauth_grant', 6, Math.floor(n * 0.1), '["https://www.googleapis.com/auth/drive"]', 20),
  );
  await db.execute(obs('google', 'oauth_grant', 7, Math.floor(n * 0.1), '["openid","email"]', 20));
  await db.execute(obs('m365', 'seat', 8, Math.floor(n * 0.5), '[]', 30));
  const ensure = createPartitionKeeper(db);
  const months = new Set<string>();
  for (let d = 0; d <= days + 1; d++) months.add(monthOf(new Date(now.getTime() - d * 86_400_000)));
  await ensure(months);
  await db.execute(sql`
    insert into events (id, occurred_at, device_at, received_at, device_id, person_key, kind, service_id, host,
      account_type, data)
    select gen_random_uuid(), ts, ts, ts, gen_random_uuid(), 'u' || (i % ${n}::int) || '@corp.example', 'dlp',
      (${svcArray})[1 + i % 20], null, (array['personal', 'corporate', 'unknown'])[1 + i % 3],
      jsonb_build_object(
        'findings', jsonb_build_array(jsonb_build_object('detector', (array['aws-access-key', 'email', 'iban', 'icd10-code'])[1 + i % 4],
          'category', (array['secret', 'pii', 'financial', 'health'])[1 + i % 4], 'confidence', 'high', 'count', 1, 'hashes', '[]'::jsonb)),
        'action', (array['allow', 'warn', 'redact', 'block'])[1 + (i / 4) % 4], 'mode', 'enforce',
        'decision', case when i % 2 = 0 then 'proceeded' else 'cancelled' end)
    from (select i, ${nowIso}::timestamptz - make_interval(secs => ((i::bigint * 7919) % (${days}::int * 86400))::int) ts
      from generate_series(0, ${options.rawDlp - 1}::int) i) x
  `);
  for (let done = 0; done < options.rawOther; done += 1_000_000) {
    const count = Math.min(1_000_000, options.rawOther - done);
    await db.execute(sql`
      insert into events (id, occurred_at, device_at, received_at, device_id, person_key, kind, service_id, host,
        account_type, data)
      select gen_random_uuid(), ts, ts, ts, gen_random_uuid(), 'u' || (i % ${n}::int) || '@corp.example',
        case when i % 3 = 0 then 'interaction' else 'visit' end, (${svcArray})[1 + i % 20], null, 'corporate',
        case when i % 3 = 0 then '{"action":"prompt","chars":120}'::jsonb else '{}'::jsonb end
      from (select i, ${nowIso}::timestamptz - make_interval(secs => ((i::bigint * 7919) % (${days}::int * 86400))::int) ts
        from generate_series(${done}::int, ${done + count - 1}::int) i) x
    `);
  }
  await db.execute(sql`
    insert into service_governance (service_id, status, updated_at, updated_by)
    select (${svcArray})[k], case when k <= 3 then 'sanctioned' when k = 4 then 'tolerated' else 'blocked' end,
      ${nowIso}::timestamptz, 'bench'
    from generate_series(1, 5) k
  `);
  await db.execute(sql`analyze`);
  return {
    people: n,
    dailyUsageRows: await scalar(db, sql`select count(*) n from daily_usage`),
    rollupEvents: await scalar(
      db,
      sql`select sum(visits + surfaces + prompts + pastes + uploads + dlp_events) n from daily_usage`,
    ),
    rawDlpEvents: await scalar(db, sql`select count(*) n from events where kind = 'dlp'`),
    rawOtherEvents: await scalar(db, sql`select count(*) n from events where kind <> 'dlp'`),
    observations: await scalar(db, sql`select count(*) n from observations`),
  };
}
