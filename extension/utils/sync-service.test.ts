import type { Bundle, DeviceEvent, IngestResponse } from '@sightline/backend/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackendClient, BackendError } from './backend-client.ts';
import { defaultBundle } from './default-bundle.ts';
import { createEventQueue } from './event-queue.ts';
import { storageItems as items } from './storage.ts';
import { createSyncService } from './sync-service.ts';
import { uuidV7 } from './uuid-v7.ts';

const SERVER = 'https://sightline.example.com';
const visit = (i: number): DeviceEvent => ({
  id: uuidV7(1_800_000_000_000 + i),
  at: '2027-01-15T08:00:00.000Z',
  kind: 'visit',
  host: 'claude.ai',
  serviceId: 'claude',
});

/** A scripted backend: records calls; `ingestFails` makes the next ingest calls throw. */
function fakeClient() {
  const calls: string[] = [];
  const sent: string[][] = [];
  const state = {
    bundle: { ...defaultBundle(), version: 'v1', mode: 'enforce' } as Bundle,
    ingestFails: [] as BackendError[],
    bundleFails: [] as BackendError[],
    enrolments: 0,
  };
  const client: BackendClient = {
    async enroll(req) {
      calls.push(`enroll${req.previousDeviceId ? ' again' : ''}`);
      state.enrolments++;
      return {
        deviceId: '01890a5d-ac96-774b-bcce-b302099a8057',
        deviceToken: `tok${state.enrolments}`,
        organization: { name: 'Acme' },
      };
    },
    async fetchBundle(token, etag) {
      calls.push(`bundle ${token} ${etag ?? '-'}`);
      const fail = state.bundleFails.shift();
      if (fail) throw fail;
      return etag === `"${state.bundle.version}"` ? null : { bundle: state.bundle, etag: `"${state.bundle.version}"` };
    },
    async ingest(token, events): Promise<IngestResponse> {
      calls.push(`ingest ${token} ${events.length}`);
      const fail = state.ingestFails.shift();
      if (fail) throw fail;
      sent.push(events.map((e) => e.id));
      return {
        accepted: events.length,
        duplicates: 0,
        rejected: 0,
        results: events.map((e) => ({ id: e.id, status: 'accepted' as const })),
      };
    },
  };
  return { client, calls, sent, state };
}

describe('sync service', () => {
  let now: number;
  beforeEach(async () => {
    fakeBrowser.reset();
    now = 1_800_000_000_000;
    await items.manualSettings.setValue({ serverUrl: SERVER, enrollmentToken: 'slenr_0123456789' });
  });
  const build = (client: BackendClient) => {
    const queue = createEventQueue(items, { now: () => now });
    const sync = createSyncService({
      items,
      queue,
      client: () => client,
      readManaged: async () => ({}),
      deviceFacts: () => ({ browser: 'chrome', browserVersion: '131', extensionVersion: '0.1.0', os: 'linux' }),
      now: () => now,
      random: () => 0,
    });
    return { queue, sync };
  };

  it('enrols once, then fetches the bundle with its ETag and keeps it when the server answers 304', async () => {
    const fake = fakeClient();
    const { sync } = build(fake.client);
    await sync.refreshBundle();
    await sync.refreshBundle();
    expect(fake.calls).toEqual(['enroll', 'bundle tok1 -', 'bundle tok1 "v1"']);
    expect((await items.bundle.getValue())?.bundle.mode).toBe('enforce');
    expect((await sync.snapshot()).bundleSource).toBe('server');
  });

  it('keeps the last bundle when offline, and uses the built-in one before any was received', async () => {
    const fake = fakeClient();
    const { sync } = build(fake.client);
    fake.state.bundleFails.push(new BackendError('down', 0));
    await sync.refreshBundle();
    expect((await sync.snapshot()).bundleSource).toBe('builtin');
    await sync.refreshBundle();
    fake.state.bundleFails.push(new BackendError('down', 0));
    await sync.refreshBundle();
    expect((await sync.snapshot()).bundle.version).toBe('v1');
    expect((await items.syncStatus.getValue()).lastBundleError).toBe('down');
  });

  it('re-enrols as the same device when the token was revoked (401)', async () => {
    const fake = fakeClient();
    const { sync } = build(fake.client);
    await sync.refreshBundle();
    fake.state.bundleFails.push(new BackendError('revoked', 401));
    fake.state.bundle = { ...fake.state.bundle, version: 'v2' };
    await sync.refreshBundle();
    expect(fake.calls.slice(2)).toEqual(['bundle tok1 "v1"', 'enroll again', 'bundle tok2 "v1"']);
    expect((await items.device.getValue())?.deviceToken).toBe('tok2');
  });

  it('sends queued events in batches and never sends an accepted event again', async () => {
    const fake = fakeClient();
    const { sync, queue } = build(fake.client);
    await items.bundle.setValue({
      bundle: { ...defaultBundle(), reporting: { batchSize: 2, flushSeconds: 30, bundleRefreshMinutes: 60 } },
      etag: '"x"',
      fetchedAt: '',
    });
    await queue.add([0, 1, 2, 3, 4].map(visit));
    await sync.flush();
    await sync.flush();
    expect(fake.sent.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(new Set(fake.sent.flat()).size).toBe(5);
    expect(await queue.size()).toBe(0);
    expect(await items.sentCount.getValue()).toBe(5);
  });

  it.each([
    { name: 'a network failure backs off exponentially', error: new BackendError('down', 0), wait: 1_000 },
    { name: 'a 5xx backs off exponentially', error: new BackendError('oops', 503), wait: 1_000 },
    { name: '429 honours Retry-After', error: new BackendError('slow down', 429, 120_000), wait: 120_000 },
  ])('$name and keeps the events', async ({ error, wait }) => {
    const fake = fakeClient();
    const { sync, queue } = build(fake.client);
    const event = visit(1);
    await queue.add([event]);
    fake.state.ingestFails.push(error);
    await sync.flush();
    const status = await items.syncStatus.getValue();
    expect(status.notBefore - now).toBe(wait);
    expect(status.failures).toBe(1);
    expect(await queue.size()).toBe(1);
    await sync.flush();
    expect(fake.calls.filter((c) => c.startsWith('ingest'))).toHaveLength(1);
    now += wait;
    await sync.flush();
    expect(fake.sent).toEqual([[event.id]]);
    expect((await items.syncStatus.getValue()).failures).toBe(0);
  });

  it('halves batches on 413 and drops a single event the server refuses as too large', async () => {
    const fake = fakeClient();
    const { sync, queue } = build(fake.client);
    await queue.add([0, 1, 2, 3].map(visit));
    fake.state.ingestFails.push(new BackendError('too large', 413));
    await sync.flush();
    await sync.flush();
    expect(fake.calls.filter((c) => c.startsWith('ingest'))).toEqual([
      'ingest tok1 4',
      'ingest tok1 2',
      'ingest tok1 2',
    ]);
    await queue.add([visit(9)]);
    fake.state.ingestFails.push(new BackendError('too large', 413));
    await sync.flush();
    expect(await queue.size()).toBe(0);
  });

  it('does nothing without a server or without events', async () => {
    await items.manualSettings.setValue(null);
    const fake = fakeClient();
    const { sync, queue } = build(fake.client);
    await queue.add([visit(1)]);
    await sync.flush();
    await sync.refreshBundle();
    expect(fake.calls).toEqual([]);
  });
});
