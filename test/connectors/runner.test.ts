import { ConnectorError } from '@sightline/connectors';
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestCancel } from '../../backend/src/connectors/runs.ts';
import type { Database } from '../../backend/src/db/client.ts';
import { connectorRuns, connectors, observations, people } from '../../backend/src/db/schema.ts';
import { databaseKinds, openTestDatabase, postgresMissing } from '../support/databases.ts';
import { fakeBatch, fakeConnector } from './fake-connector.ts';
import { fakeRuntime, privateLookup, type RunnerDeps, runnerDeps, storeFakeConnector, waitFor } from './support.ts';

describe.each(databaseKinds)('connector runner on %s', (kind) => {
  let database: Database;
  let deps: RunnerDeps;
  beforeEach(async () => {
    if (postgresMissing(kind)) return;
    database = await openTestDatabase(kind);
    deps = runnerDeps(database);
  });
  afterEach(async () => {
    await database?.close();
  });

  const connectorRow = async (id: string) =>
    (await database.db.select().from(connectors).where(eq(connectors.id, id)))[0]!;
  const observationCount = async () => (await database.db.select({ n: count() }).from(observations))[0]!.n;
  const runsOf = (id: string) =>
    database.db.select().from(connectorRuns).where(eq(connectorRuns.connectorId, id)).orderBy(connectorRuns.startedAt);

  it.skipIf(postgresMissing(kind))(
    'a replica killed mid-sync: its lease expires, another resumes from the committed cursor, the zombie cannot commit',
    async () => {
      const a = fakeConnector({ batches: 5, hangAfter: 2 });
      const row = await storeFakeConnector(deps, a.definition);
      const replicaA = fakeRuntime(deps, a.definition, 'replica-a');
      const zombie = replicaA.runner.run(row.id, 'schedule');
      await waitFor(async () => (await connectorRow(row.id)).cursor?.next === 2);
      expect(await observationCount()).toBe(4);

      // Replica A stops heartbeating (killed); once its lease has run out, replica B takes over.
      deps.clock.advance(61_000);
      const b = fakeConnector({ batches: 5 });
      const replicaB = fakeRuntime(deps, b.definition, 'replica-b');
      const runB = await replicaB.runner.run(row.id, 'schedule');
      expect(runB?.status).toBe('succeeded');
      expect(b.calls.map((c) => c.cursor)).toEqual([{ next: 2 }]);
      expect(runB?.counts).toMatchObject({ batches: 3, observations: 6, inserted: 6, people: 3 });
      expect(await observationCount()).toBe(10);
      expect((await database.db.select({ n: count() }).from(people))[0]!.n).toBe(5);
      const [runA] = await runsOf(row.id);
      expect(runA).toMatchObject({ owner: 'replica-a', status: 'failed' });
      expect(String(runA!.error?.message)).toMatch(/stopped responding/);

      // The zombie wakes up: its next commit is fenced off, so it neither writes nor moves the cursor back.
      a.release();
      await zombie;
      expect(await observationCount()).toBe(10);
      const after = await connectorRow(row.id);
      expect(after.cursor).toEqual({ next: 5 });
      expect(after.leaseOwner).toBeNull();
      expect(after.lastStatus).toBe('succeeded');
      expect((await runsOf(row.id)).map((r) => [r.owner, r.status])).toEqual([
        ['replica-a', 'failed'],
        ['replica-b', 'succeeded'],
      ]);
    },
  );

  it.skipIf(postgresMissing(kind))(
    'a sync that crashes resumes from its last committed batch, without duplicates',
    async () => {
      const crashing = fakeConnector({ batches: 4, failAfter: 2 });
      const row = await storeFakeConnector(deps, crashing.definition);
      const first = await fakeRuntime(deps, crashing.definition, 'r1').runner.run(row.id, 'schedule');
      expect(first).toMatchObject({ status: 'failed', error: { problem: 'unexpected' } });
      expect(String(first!.error?.message)).toMatch(/process killed/);
      expect((await connectorRow(row.id)).cursor).toEqual({ next: 2 });

      const healthy = fakeConnector({ batches: 4 });
      const second = await fakeRuntime(deps, healthy.definition, 'r1').runner.run(row.id, 'schedule');
      expect(second?.status).toBe('succeeded');
      expect(healthy.calls[0]!.cursor).toEqual({ next: 2 });
      expect(await observationCount()).toBe(8);
      const refs = (await database.db.select({ ref: observations.sourceRef }).from(observations)).map((r) => r.ref);
      expect(new Set(refs).size).toBe(8);
      expect(healthy.calls[0]!.token).toBe('tok-SUPERSECRET-1234567890-wxyz');
    },
  );

  it.skipIf(postgresMissing(kind))('a batch commits all or nothing: observations, people and cursor', async () => {
    const { definition } = fakeConnector({ batches: 0 });
    definition.create = () => ({
      test: async () => ({ ok: true, message: '' }),
      async sync({ emit }) {
        await emit(fakeBatch(0));
        const bad = fakeBatch(1);
        bad.observations.push({ ...bad.observations[0]!, sourceRef: '' });
        await emit(bad);
        return { pages: 2, items: 4, counts: {} };
      },
    });
    const row = await storeFakeConnector(deps, definition);
    const run = await fakeRuntime(deps, definition, 'r1').runner.run(row.id, 'schedule');
    expect(run?.status).toBe('failed');
    expect(await observationCount()).toBe(2);
    expect((await database.db.select().from(people)).map((p) => p.personKey)).toEqual(['p0@corp.example']);
    expect((await connectorRow(row.id)).cursor).toEqual({ next: 1 });
    expect(run?.counts).toMatchObject({ batches: 1, observations: 2 });
  });

  it.skipIf(postgresMissing(kind))('cancel: the heartbeat sees the flag and aborts the sync', async () => {
    const fake = fakeConnector({ batches: 3, waitForAbortAfter: 1 });
    const row = await storeFakeConnector(deps, fake.definition);
    const runtime = fakeRuntime(deps, fake.definition, 'r1', { heartbeatMs: 20 });
    const running = runtime.runner.run(row.id, 'schedule');
    await waitFor(async () => (await connectorRow(row.id)).cursor?.next === 1);
    const flagged = await requestCancel(database.db, row.id, 'admin-1', deps.clock());
    expect(flagged?.status).toBe('running');
    const run = await running;
    expect(run).toMatchObject({ status: 'cancelled', error: { message: 'Cancelled by an administrator.' } });
    const after = await connectorRow(row.id);
    expect(after).toMatchObject({ lastStatus: 'cancelled', leaseOwner: null, cursor: { next: 1 } });
    expect(await requestCancel(database.db, row.id, 'admin-1', deps.clock())).toBeNull();
  });

  it.skipIf(postgresMissing(kind))(
    're-checks the base URL at run time: a host that now resolves privately is refused',
    async () => {
      const fake = fakeConnector({ batches: 1 });
      const row = await storeFakeConnector(deps, fake.definition, 'https://acme.okta.com');
      const run = await fakeRuntime(deps, fake.definition, 'r1', { lookup: privateLookup }).runner.run(
        row.id,
        'schedule',
      );
      expect(run).toMatchObject({ status: 'failed', error: { problem: 'unreachable' } });
      expect(String(run!.error?.message)).toMatch(/10\.0\.0\.1, a private address/);
      expect(fake.calls).toHaveLength(0);
    },
  );

  it.skipIf(postgresMissing(kind))(
    'records the problem class of a ConnectorError and schedules the next run',
    async () => {
      const { definition } = fakeConnector({ batches: 0 });
      definition.create = () => ({
        test: async () => ({ ok: true, message: '' }),
        sync: async () => {
          throw new ConnectorError('missing_license', 'Sign-in logs need Entra ID P1.');
        },
      });
      const row = await storeFakeConnector(deps, definition);
      const run = await fakeRuntime(deps, definition, 'r1').runner.run(row.id, 'schedule');
      expect(run?.error).toEqual({ problem: 'missing_license', message: 'Sign-in logs need Entra ID P1.' });
      const after = await connectorRow(row.id);
      expect(after.nextRunAt!.getTime() - deps.clock().getTime()).toBe(60 * 60_000);
    },
  );

  it.skipIf(postgresMissing(kind))(
    'the scheduler runs due connectors only, and fails runs whose owner died',
    async () => {
      const fake = fakeConnector({ batches: 1 });
      const row = await storeFakeConnector(deps, fake.definition);
      const runtime = fakeRuntime(deps, fake.definition, 'r1');
      expect(await runtime.tick()).toBe(1);
      await runtime.runner.drain();
      expect(await runtime.tick()).toBe(0);
      expect(fake.calls).toHaveLength(1);

      await database.db.update(connectors).set({ enabled: false }).where(eq(connectors.id, row.id));
      await database.db.insert(connectorRuns).values({
        id: '01900000-0000-7000-8000-00000000dead',
        connectorId: row.id,
        trigger: 'schedule',
        status: 'running',
        startedAt: deps.clock(),
        heartbeatAt: deps.clock(),
        owner: 'dead-replica',
      });
      await runtime.tick();
      expect((await runsOf(row.id)).find((r) => r.owner === 'dead-replica')?.status).toBe('running');
      deps.clock.advance(61_000);
      deps.clock.advance(60 * 60_000);
      expect(await runtime.tick()).toBe(0);
      expect((await runsOf(row.id)).find((r) => r.owner === 'dead-replica')?.status).toBe('failed');
      expect(fake.calls).toHaveLength(1);
    },
  );
});
