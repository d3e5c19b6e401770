import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { claimLease } from '../../backend/src/connectors/lease.ts';
import { openPostgres } from '../../backend/src/db/client.ts';
import { connectorRuns } from '../../backend/src/db/schema.ts';
import { openTestDatabase, postgresMissing } from '../support/databases.ts';
import { fakeConnector } from './fake-connector.ts';
import { fakeRuntime, runnerDeps, storeFakeConnector } from './support.ts';

describe('two replicas on one PostgreSQL database', () => {
  it.skipIf(postgresMissing('postgres'))('racing schedulers run each due connector exactly once', async () => {
    const database = await openTestDatabase('postgres');
    const second = openPostgres(database.url!, { max: 5 });
    try {
      const depsA = runnerDeps(database);
      const depsB = { ...runnerDeps(second), clock: depsA.clock, box: depsA.box };
      const fake = fakeConnector({ batches: 2 });
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push((await storeFakeConnector(depsA, fake.definition)).id);
      const a = fakeRuntime(depsA, fake.definition, 'replica-a', { maxConcurrent: 10 });
      const b = fakeRuntime(depsB, fake.definition, 'replica-b', { maxConcurrent: 10 });
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      await Promise.all([a.runner.drain(), b.runner.drain()]);
      expect(fake.calls).toHaveLength(6);
      for (const id of ids) {
        const runs = await database.db.select().from(connectorRuns).where(eq(connectorRuns.connectorId, id));
        expect(runs.map((r) => r.status)).toEqual(['succeeded']);
      }
      // Not due again until the interval passes.
      await Promise.all([a.tick(), b.tick()]);
      await Promise.all([a.runner.drain(), b.runner.drain()]);
      expect(fake.calls).toHaveLength(6);
    } finally {
      await second.close();
      await database.close();
    }
  });

  it.skipIf(postgresMissing('postgres'))(
    'of many concurrent lease claims over two pools exactly one wins',
    async () => {
      const database = await openTestDatabase('postgres');
      const second = openPostgres(database.url!, { max: 5 });
      try {
        const deps = runnerDeps(database);
        const row = await storeFakeConnector(deps, fakeConnector({ batches: 0 }).definition);
        const now = deps.clock();
        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            claimLease(i % 2 ? second.db : database.db, row.id, `owner-${i}`, now, 60_000),
          ),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        // Still held a moment later, free once it has expired.
        expect(await claimLease(second.db, row.id, 'late', new Date(now.getTime() + 59_000), 60_000)).toBeNull();
        expect(await claimLease(second.db, row.id, 'late', new Date(now.getTime() + 61_000), 60_000)).not.toBeNull();
      } finally {
        await second.close();
        await database.close();
      }
    },
  );
});
