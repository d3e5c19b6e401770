import { describe, expect, it } from 'vitest';
import { defaultBundle } from './default-bundle.ts';
import { effectiveConfig } from './effective-config.ts';
import { type StatusInputs, statusView } from './status-view.ts';
import { emptySyncStatus, type SyncStatus } from './storage.ts';

const NOW = Date.parse('2026-11-21T10:00:00Z');
const SERVER = 'https://sl.acme.example';
const device = { deviceId: 'd', deviceToken: 't', organization: 'Acme', serverUrl: SERVER, enrolledAt: '' };
const inputs = (over: Partial<Omit<StatusInputs, 'sync'>> & { sync?: Partial<SyncStatus> } = {}): StatusInputs => ({
  effective: effectiveConfig({}, { serverUrl: SERVER, enrollmentToken: 'slenr_1234567' }, defaultBundle()),
  device,
  bundle: defaultBundle(),
  bundleSource: 'server',
  queued: 0,
  sent: 0,
  monitored: { examples: ['ChatGPT'], total: 500 },
  now: NOW,
  ...over,
  sync: { ...emptySyncStatus, lastSuccessAt: new Date(NOW - 60_000).toISOString(), ...over.sync },
});

describe('status light', () => {
  it.each([
    { name: 'connected', input: inputs(), light: 'green' },
    {
      name: 'no server configured',
      input: inputs({ effective: effectiveConfig({}, null, defaultBundle()), device: null }),
      light: 'amber',
    },
    { name: 'not enrolled yet', input: inputs({ device: null }), light: 'amber' },
    { name: 'enrolment failing', input: inputs({ device: null, sync: { lastError: 'answered 401' } }), light: 'red' },
    { name: 'revoked token', input: inputs({ device: { ...device, deviceToken: '' } }), light: 'amber' },
    { name: 'built-in policy only', input: inputs({ bundleSource: 'builtin' }), light: 'amber' },
    { name: 'one failed attempt', input: inputs({ sync: { lastError: 'cannot reach', failures: 1 } }), light: 'amber' },
    { name: 'failing repeatedly', input: inputs({ sync: { lastError: 'cannot reach', failures: 3 } }), light: 'red' },
  ])('$name → $light', ({ input, light }) => {
    expect(statusView(input).light).toBe(light);
  });
  it('carries organisation, mode, notice and queue size for the popup', () => {
    const view = statusView(inputs({ queued: 7 }));
    expect(view).toMatchObject({ organization: 'Acme', mode: 'monitor', eventsWaiting: 7, enrolled: true });
    expect(view.notice.title).toMatch(/Sightline/);
  });
});
