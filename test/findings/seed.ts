import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../backend/src/db/client.ts';
import { aiAssets, alerts, dailyUsage, findings, people } from '../../backend/src/db/schema.ts';
import { defaultPolicySnapshotId } from '../../backend/src/evidence/policy-snapshot.ts';

type AssetInsert = typeof aiAssets.$inferInsert;
type FindingInsert = typeof findings.$inferInsert;

/** Inserts an AI asset the way discovery would; returns the row as inserted. */
export async function seedAsset(db: Db, now: Date, overrides: Partial<AssetInsert> = {}) {
  const serviceId = overrides.serviceId === undefined ? 'chatgpt' : overrides.serviceId;
  const row: AssetInsert = {
    id: uuidv7(),
    assetKey: serviceId ? `svc:${serviceId}` : 'host:chat.unknown.example',
    serviceId,
    name: serviceId ?? 'chat.unknown.example',
    state: 'ungoverned',
    tier: 2,
    riskTier: 'high',
    peopleCount: 10,
    departments: ['Engineering'],
    accountTypes: ['personal'],
    sources: ['extension'],
    firstSeen: new Date(now.getTime() - 10 * 86400_000),
    lastSeen: now,
    updatedAt: now,
    ...overrides,
  };
  await db.insert(aiAssets).values(row);
  return row as AssetInsert & { id: string };
}

/** Inserts an open finding on `assetId`; returns the row as inserted. */
export async function seedFinding(db: Db, now: Date, assetId: string | null, overrides: Partial<FindingInsert> = {}) {
  const id = uuidv7();
  const row: FindingInsert = {
    id,
    findingKey: `unsanctioned-trains-on-data:${assetId ?? id}`,
    ruleId: 'unsanctioned-trains-on-data',
    policySnapshotId: defaultPolicySnapshotId(),
    assetId,
    title: 'Unsanctioned service used by 10 people',
    severity: 'high',
    tier: 2,
    status: 'open',
    evidence: { observations: 3, events: 40 },
    firstSeen: new Date(now.getTime() - 5 * 86400_000),
    lastSeen: now,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await db.insert(findings).values(row);
  return row as FindingInsert & { id: string };
}

/** Inserts people with departments. */
export async function seedPeople(db: Db, now: Date, list: { personKey: string; department: string | null }[]) {
  if (list.length === 0) return;
  await db.insert(people).values(
    list.map((p) => ({
      personKey: p.personKey,
      email: p.personKey,
      department: p.department,
      source: 'fixture',
      updatedAt: now,
    })),
  );
}

/** Inserts daily usage rows (one per person) for a service on `day`. */
export async function seedUsage(
  db: Db,
  rows: ({ day: string; serviceKey: string; personKey: string } & Partial<typeof dailyUsage.$inferInsert>)[],
) {
  if (rows.length === 0) return;
  await db.insert(dailyUsage).values(rows.map((r) => ({ prompts: 3, visits: 2, accountTypes: 1, ...r })));
}

/** Inserts an alert; returns its id. */
export async function seedAlert(db: Db, now: Date, overrides: Partial<typeof alerts.$inferInsert> = {}) {
  const id = uuidv7();
  await db.insert(alerts).values({
    id,
    alertKey: `rule:${id}`,
    ruleId: 'secrets-to-personal-accounts',
    policySnapshotId: defaultPolicySnapshotId(),
    severity: 'critical',
    message: 'Secrets were sent to personal ChatGPT accounts.',
    status: 'open',
    createdAt: now,
    lastRaisedAt: now,
    delivery: 'pending',
    ...overrides,
  });
  return id;
}
