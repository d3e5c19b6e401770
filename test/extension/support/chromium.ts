import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.SIGHTLINE_CHROMIUM ?? '/usr/lib/chromium/chromium';

/** True when the browser suites cannot run; with SIGHTLINE_REQUIRE_BROWSER=1 a missing browser is an error instead. */
export function chromiumMissing(): boolean {
  if (existsSync(CHROMIUM)) return false;
  const message = `Chromium not found at ${CHROMIUM}: the browser suites are SKIPPED (apt-get install chromium).`;
  if (process.env.SIGHTLINE_REQUIRE_BROWSER === '1')
    throw new Error(`${message} SIGHTLINE_REQUIRE_BROWSER=1 makes this fatal.`);
  process.stderr.write(`\n!!! ${message}\n\n`);
  return true;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Real Chromium with the built extension. Every host name resolves to the local fixture server, so pages load
 * under their real AI host names and nothing leaves the machine.
 */
export async function launchWithExtension(extensionDir: string, sitesPort: number): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'sl-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: CHROMIUM,
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${sitesPort}, EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The worker registers the page script for AI hosts when it starts; pages opened before that get none.
  await worker.evaluate(async () => {
    const scripting = (
      globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }
    ).chrome.scripting;
    for (let i = 0; i < 100 && (await scripting.getRegisteredContentScripts()).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
