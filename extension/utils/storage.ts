import type { Bundle, DeviceEvent, EventKind } from '@sightline/backend/protocol';
import { storage } from 'wxt/utils/storage';
import type { VisitLog } from './visit-tracker.ts';

/** Settings typed on the options page (or taken from an enrolment link) when no managed configuration exists. */
export interface ManualSettings {
  serverUrl: string;
  enrollmentToken: string;
  mode?: 'monitor' | 'enforce';
}

/** What enrolment returned; the token authenticates bundle and ingest requests. */
export interface DeviceState {
  deviceId: string;
  deviceToken: string;
  organization: string;
  /** The server this device enrolled with: a changed server URL means enrolling again. */
  serverUrl: string;
  enrolledAt: string;
}

/** The last policy bundle received, with its ETag, kept for offline use. */
export interface CachedBundle {
  bundle: Bundle;
  etag: string;
  fetchedAt: string;
}

/** Events dropped because the queue was full, per kind, since `since`. */
export interface OverflowState {
  dropped: Partial<Record<Exclude<EventKind, 'queue_overflow'>, number>>;
  since: string;
}

/** How talking to the backend went lately: drives the popup's status light and the retry schedule. */
export interface SyncStatus {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** Consecutive failed ingest attempts (resets on success). */
  failures: number;
  /** No ingest attempt before this time (backoff or Retry-After), epoch ms. */
  notBefore: number;
  lastBundleAt: string | null;
  lastBundleError: string | null;
}

export const emptySyncStatus: SyncStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  failures: 0,
  notBefore: 0,
  lastBundleAt: null,
  lastBundleError: null,
};

export const manualSettingsItem = storage.defineItem<ManualSettings | null>('local:settings', {
  fallback: null,
  version: 1,
});
export const deviceItem = storage.defineItem<DeviceState | null>('local:device', { fallback: null, version: 1 });
export const bundleItem = storage.defineItem<CachedBundle | null>('local:bundle', { fallback: null, version: 1 });
export const queueItem = storage.defineItem<DeviceEvent[]>('local:queue', { fallback: [], version: 1 });
export const overflowItem = storage.defineItem<OverflowState | null>('local:queueOverflow', {
  fallback: null,
  version: 1,
});
export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: emptySyncStatus,
  version: 1,
});
/** Which tab was last counted as a visit to which service (session storage: survives worker restarts, not the browser). */
export const visitLogItem = storage.defineItem<VisitLog>('session:visitLog', { fallback: {}, version: 1 });
/** Events accepted by the backend since install (diagnostics). */
export const sentCountItem = storage.defineItem<number>('local:sentCount', { fallback: 0, version: 1 });

/** Every storage item the background uses, passed in so tests can inspect them. */
export const storageItems = {
  manualSettings: manualSettingsItem,
  device: deviceItem,
  bundle: bundleItem,
  queue: queueItem,
  overflow: overflowItem,
  syncStatus: syncStatusItem,
  sentCount: sentCountItem,
  visitLog: visitLogItem,
};
export type StorageItems = typeof storageItems;
