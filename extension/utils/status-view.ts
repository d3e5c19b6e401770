import type { Bundle } from '@sightline/backend/protocol';
import type { EffectiveConfig } from './effective-config.ts';
import type { DeviceState, SyncStatus } from './storage.ts';

/** What the popup and the options page show. */
export interface StatusView {
  light: 'green' | 'amber' | 'red';
  /** One sentence explaining the light. */
  summary: string;
  organization: string | null;
  mode: 'monitor' | 'enforce';
  serverUrl: string | null;
  configSource: EffectiveConfig['source'];
  enrolled: boolean;
  deviceId: string | null;
  bundleVersion: string;
  bundleSource: 'server' | 'builtin';
  notice: Bundle['notice'];
  /** Service names checked on this device, e.g. "ChatGPT", plus how many more. */
  monitored: { examples: string[]; total: number };
  eventsWaiting: number;
  eventsSent: number;
  sync: SyncStatus;
}

export interface StatusInputs {
  effective: EffectiveConfig;
  device: DeviceState | null;
  bundle: Bundle;
  bundleSource: 'server' | 'builtin';
  sync: SyncStatus;
  queued: number;
  sent: number;
  monitored: { examples: string[]; total: number };
  now: number;
}

const DEGRADED_AFTER_MS = 24 * 3600_000;

/**
 * Green: enrolled and the last exchange worked. Amber: not set up or not enrolled yet, or degraded (running on
 * the built-in policy, or events waiting through a short outage). Red: the backend keeps failing.
 */
export function statusView(input: StatusInputs): StatusView {
  const { effective, device, sync, now } = input;
  const enrolled = device !== null && device.deviceToken !== '' && device.serverUrl === effective.serverUrl;
  const failingSince = sync.lastSuccessAt ? Date.parse(sync.lastSuccessAt) : null;
  let light: StatusView['light'];
  let summary: string;
  if (!effective.serverUrl) {
    light = 'amber';
    summary = 'Not set up: no Sightline server is configured. Checks run with the built-in policy.';
  } else if (!enrolled) {
    light = sync.lastError ? 'red' : 'amber';
    summary = sync.lastError ? `Cannot enrol: ${sync.lastError}` : 'Not enrolled yet.';
  } else if (
    sync.failures >= 3 ||
    (sync.lastError && failingSince !== null && now - failingSince > DEGRADED_AFTER_MS)
  ) {
    light = 'red';
    summary = `Cannot reach the Sightline server: ${sync.lastError ?? 'unknown error'}. Events are kept and sent later.`;
  } else if (sync.lastError || input.bundleSource === 'builtin') {
    light = 'amber';
    summary = sync.lastError
      ? `Degraded: ${sync.lastError}. Events are kept and sent later.`
      : 'Connected, but no policy received yet: the built-in policy applies.';
  } else {
    light = 'green';
    summary = 'Connected.';
  }
  return {
    light,
    summary,
    organization: device?.organization || input.bundle.organization.name || null,
    mode: effective.mode,
    serverUrl: effective.serverUrl,
    configSource: effective.source,
    enrolled,
    deviceId: device?.deviceId ?? null,
    bundleVersion: input.bundle.version,
    bundleSource: input.bundleSource,
    notice: input.bundle.notice,
    monitored: input.monitored,
    eventsWaiting: input.queued,
    eventsSent: input.sent,
    sync,
  };
}
