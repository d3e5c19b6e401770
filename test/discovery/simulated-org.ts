import { sql } from 'drizzle-orm';
import type { Db } from '../../backend/src/db/client.ts';
import type { ObservationInput } from '../../backend/src/discovery/observations.ts';

export const departments = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Legal', 'Support'] as const;

/** Person `i` of the simulated organisation. */
export const person = (i: number) => `p${i}@corp.example`;

/**
 * The simulated organisation's directory and 30 days of extension rollups, generated in SQL (generate_series):
 * - Microsoft 365 Copilot (to be sanctioned): people 0..n*0.6, corporate accounts, prompts every weekday;
 * - ChatGPT: people 0..n*0.3, personal accounts, prompts every third day;
 * - DeepSeek (critical risk, unsanctioned): people n*0.9..n, pastes on days 0..9;
 * - an unknown AI-like host visited once by three people.
 * Returns the daily_usage rows written.
 */
export async function seedOrganisation(db: Db, options: { people: number; days: number; now: Date }): Promise<number> {
  const { people: n, days } = options;
  const today = options.now.toISOString().slice(0, 10);
  const list = sql.raw(`array[${departments.map((d) => `'${d}'`).join(',')}]`);
  await db.execute(sql`
    insert into people (person_key, email, name, department, source, updated_at)
    select 'p' || i || '@corp.example', 'p' || i || '@corp.example', 'Person ' || i,
      (${list})[1 + i % 6], 'fixture', ${options.now.toISOString()}::timestamptz
    from generate_series(0, ${n - 1}::int) i
  `);
  await db.execute(sql`
    insert into daily_usage (day, service_key, person_key, visits, surfaces, prompts, pastes, uploads, account_types)
    select to_char(${today}::date - d, 'YYYY-MM-DD'), s.key, 'p' || i || '@corp.example',
      s.visits, s.visits, s.prompts, s.pastes, 0, s.bits
    from generate_series(1, ${days}::int) d
    cross join (values
      ('microsoft-365-copilot', 0, ${Math.floor(n * 0.6)}::int, 4, 3, 0, 2, 1),
      ('chatgpt', 0, ${Math.floor(n * 0.3)}::int, 3, 2, 1, 1, 3),
      ('deepseek', ${Math.floor(n * 0.9)}::int, ${n}::int, 2, 1, 2, 1, 1)
    ) as s(key, lo, hi, visits, prompts, pastes, bits, every)
    cross join generate_series(0, ${n - 1}::int) i
    where i >= s.lo and i < s.hi and d % s.every = 0
      and (s.key <> 'microsoft-365-copilot' or extract(isodow from ${today}::date - d) < 6)
      and (s.key <> 'deepseek' or d <= 10)
  `);
  await db.execute(sql`
    insert into daily_usage (day, service_key, person_key, visits, account_types)
    select to_char(${today}::date - 2, 'YYYY-MM-DD'), 'host:chat.acme-llm.dev', 'p' || i || '@corp.example', 1, 4
    from generate_series(0, 2) i
  `);
  const res = (await db.execute(sql`select count(*)::int n from daily_usage`)) as unknown;
  const rows = Array.isArray(res) ? res : (res as { rows: { n: number }[] }).rows;
  return Number((rows[0] as { n: number }).n);
}

/** IdP and OAuth observations for the fixture source: Copilot assignments and seats, DeepSeek grants with data scopes. */
export function idpObservations(options: { people: number; now: Date }): Omit<ObservationInput, 'source'>[] {
  const { people: n, now } = options;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const out: Omit<ObservationInput, 'source'>[] = [];
  for (let i = 0; i < Math.floor(n * 0.6); i++) {
    out.push({
      sourceRef: `okta:assignment:${i}`,
      kind: 'assignment',
      app: { name: 'Microsoft 365 Copilot' },
      person: { email: person(i) },
      windowStart: at(29),
      windowEnd: at(1),
    });
    out.push({
      sourceRef: `m365:seat:${i}`,
      kind: 'seat',
      app: { name: 'Microsoft 365 Copilot' },
      person: { email: person(i) },
      windowStart: at(29),
      windowEnd: at(1),
    });
  }
  for (let i = Math.floor(n * 0.9); i < Math.floor(n * 0.9) + 5; i++) {
    out.push({
      sourceRef: `google:grant:deepseek:${i}`,
      kind: 'oauth_grant',
      app: { name: 'DeepSeek' },
      person: { email: person(i) },
      scopes: ['https://www.googleapis.com/auth/drive.readonly', 'openid'],
      windowStart: at(12),
      windowEnd: at(12),
    });
  }
  out.push({
    sourceRef: 'google:grant:acme-gpt-helper',
    kind: 'oauth_grant',
    app: { name: 'Acme GPT Helper' },
    person: { email: person(7) },
    scopes: ['https://www.googleapis.com/auth/gmail.readonly'],
    windowStart: at(3),
    windowEnd: at(3),
  });
  return out;
}
