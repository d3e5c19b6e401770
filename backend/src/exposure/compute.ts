import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { exposureDaily } from '../db/schema.ts';
import { exposureInputs } from './exposure-inputs.ts';
import { assetContributions, type Contribution, scoreOf } from './formula.ts';

/** Contributions kept per stored scope (the largest first); the score counts all of them. */
const KEEP = 100;

/**
 * Recomputes today's (UTC) exposure for the organisation, each department and each asset from ai_assets,
 * governance, findings and the rollups, and replaces today's exposure_daily rows (scopes `org`,
 * `department:<name>`, `service:<assetKey>`) in one transaction. Reads nothing else; safe to repeat.
 */
export async function computeExposure(db: Db, options: { now: Date }): Promise<unknown> {
  const day = options.now.toISOString().slice(0, 10);
  const inputs = await exposureInputs(db, options.now);
  const rows: (typeof exposureDaily.$inferInsert)[] = [];
  const add = (scope: string, contributions: Contribution[]) => {
    const s = scoreOf(contributions);
    rows.push({ day, scope, score: s.score, contributions: s.contributions.slice(0, KEEP), computedAt: options.now });
    return s;
  };
  const perAsset = inputs.org.map((a) => ({ a, c: assetContributions(a) }));
  const org = add(
    'org',
    perAsset.flatMap((x) => x.c),
  );
  for (const { a, c } of perAsset) add(`service:${a.assetKey}`, c);
  for (const [department, list] of inputs.byDepartment) {
    add(`department:${department}`, list.flatMap(assetContributions));
  }
  await db.transaction(async (tx) => {
    await tx.delete(exposureDaily).where(eq(exposureDaily.day, day));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(exposureDaily).values(rows.slice(i, i + 500));
  });
  return {
    day,
    score: org.score,
    points: org.points,
    scopes: rows.length,
    departments: inputs.byDepartment.size,
    services: perAsset.length,
  };
}
