import { v7 as uuidv7 } from 'uuid';
import type { DeviceEvent } from '../../backend/src/protocol/extension.ts';
import type { Caller, TestApp } from './app.ts';

let seq = 0;

/** A valid device event of `kind` at `at` (default: the test clock's now), with overrides. */
export function makeEvent(kind: DeviceEvent['kind'], at: Date, overrides: Record<string, unknown> = {}): DeviceEvent {
  const id = uuidv7({ msecs: at.getTime(), seq: seq++ });
  const base = { id, at: at.toISOString() };
  const onService = { host: 'chatgpt.com', serviceId: 'chatgpt' };
  const byKind: Record<DeviceEvent['kind'], Record<string, unknown>> = {
    visit: { kind, ...onService },
    surface: { kind, ...onService, adapter: 'chatgpt', accountType: 'personal' },
    interaction: { kind, ...onService, action: 'prompt', accountType: 'personal', chars: 120 },
    dlp: {
      kind,
      ...onService,
      trigger: 'paste',
      accountType: 'personal',
      findings: [
        {
          detector: 'github-pat-classic',
          category: 'secret',
          confidence: 'high',
          count: 1,
          hashes: ['0123456789abcdef0123456789abcdef'],
        },
      ],
      action: 'block',
      mode: 'enforce',
    },
    adapter_health: { kind, ...onService, adapter: 'chatgpt', problem: 'input_not_found' },
    queue_overflow: { kind, dropped: { visit: 12 }, since: new Date(at.getTime() - 3600_000).toISOString() },
  };
  return { ...base, ...byKind[kind], ...overrides } as DeviceEvent;
}

/** Creates an enrolment token as an admin and enrols one device with it. */
export async function enrolDevice(t: TestApp, admin: Caller, facts: Record<string, unknown> = {}) {
  const tokenRes = await t.request('POST', '/api/v1/enrollment-tokens', {
    caller: admin,
    body: { name: 'test fleet' },
  });
  const { token } = (await tokenRes.json()) as { token: string };
  const res = await t.request('POST', '/api/v1/enroll', {
    body: {
      enrollmentToken: token,
      device: { browser: 'chrome', browserVersion: '131.0', extensionVersion: '0.1.0', os: 'mac', ...facts },
    },
  });
  if (res.status !== 201) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { deviceId: string; deviceToken: string };
}

/** Device-authenticated request helper. */
export function asDevice(t: TestApp, deviceToken: string) {
  return (method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) =>
    t.request(method, path, { ...options, headers: { authorization: `Bearer ${deviceToken}`, ...options.headers } });
}
