import type { ConnectorDefinition, Cursor, SyncBatch, TestResult } from '@sightline/connectors';
import { z } from 'zod';

export const SECRET = 'tok-SUPERSECRET-1234567890-wxyz';
export const window = { windowStart: new Date('2026-10-01T00:00:00Z'), windowEnd: new Date('2026-10-02T00:00:00Z') };

/** Batch `i` of the fake source: two AI apps and one person, resuming at `{ next: i + 1 }`. */
export function fakeBatch(i: number): SyncBatch {
  return {
    observations: ['a', 'b'].map((x) => ({
      source: 'okta',
      sourceRef: `app-${i}-${x}`,
      kind: 'app' as const,
      app: { name: 'ChatGPT Enterprise (SAML)' },
      ...window,
    })),
    people: [{ personKey: `p${i}@corp.example`, email: `p${i}@corp.example`, department: 'Eng' }],
    cursor: { next: i + 1 },
  };
}

export interface FakeScript {
  batches: number;
  /** Throw after emitting this many batches in one call (a crash that the runner sees). */
  failAfter?: number;
  /** After emitting this many batches, wait on `gate` (a stall or a killed process), then continue. */
  hangAfter?: number;
  /** Wait on the signal after this many batches, so a cancel can be observed. */
  waitForAbortAfter?: number;
  test?: () => Promise<TestResult>;
}

/** A fake Okta-typed connector for runner and API tests, recording every sync call. */
export function fakeConnector(script: FakeScript) {
  const calls: { cursor: Cursor | null; token: string }[] = [];
  let release: (() => void) | undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const definition: ConnectorDefinition = {
    type: 'okta',
    label: 'Fake Okta',
    configSchema: z.strictObject({ orgUrl: z.string(), token: z.string().min(8), label: z.string().optional() }),
    secretFields: ['token'],
    vendorHosts: ['okta.com'],
    baseUrlField: 'orgUrl',
    create(config) {
      return {
        test: script.test ?? (async () => ({ ok: true, message: `token ends ${String(config.token).slice(-4)}` })),
        async sync({ cursor, emit, progress, signal }) {
          calls.push({ cursor, token: String(config.token) });
          const start = typeof cursor?.next === 'number' ? cursor.next : 0;
          let emitted = 0;
          for (let i = start; i < script.batches; i++) {
            if (script.failAfter !== undefined && emitted === script.failAfter) throw new Error('process killed');
            if (script.hangAfter !== undefined && emitted === script.hangAfter) await gate;
            if (script.waitForAbortAfter !== undefined && emitted === script.waitForAbortAfter) {
              await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
            }
            await emit(fakeBatch(i));
            emitted++;
            progress({ phase: 'apps', pages: i + 1, items: (i + 1) * 2 });
          }
          return { pages: emitted, items: emitted * 2, counts: { apps: emitted * 2 } };
        },
      };
    },
  };
  return { definition, calls, release: () => release?.() };
}
