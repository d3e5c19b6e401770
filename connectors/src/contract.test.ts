import { observationInputSchema } from '@sightline/backend/observations';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer as entraMock } from '../entra/mock-server.ts';
import { startMockServer as githubMock } from '../github/mock-server.ts';
import { startMockServer as googleMock } from '../google/mock-server.ts';
import { startMockServer as oktaMock } from '../okta/mock-server.ts';
import { startMockServer as slackMock } from '../slack/mock-server.ts';
import { connectorDefinitions } from './index.ts';
import type { MockServer, MockServerOptions, StartMockServer } from './mock-server-types.ts';
import { type ConnectorDefinition, type Cursor, connectorTypes, type SyncBatch } from './types.ts';

/** Every registered connector's mock server; the first test fails when a registered type has none. */
const mocks: Record<string, StartMockServer> = {
  okta: oktaMock as StartMockServer,
  entra: entraMock as StartMockServer,
  google: googleMock as StartMockServer,
  github: githubMock as StartMockServer,
  slack: slackMock as StartMockServer,
};

const context = { allowCustomHost: true, now: () => new Date(), maxRetries: 3 };
const refsOf = (batches: SyncBatch[]) =>
  new Set(batches.flatMap((b) => b.observations.map((o) => `${o.source}/${o.sourceRef}`)));

async function collect(
  definition: ConnectorDefinition,
  mock: MockServer,
  cursor: Cursor | null = null,
  signal = new AbortController().signal,
) {
  const batches: SyncBatch[] = [];
  const progress: unknown[] = [];
  const summary = await definition.create(definition.configSchema.parse(mock.config), context).sync({
    cursor,
    signal,
    emit: async (b) => void batches.push(structuredClone(b)),
    progress: (p) => void progress.push(p),
  });
  return { batches, progress, summary, last: batches.at(-1)?.cursor ?? cursor };
}

it('every connector type is registered and has a mock server for the contract suite', () => {
  expect(Object.keys(connectorDefinitions).sort()).toEqual([...connectorTypes].sort());
  expect(Object.keys(connectorDefinitions).filter((t) => !mocks[t])).toEqual([]);
});

describe.each(Object.entries(connectorDefinitions))('connector contract: %s', (type, definition) => {
  const open: MockServer[] = [];
  const start = async (options: MockServerOptions = {}) => {
    const m = await mocks[type]!({ pageSize: 2, ...options });
    open.push(m);
    return m;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((m) => m.close()));
  });

  it('is well-formed and accepts its mock configuration', async () => {
    const mock = await start();
    expect(definition!.type).toBe(type);
    expect(definition!.label.length).toBeGreaterThan(0);
    expect(definition!.vendorHosts.length).toBeGreaterThan(0);
    for (const h of definition!.vendorHosts) expect(h).toMatch(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(definition!.configSchema.safeParse(mock.config).success).toBe(true);
    expect(definition!.secretFields.length).toBeGreaterThan(0);
    // Secret fields may be alternatives (API token or private key): the mock uses at least one.
    expect(definition!.secretFields.filter((f) => mock.config[f] !== undefined).length).toBeGreaterThan(0);
    if (definition!.baseUrlField)
      expect(String(mock.config[definition!.baseUrlField])).toContain(new URL(mock.url).host);
  });

  it('test() is ok against a healthy server and names bad credentials and missing scopes', async () => {
    const healthy = await start();
    expect(await definition!.create(definition!.configSchema.parse(healthy.config), context).test()).toMatchObject({
      ok: true,
    });
    for (const kind of ['bad_credentials', 'missing_scope'] as const) {
      const m = await start({ failures: [{ kind, times: Number.POSITIVE_INFINITY }] });
      const result = await definition!.create(definition!.configSchema.parse(m.config), context).test();
      expect(result, kind).toMatchObject({ ok: false, problem: kind });
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('a full sync emits valid observations with JSON cursors free of secrets, and a second sync continues', async () => {
    const mock = await start();
    const { batches, progress, summary, last } = await collect(definition!, mock);
    const observations = batches.flatMap((b) => b.observations);
    expect(observations.length).toBeGreaterThan(0);
    for (const o of observations) expect(observationInputSchema.safeParse(o).error).toBeUndefined();
    const secrets = definition!.secretFields
      .map((f) => mock.config[f])
      .filter((v): v is string => typeof v === 'string' && v.length >= 8)
      .map((v) => JSON.stringify(v).slice(1, -1));
    for (const b of batches) {
      expect(JSON.parse(JSON.stringify(b.cursor))).toEqual(b.cursor);
      for (const s of secrets) expect(JSON.stringify(b.cursor)).not.toContain(s);
    }
    expect(progress.length).toBeGreaterThan(0);
    expect(summary.items).toBeGreaterThanOrEqual(0);
    await expect(collect(definition!, mock, last)).resolves.toBeDefined();
  });

  it('retries when throttled once and ends with the same records', async () => {
    const plain = await collect(definition!, await start());
    const throttled = await collect(definition!, await start({ failures: [{ kind: 'rate_limit', times: 1 }] }));
    expect(refsOf(throttled.batches)).toEqual(refsOf(plain.batches));
  });

  it('stops without emitting when the signal is already aborted', async () => {
    const mock = await start();
    const batches: SyncBatch[] = [];
    await definition!
      .create(definition!.configSchema.parse(mock.config), context)
      .sync({ cursor: null, signal: AbortSignal.abort(), emit: async (b) => void batches.push(b), progress: () => {} })
      .catch(() => null);
    expect(batches).toEqual([]);
  });

  it('a sync killed after its first committed batch resumes from that cursor to the same records', async () => {
    const full = await collect(definition!, await start());
    const mock = await start();
    const committed: SyncBatch[] = [];
    await definition!
      .create(definition!.configSchema.parse(mock.config), context)
      .sync({
        cursor: null,
        signal: new AbortController().signal,
        progress: () => {},
        emit: async (b) => {
          if (committed.length === 1) throw new Error('killed');
          committed.push(structuredClone(b));
        },
      })
      .catch(() => null);
    expect(committed).toHaveLength(1);
    const resumed = await collect(definition!, mock, committed[0]!.cursor);
    expect(refsOf([...committed, ...resumed.batches])).toEqual(refsOf(full.batches));
  });
});
