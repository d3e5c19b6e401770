import { getCatalog } from '@sightline/fingerprints';
import type { Browser, WxtBrowser } from 'wxt/browser';
import { createBackendClient } from './backend-client.ts';
import type { HandlerMap, SenderInfo } from './background-handlers.ts';
import { deviceFacts } from './device-facts.ts';
import { createEventQueue } from './event-queue.ts';
import { createAiUrlMatcher } from './match-ai-url.ts';
import { contentScriptMessages, isEnvelope } from './messages.ts';
import { pageConfig } from './page-config.ts';
import { completePageEvent, visitEvent } from './page-event.ts';
import { createPageScanner, type PageScanner } from './page-scanner.ts';
import { readManagedConfig } from './read-managed-config.ts';
import { grantedRules, registerContentScripts } from './register-content-scripts.ts';
import { statusView } from './status-view.ts';
import type { StorageItems } from './storage.ts';
import { createSyncService } from './sync-service.ts';
import { createVisitTracker } from './visit-tracker.ts';

export const ALARM_FLUSH = 'sightline-flush';
export const ALARM_BUNDLE = 'sightline-bundle';

type BrowserLike = Pick<WxtBrowser, 'runtime' | 'alarms' | 'tabs' | 'scripting' | 'permissions' | 'storage'>;

export interface BackgroundOptions {
  browser: BrowserLike;
  items: StorageItems;
  fetch?: typeof fetch;
  navigator?: { userAgent: string };
  now?: () => number;
  /** Delay between an event being queued and the flush that sends it. */
  flushDelayMs?: number;
}

/** Builds the background services and registers every listener; returns the handlers and services for tests. */
export function startBackground(options: BackgroundOptions) {
  const { browser, items } = options;
  const now = options.now ?? Date.now;
  const queue = createEventQueue(items, { now });
  const sync = createSyncService({
    items,
    queue,
    now,
    client: (url) => createBackendClient(url, options.fetch ?? fetch.bind(globalThis), now),
    readManaged: () => readManagedConfig(browser.storage.managed as never),
    deviceFacts: (cfg) =>
      deviceFacts((options.navigator ?? navigator) as never, browser.runtime.getManifest().version, cfg.userEmail),
  });
  const visits = createVisitTracker(items.visitLog);
  // Large pastes and files are scanned here, off the page's main thread; one scanner per bundle version.
  let scannerCache: { key: string; scanner: PageScanner } | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const matcherFor = async () => createAiUrlMatcher((await sync.snapshot()).bundle.catalog.additions);

  const scheduleFlush = () => {
    clearTimeout(flushTimer);
    flushTimer = setTimeout(() => void sync.flush(), options.flushDelayMs ?? 1_000);
  };

  const scheduleAlarms = async () => {
    const { bundle } = await sync.snapshot();
    await browser.alarms.create(ALARM_FLUSH, { periodInMinutes: Math.max(0.5, bundle.reporting.flushSeconds / 60) });
    await browser.alarms.create(ALARM_BUNDLE, { periodInMinutes: Math.max(1, bundle.reporting.bundleRefreshMinutes) });
  };

  const syncScripts = async () => {
    const matcher = await matcherFor();
    const additions = await grantedRules(matcher.additionRules(), browser.permissions);
    const builtIn = matcher.hostRules().filter((r) => !matcher.additionRules().includes(r));
    await registerContentScripts(browser.scripting, [...builtIn, ...additions]);
  };

  const refresh = async () => {
    await sync.refreshBundle();
    await Promise.all([syncScripts(), scheduleAlarms()]);
    await sync.flush();
  };

  const status = async () => {
    const snap = await sync.snapshot();
    const services = getCatalog().services;
    return statusView({
      effective: snap.effective,
      device: await items.device.getValue(),
      bundle: snap.bundle,
      bundleSource: snap.bundleSource,
      sync: await items.syncStatus.getValue(),
      queued: await queue.size(),
      sent: await items.sentCount.getValue(),
      monitored: {
        examples: services.filter((s) => s.dom !== null).map((s) => s.name),
        total: services.length + snap.bundle.catalog.additions.length,
      },
      now: now(),
    });
  };

  const handlers: HandlerMap = {
    async pageHello(_payload, sender) {
      const page = (await matcherFor()).match(sender.url);
      if (!page) return null;
      const snap = await sync.snapshot();
      return pageConfig(page, snap.bundle, snap.effective);
    },
    async report({ event }, sender) {
      const page = (await matcherFor()).match(sender.url);
      if (!page) return { queued: false };
      const kept = await queue.add([completePageEvent(event, page, now())]);
      scheduleFlush();
      return { queued: kept === 1 };
    },
    async scanText({ text }, sender) {
      const page = (await matcherFor()).match(sender.url);
      if (!page || typeof text !== 'string') return null;
      const snap = await sync.snapshot();
      const config = pageConfig(page, snap.bundle, snap.effective);
      const key = `${snap.bundle.version}|${config.dlp.hashSalt}`;
      if (scannerCache?.key !== key) scannerCache = { key, scanner: createPageScanner(config) };
      const findings = scannerCache.scanner.scan(text);
      const all = scannerCache.scanner.names();
      return { findings, names: Object.fromEntries(findings.map((f) => [f.detector, all[f.detector] ?? f.detector])) };
    },
    getStatus: () => status(),
    async saveSettings(settings) {
      await items.manualSettings.setValue({
        serverUrl: settings.serverUrl.trim(),
        enrollmentToken: settings.enrollmentToken.trim(),
        ...(settings.mode ? { mode: settings.mode } : {}),
      });
      await refresh();
      return status();
    },
    async syncNow() {
      await items.syncStatus.setValue({ ...(await items.syncStatus.getValue()), notBefore: 0 });
      await sync.refreshBundle();
      await sync.flush(true);
      return status();
    },
  };

  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener(((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isEnvelope(message)) return undefined;
    const url = sender.url ?? '';
    const info: SenderInfo = { url, fromExtensionPage: url.startsWith(extensionOrigin) };
    if (!info.fromExtensionPage && !contentScriptMessages.has(message.type)) return undefined;
    const handler = handlers[message.type] as (p: unknown, s: SenderInfo) => Promise<unknown>;
    return handler(message.payload, info).catch((err: unknown) => {
      console.error(`sightline: ${message.type} failed`, err);
      return null;
    });
  }) as never);

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // The URL is only visible for tabs on hosts this extension may access: AI hosts. Other browsing stays invisible.
    const url = change.url ?? (change.status === 'loading' ? tab.url : undefined);
    if (!url) return;
    void (async () => {
      const page = (await matcherFor()).match(url);
      if (!page || !(await visits.isNewVisit(tabId, `${page.service.id}|${page.host}`, now()))) return;
      const { effective } = await sync.snapshot();
      await queue.add([visitEvent(page, url, effective.privacy.fullUrls, now())]);
      scheduleFlush();
    })().catch((err: unknown) => console.error('sightline: visit failed', err));
  });
  browser.tabs.onRemoved.addListener((tabId) => void visits.forget(tabId));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_FLUSH) void sync.flush();
    if (alarm.name === ALARM_BUNDLE) void refresh();
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refresh();
  });
  browser.runtime.onInstalled.addListener(() => void refresh());
  browser.runtime.onStartup.addListener(() => void refresh());

  const ready = syncScripts()
    .then(scheduleAlarms)
    .catch((err: unknown) => console.error('sightline: start failed', err));
  return { handlers, sync, queue, ready, refresh };
}
