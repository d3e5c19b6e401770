import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../backend/src/audit/verify.ts';
import { rowsOf } from '../../backend/src/db/rows.ts';
import { openTestDatabase, postgresMissing } from '../support/databases.ts';

const worker = fileURLToPath(new URL('./append-worker.ts', import.meta.url));

describe('audit log appends from two backend processes on one PostgreSQL', () => {
  it.skipIf(postgresMissing('postgres'))('keep one valid chain with no gaps or forks', async () => {
    const database = await openTestDatabase('postgres');
    try {
      const procs = ['a', 'b'].map((name) =>
        spawn(process.execPath, ['--import', 'tsx', worker, database.url!, '150', name], {
          stdio: ['pipe', 'pipe', 'inherit'],
        }),
      );
      for (const p of procs) p.stdin.end('go\n');
      const codes = await Promise.all(procs.map(async (p) => (await once(p, 'exit'))[0]));
      expect(codes).toEqual([0, 0]);
      const counts = rowsOf<{ actor_id: string; n: number }>(
        await database.db.execute(
          sql`select actor_id, count(*)::int as n from audit_log group by actor_id order by actor_id`,
        ),
      );
      expect(counts).toEqual([
        { actor_id: 'a', n: 150 },
        { actor_id: 'b', n: 150 },
      ]);
      // Interleaved, not one after the other: the lock serialised real contention.
      const order = rowsOf<{ actor_id: string }>(
        await database.db.execute(sql`select actor_id from audit_log order by seq`),
      ).map((r) => r.actor_id);
      const switches = order.filter((a, i) => i > 0 && a !== order[i - 1]).length;
      expect(switches).toBeGreaterThan(1);
      const report = await verifyAuditLog(database.db);
      expect(report.first).toBeNull();
      expect(report).toMatchObject({ ok: true, entries: 300 });
      expect(report.checkpoints).toBeGreaterThanOrEqual(12);
    } finally {
      await database.close();
    }
  });
});
