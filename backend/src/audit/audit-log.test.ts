import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase, postgresMissing } from '../../../test/support/databases.ts';
import { manualClock } from '../clock.ts';
import { createSecretBox } from '../crypto/secret-box.ts';
import { loadSigner } from '../crypto/signing-keys.ts';
import type { Db } from '../db/client.ts';
import { createAuditLog } from './audit-log.ts';
import { entryHash } from './entry-hash.ts';
import { verifyAuditLog } from './verify.ts';

async function seeded(db: Db, count: number, checkpointEvery = 1000) {
  const clock = manualClock();
  const signer = await loadSigner(db, createSecretBox(Buffer.alloc(32, 9)), clock);
  const log = createAuditLog({ db, clock, signer, checkpointEvery });
  const ids: string[] = [];
  const hashes: string[] = [];
  for (let i = 0; i < count; i++) {
    clock.advance(1000);
    const { id, hash } = await log.append({
      actor: { type: 'user', id: `u${i % 3}`, role: 'admin' },
      action: 'connector.update',
      target: { type: 'connector', id: `c${i}` },
      outcome: 'success',
      details: { n: i, nested: { b: [1, 2], a: 'x' } },
    });
    ids.push(id);
    hashes.push(hash);
  }
  return { log, ids, hashes, clock };
}

/** The insider: someone who can run DDL and DML on the table, bypassing the append-only trigger. */
async function asInsider(db: Db, statement: ReturnType<typeof sql>) {
  await db.execute(sql`alter table audit_log disable trigger user`);
  await db.execute(statement);
  await db.execute(sql`alter table audit_log enable trigger user`);
}

describe.each(databaseKinds)('audit log on %s', (kind) => {
  const run = it.skipIf(postgresMissing(kind));

  run('an untouched chain verifies, with signed checkpoints every N entries', async () => {
    const database = await openTestDatabase(kind);
    try {
      const { log } = await seeded(database.db, 25, 10);
      await log.checkpoint();
      const report = await verifyAuditLog(database.db);
      expect(report).toMatchObject({ ok: true, entries: 25, checkpoints: 3, first: null });
    } finally {
      await database.close();
    }
  });

  run('the table refuses updates and deletes', async () => {
    const database = await openTestDatabase(kind);
    try {
      await seeded(database.db, 2);
      const refused = { cause: { message: expect.stringMatching(/append-only/) } };
      await expect(database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toMatchObject(refused);
      await expect(database.db.execute(sql`delete from audit_log`)).rejects.toMatchObject(refused);
    } finally {
      await database.close();
    }
  });

  const tampering: [string, (ids: string[], hashes: string[]) => ReturnType<typeof sql>, string, number][] = [
    ['modified', (ids) => sql`update audit_log set details = '{"n": 999}'::jsonb where id = ${ids[4]}`, 'modified', 4],
    ['deleted', (ids) => sql`delete from audit_log where id = ${ids[4]}`, 'deleted', 5],
    [
      'inserted',
      // A well-formed forged entry (valid hash, linked to entry 4) squeezed in at seq 5.
      (_ids, hashes) => {
        const forged = {
          id: '01900000-0000-7000-8000-000000000001',
          at: new Date('2026-11-01T09:00:04.500Z'),
          actorType: 'user',
          actorId: 'u9',
          actorRole: 'owner',
          action: 'user.create',
          targetType: 'user',
          targetId: 'backdoor',
          outcome: 'success',
          details: {},
          requestId: null,
          prevHash: hashes[3]!,
        };
        return sql`insert into audit_log (id, seq, at, actor_type, actor_id, actor_role, action, target_type, target_id, outcome, details, request_id, prev_hash, hash)
          values (${forged.id}, 5, ${forged.at.toISOString()}::timestamptz, 'user', 'u9', 'owner', 'user.create', 'user', 'backdoor', 'success', '{}'::jsonb, null, ${forged.prevHash}, ${entryHash(forged)})`;
      },
      'inserted',
      -1,
    ],
    [
      'reordered',
      (ids) =>
        sql`update audit_log set seq = case when id = ${ids[4]} then 6 else 5 end where id in (${ids[4]}, ${ids[5]})`,
      'reordered',
      5,
    ],
  ];

  it.skipIf(postgresMissing(kind)).each(tampering)(
    'finds a %s entry and names it',
    async (_name, statement, expectedKind, index) => {
      const database = await openTestDatabase(kind);
      try {
        const { ids, hashes } = await seeded(database.db, 10);
        await asInsider(database.db, statement(ids, hashes));
        const report = await verifyAuditLog(database.db);
        expect(report.ok).toBe(false);
        expect(report.first?.kind).toBe(expectedKind);
        if (index >= 0) expect(report.first?.entryId).toBe(ids[index]);
        else expect(ids).not.toContain(report.first?.entryId);
        expect(report.first?.message).toContain(report.first?.entryId ?? 'seq');
      } finally {
        await database.close();
      }
    },
  );

  run('a rewrite that recomputes every hash is caught by the signed checkpoint', async () => {
    const database = await openTestDatabase(kind);
    try {
      const { ids } = await seeded(database.db, 12, 10);
      // Rewrite entry 3 and re-chain everything after it with valid hashes, as an insider without the key could.
      const rows = await database.db.execute(sql`select * from audit_log order by seq`);
      const { rowsOf } = await import('../db/rows.ts');
      const { entryHash, GENESIS_HASH } = await import('./entry-hash.ts');
      let prevHash = GENESIS_HASH;
      await database.db.execute(sql`alter table audit_log disable trigger user`);
      for (const r of rowsOf<Record<string, unknown>>(rows)) {
        const entry = {
          id: String(r.id),
          at: new Date(r.at as string),
          actorType: String(r.actor_type),
          actorId: (r.actor_id as string) ?? null,
          actorRole: (r.actor_role as string) ?? null,
          action: r.id === ids[2] ? 'nothing.happened' : String(r.action),
          targetType: (r.target_type as string) ?? null,
          targetId: (r.target_id as string) ?? null,
          outcome: String(r.outcome),
          details: r.details as Record<string, unknown>,
          requestId: (r.request_id as string) ?? null,
          prevHash,
        };
        const hash = entryHash(entry);
        await database.db.execute(
          sql`update audit_log set action = ${entry.action}, prev_hash = ${prevHash}, hash = ${hash} where id = ${entry.id}`,
        );
        prevHash = hash;
      }
      const report = await verifyAuditLog(database.db);
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.kind)).toContain('rewritten');
      expect(report.problems.find((p) => p.kind === 'rewritten')?.entryId).toBe(ids[9]);
    } finally {
      await database.close();
    }
  });

  run('deleting the newest entries is caught by the last checkpoint', async () => {
    const database = await openTestDatabase(kind);
    try {
      const { ids, log } = await seeded(database.db, 10, 1000);
      await log.checkpoint();
      await asInsider(database.db, sql`delete from audit_log where seq >= 9`);
      const report = await verifyAuditLog(database.db);
      expect(report.ok).toBe(false);
      expect(report.problems.some((p) => p.kind === 'deleted' && p.entryId === ids[9])).toBe(true);
    } finally {
      await database.close();
    }
  });
});
