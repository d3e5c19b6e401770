import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { envelope } from './messages.ts';
import { CONTENT_SCRIPT_ID, SCANNER_SCRIPT_ID } from './register-content-scripts.ts';
import { startBackground } from './start-background.ts';
import { storageItems } from './storage.ts';

type Listener = (message: unknown, sender: { id?: string; url?: string }) => Promise<unknown> | undefined;

function setup() {
  const registered: { id: string; matches?: string[] }[] = [];
  let listener: Listener | undefined;
  const browser = {
    ...fakeBrowser,
    runtime: {
      ...fakeBrowser.runtime,
      id: 'sightline-test',
      getManifest: () => ({ version: '0.1.0' }),
      getURL: (path: string) => `chrome-extension://sightline-test${path}`,
      onMessage: { addListener: (l: Listener) => (listener = l) },
    },
    scripting: {
      getRegisteredContentScripts: async () => registered,
      registerContentScripts: async (scripts: { id: string; matches?: string[] }[]) => void registered.push(...scripts),
      unregisterContentScripts: async () => void registered.splice(0),
    },
    permissions: { contains: async () => false },
  };
  const bg = startBackground({
    browser: browser as never,
    items: storageItems,
    fetch: (async () => {
      throw new TypeError('offline');
    }) as never,
    navigator: { userAgent: 'Chrome/131.0.0.0' },
    flushDelayMs: 60_000,
  });
  const send = (message: unknown, url: string) => listener!(message, { id: 'sightline-test', url });
  return { bg, registered, send };
}

const surface = { kind: 'surface', adapter: 'catalog:chatgpt', accountType: 'unknown' } as const;

describe('background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers the page script for AI hosts only', async () => {
    const { bg, registered } = setup();
    await bg.ready;
    expect(registered.map((r) => r.id)).toEqual([CONTENT_SCRIPT_ID, SCANNER_SCRIPT_ID]);
    expect(registered[1]!.matches).toEqual(registered[0]!.matches);
    expect(registered[0]!.matches).toContain('https://*.chatgpt.com/*');
    expect(registered[0]!.matches).toContain('https://*.github.com/copilot/*');
    expect(registered[0]!.matches).not.toContain('https://*.github.com/*');
    expect(registered[0]!.matches!.every((m) => m.startsWith('https://*.'))).toBe(true);
  });

  it.each([
    { url: 'https://chatgpt.com/c/1', config: 'chatgpt', queued: true },
    { url: 'https://news.example.org/', config: null, queued: false },
  ])('page messages from $url', async ({ url, config, queued }) => {
    const { send } = setup();
    const hello = (await send(envelope('pageHello', {}), url)) as { serviceId: string } | null;
    expect(hello?.serviceId ?? null).toBe(config);
    expect(await send(envelope('report', { event: surface }), url)).toEqual({ queued });
    const queue = await storageItems.queue.getValue();
    expect(queue.length).toBe(queued ? 1 : 0);
    if (queued) expect(queue[0]).toMatchObject({ kind: 'surface', host: 'chatgpt.com', serviceId: 'chatgpt' });
  });

  it('refuses extension-page messages from web pages and foreign senders', async () => {
    const { send } = setup();
    expect(send(envelope('getStatus', {}), 'https://chatgpt.com/')).toBeUndefined();
    expect(send({ type: 'getStatus' }, 'chrome-extension://sightline-test/popup.html')).toBeUndefined();
    const status = (await send(envelope('getStatus', {}), 'chrome-extension://sightline-test/popup.html')) as {
      light: string;
    };
    expect(status.light).toBe('amber');
  });

  it.each([
    { url: 'https://claude.ai/new', visits: 1 },
    { url: 'https://github.com/acme/repo', visits: 0 },
    { url: 'https://www.example.com/', visits: 0 },
  ])('a tab on $url records $visits visit(s)', async ({ url, visits }) => {
    setup();
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await fakeBrowser.tabs.update(tab.id!, { url });
    await new Promise((r) => setTimeout(r, 20));
    const queue = await storageItems.queue.getValue();
    expect(queue.filter((e) => e.kind === 'visit')).toHaveLength(visits);
    if (visits) expect(queue[0]).not.toHaveProperty('url');
  });
});
