import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { type AssetState, aiAssets } from '../db/schema.ts';
import { settledState, transition } from './asset-state.ts';
import { type GovernanceView, governanceOf } from './policy-input.ts';

/**
 * Assets an operator suppressed: the latest `suppress` / `unsuppress` decision on subject type `asset` is a
 * `suppress` whose `details.until` (if any) is still ahead.
 */
async function operatorSuppressed(db: Db, now: Date): Promise<Set<string>> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select subject_id as id from (
        select distinct on (subject_id) subject_id, decision, details from decisions
        where subject_type = 'asset' and decision in ('suppress', 'unsuppress')
        order by subject_id, at desc, id desc
      ) d
      where decision = 'suppress'
        and (details->>'until' is null or (details->>'until')::timestamptz > ${now.toISOString()}::timestamptz)
    `),
  );
  return new Set(rows.map((r) => r.id));
}

/** Per asset: live (not resolved) findings and how many of them are suppressed with a suppression still running. */
async function findingCounts(db: Db, now: Date) {
  const rows = rowsOf<{ asset_id: string; live: number; suppressed: number }>(
    await db.execute(sql`
      select asset_id::text, count(*)::int live,
        count(*) filter (where status = 'suppressed'
          and (suppressed_until is null or suppressed_until > ${now.toISOString()}::timestamptz))::int suppressed
      from findings where status <> 'resolved' and asset_id is not null group by asset_id
    `),
  );
  return new Map(rows.map((r) => [r.asset_id, { live: Number(r.live), suppressed: Number(r.suppressed) }]));
}

/**
 * The settled state of every asset (governed, ungoverned or suppressed) from governance, operator suppression and
 * the current findings. With `write`, stores the states that changed (each through the state machine from
 * `evaluated`). Returns the state per asset id.
 */
export async function settleStates(
  db: Db,
  options: { now: Date; governance: GovernanceView; write: boolean },
): Promise<Map<string, AssetState>> {
  const [assets, suppressed, counts] = await Promise.all([
    db
      .select({ id: aiAssets.id, assetKey: aiAssets.assetKey, serviceId: aiAssets.serviceId, state: aiAssets.state })
      .from(aiAssets),
    operatorSuppressed(db, options.now),
    findingCounts(db, options.now),
  ]);
  const states = new Map<string, AssetState>();
  const changed: { id: string; state: AssetState }[] = [];
  for (const a of assets) {
    const gov = governanceOf(options.governance, a);
    const c = counts.get(a.id) ?? { live: 0, suppressed: 0 };
    const state = transition(
      'evaluated',
      settledState({
        decided: gov.decided,
        status: gov.status,
        operatorSuppressed: suppressed.has(a.id),
        liveFindings: c.live,
        suppressedFindings: c.suppressed,
      }),
    );
    states.set(a.id, state);
    if (a.state !== state) changed.push({ id: a.id, state });
  }
  if (options.write) {
    for (let i = 0; i < changed.length; i += 1000) {
      const payload = JSON.stringify(changed.slice(i, i + 1000));
      await db.execute(sql`
        update ai_assets a set state = u.state, updated_at = ${options.now.toISOString()}::timestamptz
        from jsonb_to_recordset(${payload}::jsonb) as u(id uuid, state text) where a.id = u.id
      `);
    }
  }
  return states;
}
