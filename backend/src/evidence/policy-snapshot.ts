import { and, desc, eq } from 'drizzle-orm';
import { compileDefaultDlpPolicy } from '../bundle/dlp-policy-source.ts';
import type { Db } from '../db/client.ts';
import { policyVersions } from '../db/schema.ts';

let shippedSnapshotId: string | undefined;

/** The snapshot id of the shipped default policies (compiled once per process). */
export function defaultPolicySnapshotId(): string {
  shippedSnapshotId ??= compileDefaultDlpPolicy().snapshotId;
  return shippedSnapshotId;
}

/** The snapshot id of the policy in force: the newest active stored version, else the shipped defaults. */
export async function activePolicySnapshotId(db: Db): Promise<string> {
  const [row] = await db
    .select({ snapshotId: policyVersions.snapshotId })
    .from(policyVersions)
    .where(and(eq(policyVersions.active, true)))
    .orderBy(desc(policyVersions.createdAt), desc(policyVersions.id))
    .limit(1);
  return row?.snapshotId ?? defaultPolicySnapshotId();
}

/** True when `snapshotId` names a stored policy version or the shipped defaults. */
export async function isKnownSnapshot(db: Db, snapshotId: string): Promise<boolean> {
  if (snapshotId === defaultPolicySnapshotId()) return true;
  const [row] = await db
    .select({ id: policyVersions.id })
    .from(policyVersions)
    .where(eq(policyVersions.snapshotId, snapshotId))
    .limit(1);
  return Boolean(row);
}
