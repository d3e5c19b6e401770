import { type CompiledPolicySet, compilePolicySet, type PolicySetIssue, validatePolicy } from '@sightline/policies';
import { readDefaultPolicies } from '@sightline/policies/node';
import { desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { policyVersions } from '../db/schema.ts';

/** The three documents of a policy set, by name; stored as YAML text in this order. */
export const documentNames = ['classification', 'exposure', 'dlpActions'] as const;
export type DocumentName = (typeof documentNames)[number];
export type PolicyTexts = Record<DocumentName, string>;
const kindOf: Record<DocumentName, string> = {
  classification: 'classification',
  exposure: 'exposure',
  dlpActions: 'dlp-actions',
};

/** A stored policy version with its documents. */
export interface PolicyVersion {
  id: string;
  snapshotId: string;
  active: boolean;
  documents: PolicyTexts;
  createdAt: Date;
  createdBy: string | null;
  note: string | null;
}

/** A validation problem located in one named document (path, 1-based line and column). */
export interface PolicyProblem extends Omit<PolicySetIssue, 'document'> {
  document: DocumentName | 'set';
}

const POLICY_LOCK_KEY = 0x534c504f4c;
const compiled = new Map<string, CompiledPolicySet>();

function toVersion(row: typeof policyVersions.$inferSelect): PolicyVersion {
  const [classification = '', exposure = '', dlpActions = ''] = row.documents;
  return { ...row, documents: { classification, exposure, dlpActions } };
}

/** Validates and compiles three documents; each must be of the kind its name says. Problems point at rule/line/column. */
export function compileTexts(
  texts: PolicyTexts,
):
  | { ok: true; set: CompiledPolicySet; warnings: PolicyProblem[] }
  | { ok: false; errors: PolicyProblem[]; warnings: PolicyProblem[] } {
  const named = (i: PolicySetIssue): PolicyProblem => ({ ...i, document: documentNames[i.document] ?? 'set' });
  const result = compilePolicySet(documentNames.map((n) => texts[n]));
  if (!result.ok) return { ok: false, errors: result.errors.map(named), warnings: result.warnings.map(named) };
  const misplaced: PolicyProblem[] = [];
  for (const name of documentNames) {
    const v = validatePolicy(texts[name]);
    if (v.ok && v.policy.kind !== kindOf[name]) {
      misplaced.push({
        document: name,
        path: 'kind',
        line: 1,
        column: 1,
        message: `expected kind ${kindOf[name]}, found ${v.policy.kind}`,
      });
    }
  }
  if (misplaced.length > 0) return { ok: false, errors: misplaced, warnings: [] };
  return { ok: true, set: result.set, warnings: result.warnings.map(named) };
}

/** The shipped defaults (policies/defaults) as named texts. */
export function defaultPolicyTexts(): PolicyTexts {
  const [classification, exposure, dlpActions] = readDefaultPolicies().map((f) => f.text);
  return { classification: classification!, exposure: exposure!, dlpActions: dlpActions! };
}

async function readActive(db: Db) {
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.active, true));
  return row;
}

/**
 * The active policy version. On first use the shipped defaults are stored as the first active version; the insert
 * is idempotent across replicas (unique snapshot id and a single active row), so concurrent first uses agree.
 */
export async function activePolicyVersion(db: Db, clock: Clock): Promise<PolicyVersion> {
  const row = await readActive(db);
  if (row) return toVersion(row);
  const texts = defaultPolicyTexts();
  const result = compileTexts(texts);
  if (!result.ok) throw new Error(`the default policies do not compile: ${JSON.stringify(result.errors)}`);
  await db
    .insert(policyVersions)
    .values({
      id: uuidv7(),
      snapshotId: result.set.snapshotId,
      documents: documentNames.map((n) => texts[n]),
      active: true,
      createdBy: 'system',
      createdAt: clock(),
      note: 'shipped defaults (policies/defaults)',
    })
    .onConflictDoNothing();
  const seeded = await readActive(db);
  if (!seeded) throw new Error('no active policy version after seeding the defaults');
  return toVersion(seeded);
}

/** The compiled active policy set; compiled once per snapshot id and cached. */
export async function activePolicySet(db: Db, clock: Clock): Promise<CompiledPolicySet> {
  const version = await activePolicyVersion(db, clock);
  const hit = compiled.get(version.snapshotId);
  if (hit) return hit;
  const result = compileTexts(version.documents);
  if (!result.ok)
    throw new Error(`stored policy version ${version.id} does not compile: ${JSON.stringify(result.errors)}`);
  if (compiled.size >= 32) compiled.delete(compiled.keys().next().value as string);
  compiled.set(version.snapshotId, result.set);
  return result.set;
}

/**
 * Saves compiled documents as the active version (a known snapshot is re-activated rather than duplicated).
 * Returns the version and whether the active snapshot changed.
 */
export async function saveActiveVersion(
  db: Db,
  clock: Clock,
  texts: PolicyTexts,
  set: CompiledPolicySet,
  by: string,
  note: string | null,
): Promise<{ version: PolicyVersion; previous: string | null; changed: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${POLICY_LOCK_KEY})`);
    const before = await readActive(tx);
    if (before?.snapshotId === set.snapshotId)
      return { version: toVersion(before), previous: before.snapshotId, changed: false };
    await tx.update(policyVersions).set({ active: false }).where(eq(policyVersions.active, true));
    const [row] = await tx
      .insert(policyVersions)
      .values({
        id: uuidv7(),
        snapshotId: set.snapshotId,
        documents: documentNames.map((n) => texts[n]),
        active: true,
        createdBy: by,
        createdAt: clock(),
        note,
      })
      .onConflictDoUpdate({ target: policyVersions.snapshotId, set: { active: true } })
      .returning();
    compiled.set(set.snapshotId, set);
    return { version: toVersion(row!), previous: before?.snapshotId ?? null, changed: true };
  });
}

/** Every stored version, newest first (documents left out). */
export async function listPolicyVersions(db: Db) {
  return db
    .select({
      id: policyVersions.id,
      snapshotId: policyVersions.snapshotId,
      active: policyVersions.active,
      createdAt: policyVersions.createdAt,
      createdBy: policyVersions.createdBy,
      note: policyVersions.note,
    })
    .from(policyVersions)
    .orderBy(desc(policyVersions.createdAt), desc(policyVersions.id))
    .limit(500);
}
