import { asc, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { decisions } from '../db/schema.ts';

/** The fields the evidence contract requires of every decision; human (user) decisions also need subjectVersion. */
const required: [string, SQL][] = [
  ['decision', sql`coalesce(${decisions.decision}, '') = ''`],
  ['subjectType', sql`coalesce(${decisions.subjectType}, '') = ''`],
  ['subjectId', sql`coalesce(${decisions.subjectId}, '') = ''`],
  ['ruleId', sql`coalesce(${decisions.ruleId}, '') = ''`],
  ['reason', sql`coalesce(${decisions.reason}, '') = ''`],
  ['policySnapshotId', sql`coalesce(${decisions.policySnapshotId}, '') = ''`],
  ['actorType', sql`coalesce(${decisions.actorType}, '') = ''`],
  ['actorId', sql`coalesce(${decisions.actorId}, '') = ''`],
  ['actorRole', sql`coalesce(${decisions.actorRole}, '') = ''`],
  ['at', sql`${decisions.at} is null`],
  ['subjectVersion', sql`(${decisions.actorType} = 'user' and ${decisions.subjectVersion} is null)`],
];

/** Decisions missing any field the evidence contract requires (target: none), with the fields each lacks. */
export async function incompleteDecisions(db: Db, limit = 500) {
  const flags = Object.fromEntries(required.map(([name, cond]) => [name, sql<boolean>`(${cond})`]));
  const [{ checked }] = (await db.select({ checked: sql<number>`count(*)::int` }).from(decisions)) as [
    { checked: number },
  ];
  const rows = await db
    .select({
      id: decisions.id,
      decision: decisions.decision,
      subjectType: decisions.subjectType,
      subjectId: decisions.subjectId,
      actorType: decisions.actorType,
      at: decisions.at,
      ...flags,
    })
    .from(decisions)
    .where(or(...required.map(([, cond]) => cond)))
    .orderBy(asc(decisions.at), asc(decisions.id))
    .limit(limit + 1);
  const incomplete = rows.slice(0, limit).map((r) => {
    const row = r as Record<string, unknown>;
    return {
      id: String(row.id),
      decision: String(row.decision ?? ''),
      subjectType: String(row.subjectType ?? ''),
      subjectId: String(row.subjectId ?? ''),
      actorType: String(row.actorType ?? ''),
      at: row.at instanceof Date ? row.at.toISOString() : null,
      missing: required.map(([name]) => name).filter((name) => row[name] === true),
    };
  });
  return { checked: Number(checked), complete: incomplete.length === 0, truncated: rows.length > limit, incomplete };
}
