import { and, asc, desc, eq, gte, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { exposureDaily } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { Contribution } from './formula.ts';

/**
 * The stored exposure of the latest computed day: the scope's score and top contributions, and every department's
 * and the top services' scores. Reads exposure_daily only (no recompute), so it stays fast at any size.
 */
export async function exposureOverview(db: Db, options: { scope: string; top: number }) {
  const [latest] = await db
    .select({ day: exposureDaily.day })
    .from(exposureDaily)
    .where(eq(exposureDaily.scope, 'org'))
    .orderBy(desc(exposureDaily.day))
    .limit(1);
  if (!latest) {
    const none: never[] = [];
    return {
      day: null,
      computedAt: null,
      scope: options.scope,
      score: null,
      contributions: none as Contribution[],
      departments: none,
      services: none,
    };
  }
  const [row] = await db
    .select()
    .from(exposureDaily)
    .where(and(eq(exposureDaily.day, latest.day), eq(exposureDaily.scope, options.scope)));
  if (!row) throw new ApiError(404, 'not_found', `No exposure for scope ${options.scope} on ${latest.day}.`);
  const scoreOf = (prefix: string) =>
    db
      .select({
        scope: exposureDaily.scope,
        score: exposureDaily.score,
        name: sql<string | null>`${exposureDaily.contributions}->0->>'name'`,
      })
      .from(exposureDaily)
      .where(and(eq(exposureDaily.day, latest.day), like(exposureDaily.scope, `${prefix}%`)))
      .orderBy(desc(exposureDaily.score), asc(exposureDaily.scope));
  const [departments, services] = await Promise.all([scoreOf('department:'), scoreOf('service:')]);
  return {
    day: latest.day,
    computedAt: row.computedAt.toISOString(),
    scope: row.scope,
    score: row.score,
    contributions: row.contributions.slice(0, options.top) as Contribution[],
    departments: departments.map((d) => ({ department: d.scope.slice('department:'.length), score: d.score })),
    services: services
      .slice(0, 100)
      .map((s) => ({ assetKey: s.scope.slice('service:'.length), name: s.name ?? s.scope, score: s.score })),
  };
}

/** Daily scores of one scope over the last `days` days (oldest first), for trends. */
export async function exposureSeries(db: Db, options: { scope: string; days: number; now: Date }) {
  const from = new Date(options.now.getTime() - (options.days - 1) * 86400_000).toISOString().slice(0, 10);
  const rows = await db
    .select({ day: exposureDaily.day, score: exposureDaily.score })
    .from(exposureDaily)
    .where(and(eq(exposureDaily.scope, options.scope), gte(exposureDaily.day, from)))
    .orderBy(asc(exposureDaily.day));
  return { scope: options.scope, days: options.days, points: rows };
}
