import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { type Backend, type StoredEvent, startBackend } from './backend.ts';
import { buildExtension, removeBuilds } from './build-extension.ts';
import { type ExtensionBrowser, launchWithExtension } from './chromium.ts';
import { type RecordedRequest, startFixtureServer } from './fixture-server.ts';

/** Organisation settings the e2e backend starts with. */
export const ORG = {
  name: 'Acme Corp',
  mode: 'enforce',
  emailDomains: ['acme.example'],
  defaultStatus: 'unsanctioned',
};

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A request body as text, gunzipped when it was sent compressed. */
export function requestText(r: RecordedRequest): string {
  const headers = JSON.parse(r.headers) as Record<string, string>;
  const raw = Buffer.from(r.body, 'latin1');
  const body =
    headers['content-encoding'] === 'gzip' && raw.length > 0 ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return `${r.method} ${r.url}\n${r.headers}\n${body}`;
}

/** Built extension + real Chromium + fixture sites + real backend, enrolled through an enrolment link. */
export async function startSession() {
  const recorded: RecordedRequest[] = [];
  const extensionDir = buildExtension();
  const sites = await startFixtureServer(recorded);
  const backend: Backend = await startBackend(recorded, ORG);
  const browser: ExtensionBrowser = await launchWithExtension(extensionDir, sites.port);
  const options = await browser.context.newPage();
  const link = `chrome-extension://${browser.extensionId}/options.html?server=${encodeURIComponent(backend.url)}&token=${backend.token}`;
  await options.goto(link);
  await options.click('#connect');
  await options.waitForFunction(
    () => /"enrolled": true[\s\S]*"source": "server"/.test(document.getElementById('diagnostics')?.textContent ?? ''),
    null,
    { timeout: 15_000 },
  );

  const session = {
    recorded,
    backend,
    browser,
    options,
    /** Opens a page and waits for the extension's content script to have asked for its configuration. */
    async open(url: string): Promise<Page> {
      const page = await browser.context.newPage();
      await page.goto(url);
      return page;
    },
    /** Waits until the backend holds events matching `pick` beyond those in `before`. */
    async newEvents(
      before: ReadonlySet<string>,
      pick: (e: StoredEvent) => boolean,
      count = 1,
      timeoutMs = 15_000,
    ): Promise<StoredEvent[]> {
      return eventually(
        async () => {
          const found = (await backend.events()).filter((e) => !before.has(e.id) && pick(e));
          return found.length >= count ? found : undefined;
        },
        `${count} new event(s) at the backend`,
        timeoutMs,
      );
    },
    /** Ids of every event stored so far. */
    async eventIds(): Promise<Set<string>> {
      return new Set((await backend.events()).map((e) => e.id));
    },
    /** Presses "Sync now" on the options page (bundle and queue) and returns the diagnostics. */
    async syncNow(): Promise<Record<string, unknown>> {
      await options.click('#sync-now');
      await options.waitForTimeout(300);
      return JSON.parse((await options.textContent('#diagnostics')) ?? '{}') as Record<string, unknown>;
    },
    async close() {
      await browser.close();
      await backend.close();
      await sites.close();
      removeBuilds();
    },
  };
  return session;
}
export type Session = Awaited<ReturnType<typeof startSession>>;
