import { afterEach, describe, expect, it } from 'vitest';
import { defaultBundle } from './default-bundle.ts';
import type { GuardContext } from './guard-flow.ts';
import { createSubmitGuard, handleTextTransfer } from './intercept-text.ts';
import type { PageEvent } from './messages.ts';
import { NOTICE_TAG } from './notice-ui.ts';
import type { PageConfig } from './page-config.ts';
import { createPagePolicy } from './page-policy.ts';
import { createPageScanner } from './page-scanner.ts';
import { createGenericAdapter } from './site-adapter.ts';

const SECRET = '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';

function context(mode: 'monitor' | 'enforce') {
  const b = defaultBundle();
  const config: PageConfig = {
    serviceId: 'chatgpt',
    serviceName: 'ChatGPT',
    host: 'chatgpt.com',
    dom: null,
    accountHints: [],
    status: 'unsanctioned',
    mode,
    emailDomains: [],
    dlp: { ...b.dlp, maskedPreviews: false },
    notice: b.notice,
    organization: 'Acme',
  };
  const events: PageEvent[] = [];
  const ctx: GuardContext = {
    config,
    policy: createPagePolicy(config),
    scanner: createPageScanner(config),
    adapter: createGenericAdapter(document),
    doc: document,
    account: () => ({ accountType: 'personal' }),
    report: (e) => events.push(e),
  };
  return { ctx, events };
}

function pasteInto(field: HTMLElement, text: string): ClipboardEvent {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  field.dispatchEvent(event);
  return event;
}

describe('text interception', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    { mode: 'monitor', text: `key ${SECRET}`, prevented: false, notice: 0, kinds: ['interaction', 'dlp'] },
    { mode: 'enforce', text: `key ${SECRET}`, prevented: true, notice: 1, kinds: ['dlp'] },
    { mode: 'enforce', text: 'plain words', prevented: false, notice: 0, kinds: ['interaction'] },
  ] as const)('$mode paste of "$text"', async ({ mode, text, prevented, notice, kinds }) => {
    const { ctx, events } = context(mode);
    document.body.innerHTML = '<textarea id="q"></textarea>';
    const field = document.getElementById('q')!;
    field.addEventListener('paste', (e) => handleTextTransfer(ctx, e as ClipboardEvent, 'paste'), { capture: true });
    const event = pasteInto(field, text);
    await new Promise((r) => setTimeout(r, 0));
    expect(event.defaultPrevented).toBe(prevented);
    expect(document.querySelectorAll(NOTICE_TAG)).toHaveLength(notice);
    expect(events.map((e) => e.kind)).toEqual(kinds);
    const dlp = events.find((e) => e.kind === 'dlp');
    if (dlp) expect(dlp).toMatchObject({ mode, action: 'block', trigger: 'paste' });
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it('a submit with a secret is stopped before the page sees it; the same prompt is checked once', () => {
    const { ctx, events } = context('enforce');
    document.body.innerHTML = `<textarea id="q">deploy with ${SECRET}</textarea><button id="send" aria-label="Send">→</button>`;
    const guard = createSubmitGuard(ctx);
    let pageSaw = 0;
    window.addEventListener('click', (e) => guard.onClick(e), { capture: true });
    document.getElementById('send')!.addEventListener('click', () => pageSaw++);
    document.getElementById('send')!.click();
    expect(pageSaw).toBe(0);
    expect(events.filter((e) => e.kind === 'dlp')).toHaveLength(1);
    document.getElementById('send')!.click();
    expect(pageSaw).toBe(0);
    expect(events.filter((e) => e.kind === 'dlp')).toHaveLength(1);
  });

  it('an allowed prompt reaches the page and is reported once even when Enter also clicks send', () => {
    const { ctx, events } = context('enforce');
    document.body.innerHTML =
      '<textarea id="q">summarise this article</textarea><button id="send" aria-label="Send">→</button>';
    const guard = createSubmitGuard(ctx);
    let pageSaw = 0;
    window.addEventListener('click', (e) => guard.onClick(e), { capture: true });
    document.getElementById('send')!.addEventListener('click', () => pageSaw++);
    document.getElementById('send')!.click();
    document.getElementById('send')!.click();
    expect(pageSaw).toBe(2);
    expect(events).toEqual([{ kind: 'interaction', action: 'prompt', accountType: 'personal', chars: 22 }]);
  });
});
