import type { Bundle, DeviceEvent, DeviceFacts } from '@sightline/backend/protocol';
import { type BackendClient, BackendError } from './backend-client.ts';
import { backoffDelay } from './backoff-delay.ts';
import { defaultBundle } from './default-bundle.ts';
import { type EffectiveConfig, effectiveConfig } from './effective-config.ts';
import type { EventQueue } from './event-queue.ts';
import type { ManagedConfig } from './read-managed-config.ts';
import type { DeviceState, StorageItems, SyncStatus } from './storage.ts';

export interface SyncDeps {
  items: StorageItems;
  queue: EventQueue;
  client: (serverUrl: string) => BackendClient;
  readManaged: () => Promise<ManagedConfig>;
  deviceFacts: (config: EffectiveConfig) => DeviceFacts;
  now?: () => number;
  random?: () => number;
}

/** The current configuration: managed, manual, bundle (cached or built-in) and their merge. */
export interface ConfigSnapshot {
  managed: ManagedConfig;
  bundle: Bundle;
  bundleSource: 'server' | 'builtin';
  effective: EffectiveConfig;
}

const MAX_BATCHES_PER_FLUSH = 20;

/** Enrolment, bundle refresh and queue flushing against the backend, with backoff and Retry-After. */
export function createSyncService(deps: SyncDeps) {
  const { items, queue } = deps;
  const now = deps.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  let flushing: Promise<void> | null = null;
  let batchLimit = Number.POSITIVE_INFINITY;

  const patchStatus = async (patch: Partial<SyncStatus>) => {
    await items.syncStatus.setValue({ ...(await items.syncStatus.getValue()), ...patch });
  };

  async function snapshot(): Promise<ConfigSnapshot> {
    const [managed, manual, cached] = await Promise.all([
      deps.readManaged(),
      items.manualSettings.getValue(),
      items.bundle.getValue(),
    ]);
    const bundle = cached?.bundle ?? defaultBundle();
    return {
      managed,
      bundle,
      bundleSource: cached ? 'server' : 'builtin',
      effective: effectiveConfig(managed, manual, bundle),
    };
  }

  /** The enrolled device for the configured server, enrolling first when needed; null when not configured. */
  async function ensureEnrolled(): Promise<{ device: DeviceState; client: BackendClient } | null> {
    const { effective } = await snapshot();
    if (!effective.serverUrl) return null;
    const client = deps.client(effective.serverUrl);
    const device = await items.device.getValue();
    if (device && device.serverUrl === effective.serverUrl) return { device, client };
    if (!effective.enrollmentToken) return null;
    const answer = await client.enroll({
      enrollmentToken: effective.enrollmentToken,
      device: deps.deviceFacts(effective),
      ...(device ? { previousDeviceId: device.deviceId } : {}),
    });
    const enrolled: DeviceState = {
      deviceId: answer.deviceId,
      deviceToken: answer.deviceToken,
      organization: answer.organization.name,
      serverUrl: effective.serverUrl,
      enrolledAt: iso(),
    };
    await items.device.setValue(enrolled);
    return { device: enrolled, client };
  }

  /** A revoked device token: forget it but keep the id, so the next call re-enrols as the same device. */
  async function dropToken(device: DeviceState) {
    await items.device.setValue({ ...device, serverUrl: '', deviceToken: '' });
  }

  async function refreshBundle(): Promise<void> {
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const session = await ensureEnrolled();
        if (!session) return;
        const cached = await items.bundle.getValue();
        try {
          const fresh = await session.client.fetchBundle(session.device.deviceToken, cached?.etag ?? null);
          if (fresh) await items.bundle.setValue({ bundle: fresh.bundle, etag: fresh.etag, fetchedAt: iso() });
          await patchStatus({ lastBundleAt: iso(), lastBundleError: null });
          return;
        } catch (err) {
          if (err instanceof BackendError && err.status === 401 && attempt === 0) {
            await dropToken(session.device);
            continue;
          }
          throw err;
        }
      }
    } catch (err) {
      await patchStatus({ lastBundleError: err instanceof Error ? err.message : String(err) });
    }
  }

  async function flushOnce(force: boolean): Promise<void> {
    const status = await items.syncStatus.getValue();
    if (!force && now() < status.notBefore) return;
    if ((await queue.size()) === 0 && !(await items.overflow.getValue())) return;
    let batch: DeviceEvent[] = [];
    try {
      const session = await ensureEnrolled();
      if (!session) return;
      const { bundle } = await snapshot();
      for (let i = 0; i < MAX_BATCHES_PER_FLUSH; i++) {
        batch = await queue.peek(Math.min(bundle.reporting.batchSize, batchLimit));
        if (batch.length === 0) break;
        await patchStatus({ lastAttemptAt: iso() });
        const answer = await session.client.ingest(session.device.deviceToken, batch);
        // Every answered event leaves the queue: accepted and duplicate ones are stored, rejected ones never will be.
        await queue.remove(new Set(batch.map((e) => e.id)));
        await items.sentCount.setValue((await items.sentCount.getValue()) + answer.accepted);
        await patchStatus({ lastSuccessAt: iso(), lastError: null, failures: 0, notBefore: 0 });
      }
    } catch (err) {
      const failures = (await items.syncStatus.getValue()).failures + 1;
      const message = err instanceof Error ? err.message : String(err);
      let delay = backoffDelay(failures, { random: deps.random ?? Math.random });
      if (err instanceof BackendError) {
        if (err.status === 401) {
          const device = await items.device.getValue();
          if (device) await dropToken(device);
          delay = Math.min(delay, 5_000);
        } else if (err.status === 413) {
          // Too large: halve the batches; a single event the server refuses on its own can never be sent.
          if (batch.length === 1) await queue.remove(new Set([batch[0]!.id]));
          batchLimit = Math.max(1, Math.floor(Math.min(batchLimit, batch.length || 1000) / 2));
          delay = 0;
        }
        if (err.retryAfterMs !== null) delay = Math.max(delay, err.retryAfterMs);
      }
      await patchStatus({ lastError: message, failures, notBefore: now() + delay });
    }
  }

  return {
    snapshot,
    ensureEnrolled,
    refreshBundle,
    /** Sends queued events in batches unless a backoff is running (`force` ignores it). One flush at a time. */
    flush(force = false): Promise<void> {
      flushing ??= flushOnce(force).finally(() => {
        flushing = null;
      });
      return flushing;
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
