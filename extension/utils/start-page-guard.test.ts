import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { defaultBundle } from './default-bundle.ts';
import type { Envelope, PageEvent } from './messages.ts';
import type { PageConfig } from './page-config.ts';
import { createPageScanner } from './page-scanner.ts';
import { startPageGuard } from './start-page-guard.ts';

const SECRET = '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';

function page(config: PageConfig | null) {
  const win = new HappyWindow({ url: 'https://chatgpt.com/' });
  win.document.body.innerHTML = '<textarea id="q"></textarea><button aria-label="Send">go</button>';
  const reported: PageEvent[] = [];
  const send = async (message: unknown) => {
    const m = message as Envelope;
    if (m.type === 'pageHello') return config;
    if (m.type === 'report') reported.push((m.payload as { event: PageEvent }).event);
    return { queued: true };
  };
  const guard = startPageGuard({
    window: win as unknown as Window & typeof globalThis,
    send,
    scannerFactory: Promise.resolve(createPageScanner),
    surfaceTimeoutMs: 200,
  });
  return { win, guard, reported };
}

const config = (mode: 'monitor' | 'enforce', dom: PageConfig['dom'] = null): PageConfig => {
  const b = defaultBundle();
  return {
    serviceId: 'chatgpt',
    serviceName: 'ChatGPT',
    host: 'chatgpt.com',
    dom,
    accountHints: [],
    status: 'unsanctioned',
    mode,
    emailDomains: [],
    dlp: { ...b.dlp, maskedPreviews: false },
    notice: b.notice,
    organization: 'Acme',
  };
};

describe('page guard', () => {
  it('does nothing on a page the background does not know as AI', async () => {
    const { guard, reported } = page(null);
    expect(await guard.ready).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(reported).toEqual([]);
    expect(guard.listenersMs).toBeLessThan(50);
  });

  it('reports the surface found by the generic adapter', async () => {
    const { guard, reported } = page(config('monitor'));
    expect(await guard.ready).not.toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(reported).toEqual([{ kind: 'surface', adapter: 'generic', accountType: 'unknown' }]);
  });

  it('reports adapter_health when a catalog adapter finds no input', async () => {
    const dom = { editor: 'prosemirror' as const, input: ['#prompt-textarea'], send: ['#send'] };
    const { guard, reported } = page(config('monitor', dom));
    await guard.ready;
    await new Promise((r) => setTimeout(r, 400));
    expect(reported).toEqual([{ kind: 'adapter_health', adapter: 'catalog:chatgpt', problem: 'input_not_found' }]);
  });

  it('blocks a pasted secret in enforce mode once the engine is there', async () => {
    const { win, guard, reported } = page(config('enforce'));
    const ctx = await guard.ready;
    await new Promise((r) => setTimeout(r, 20));
    expect(ctx?.scanner).not.toBeNull();
    const data = new win.DataTransfer();
    data.setData('text/plain', SECRET);
    const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    win.document.getElementById('q')!.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(reported.filter((e) => e.kind === 'dlp')).toMatchObject([
      { action: 'block', trigger: 'paste', mode: 'enforce' },
    ]);
  });
});
