import type { ConnectorDefinition, HostLookup } from '@sightline/connectors';
import { manualClock } from '../../backend/src/clock.ts';
import { createConnectorRuntime, type RuntimeOptions } from '../../backend/src/connectors/scheduler.ts';
import { createConnector } from '../../backend/src/connectors/store.ts';
import { createSecretBox } from '../../backend/src/crypto/secret-box.ts';
import type { Database } from '../../backend/src/db/client.ts';
import { createLogger } from '../../backend/src/http/logger.ts';
import { SECRET } from './fake-connector.ts';

export const publicLookup: HostLookup = async () => [{ address: '52.1.2.3', family: 4 }];
export const privateLookup: HostLookup = async () => [{ address: '10.0.0.1', family: 4 }];

/** Shared pieces for runner tests on one database: a fake clock, a box, a quiet logger. */
export function runnerDeps(database: Database) {
  return {
    database,
    clock: manualClock(),
    box: createSecretBox(Buffer.alloc(32, 7)),
    logger: createLogger('fatal', { write: () => true } as unknown as NodeJS.WritableStream),
  };
}

export type RunnerDeps = ReturnType<typeof runnerDeps>;

/** A runtime (runner + scheduler) for one fake definition, as one replica named `owner`. */
export function fakeRuntime(
  deps: RunnerDeps,
  definition: ConnectorDefinition,
  owner: string,
  options: RuntimeOptions = {},
) {
  return createConnectorRuntime(deps, {
    definitionOf: (t) => (t === definition.type ? definition : undefined),
    owner,
    heartbeatMs: 3_600_000,
    leaseMs: 60_000,
    lookup: publicLookup,
    ...options,
  });
}

/** Stores a fake connector pointing at a custom host (so no DNS is involved). */
export async function storeFakeConnector(
  deps: RunnerDeps,
  definition: ConnectorDefinition,
  orgUrl = 'http://127.0.0.1:9',
) {
  return createConnector(
    { db: deps.database.db, clock: deps.clock, box: deps.box, definitionOf: () => definition, lookup: publicLookup },
    {
      type: 'okta',
      name: 'Fake',
      config: { orgUrl, token: SECRET },
      intervalMinutes: 60,
      allowCustomHost: orgUrl.startsWith('http://'),
      enabled: true,
    },
  );
}

/** Polls `check` until it is truthy (real time), failing after `ms`. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
