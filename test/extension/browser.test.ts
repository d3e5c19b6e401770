import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.ts';
import { fixtureSites, NON_AI_URL } from './support/fixture-server.ts';
import { requestText, type Session, startSession } from './support/session.ts';

// Planted values: a GitHub token (secret: blocked), an IBAN (financial: warn), an e-mail (personal data: redacted).
const SECRET = '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';
const IBAN = 'DE44 5001 0517 5407 3249 31';
const EMAIL = 'maria.gonzalez@northwind-traders.com';
const PROMPT = 'Draft the bluebird merger timeline for the board';
const PLANTED = [SECRET, IBAN, IBAN.replace(/ /g, ''), EMAIL, PROMPT, 'bluebird'];

/** Pastes text through the real clipboard (a trusted paste event) into the focused field. */
async function paste(page: Page, selector: string, text: string) {
  await page.click(selector);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

const notice = (page: Page) => page.locator('sightline-notice [role="alertdialog"]');

describe.skipIf(chromiumMissing())('extension in real Chromium against the real backend', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    await s.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('reports a visit and the chat surface on ChatGPT, and nothing about a non-AI page', async () => {
    const before = await s.eventIds();
    const plain = await s.open(NON_AI_URL);
    const chat = await s.open('https://chatgpt.com/');
    const events = await s.newEvents(
      before,
      (e) => e.service_id === 'chatgpt' && ['visit', 'surface'].includes(e.kind),
      2,
    );
    expect(events.map((e) => e.kind).sort()).toEqual(['surface', 'visit']);
    expect(events.find((e) => e.kind === 'surface')?.data).toMatchObject({ adapter: 'catalog:chatgpt' });
    const all = await s.backend.events();
    expect(all.filter((e) => e.host?.includes('example.org'))).toEqual([]);
    // No content script on the non-AI page: a planted secret pasted there is left alone and never scanned.
    await paste(plain, '#comment', SECRET);
    expect(await plain.inputValue('#comment')).toBe(SECRET);
    expect(await plain.locator('sightline-notice').count()).toBe(0);
    await Promise.all([plain.close(), chat.close()]);
  });

  it('blocks a secret pasted into the ProseMirror editor and reports the detector', async () => {
    const before = await s.eventIds();
    const page = await s.open('https://chatgpt.com/');
    await s.newEvents(before, (e) => e.kind === 'surface' && e.service_id === 'chatgpt');
    await paste(page, '#prompt-textarea', `use ${SECRET} for the deploy`);
    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await page.textContent('#prompt-textarea')).not.toContain(SECRET);
    const text = await notice(page).textContent();
    expect(text).toContain('GitHub');
    expect(text).not.toContain(SECRET);
    const [dlp] = await s.newEvents(before, (e) => e.kind === 'dlp');
    expect(dlp!.data).toMatchObject({ action: 'block', trigger: 'paste', mode: 'enforce' });
    expect(JSON.stringify(dlp!.data)).toContain('github-pat-classic');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('sightline-notice').count()).toBe(0);
    await page.close();
  });

  it('blocks a prompt with a secret on Enter and on the send button: nothing reaches the page', async () => {
    const before = await s.eventIds();
    const page = await s.open('https://chatgpt.com/');
    await s.newEvents(before, (e) => e.kind === 'surface' && e.service_id === 'chatgpt');
    // Typed in two parts so no paste check runs: only the submit check can stop it.
    await page.click('#prompt-textarea');
    await page.keyboard.type(`token ${SECRET.slice(0, 10)}`);
    await page.keyboard.type(SECRET.slice(10));
    await page.keyboard.press('Enter');
    await expect.poll(() => notice(page).count()).toBe(1);
    await notice(page).locator('button').click();
    await page.click('#composer-submit-button');
    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await page.textContent('#sent')).toBe('');
    const events = await s.newEvents(before, (e) => e.kind === 'dlp' && e.data.trigger === 'submit');
    expect(events[0]!.data).toMatchObject({ action: 'block' });
    await page.close();
  });

  it('warns about an IBAN and lets it through after a justification', async () => {
    const before = await s.eventIds();
    const page = await s.open('https://chatgpt.com/');
    await s.newEvents(before, (e) => e.kind === 'surface' && e.service_id === 'chatgpt');
    await paste(page, '#prompt-textarea', `wire to ${IBAN}`);
    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await page.textContent('#prompt-textarea')).not.toContain(IBAN);
    const proceed = notice(page).locator('button[data-sl="proceed"]');
    expect(await proceed.isDisabled()).toBe(true);
    await notice(page).locator('textarea').fill('supplier payment approved by finance');
    await proceed.click();
    await expect.poll(() => page.textContent('#prompt-textarea')).toContain(IBAN);
    const [dlp] = await s.newEvents(before, (e) => e.kind === 'dlp');
    expect(dlp!.data).toMatchObject({
      action: 'warn',
      decision: 'proceeded',
      justification: 'supplier payment approved by finance',
    });
    expect(JSON.stringify(dlp!.data)).toContain('iban');
    await page.close();
  });

  it('cancelling a warning keeps the text out', async () => {
    const before = await s.eventIds();
    const page = await s.open('https://chatgpt.com/');
    await s.newEvents(before, (e) => e.kind === 'surface' && e.service_id === 'chatgpt');
    await paste(page, '#prompt-textarea', `wire to ${IBAN}`);
    await expect.poll(() => notice(page).count()).toBe(1);
    await notice(page).locator('button[data-sl="cancel"]').click();
    const [dlp] = await s.newEvents(before, (e) => e.kind === 'dlp');
    expect(dlp!.data).toMatchObject({ action: 'warn', decision: 'cancelled' });
    expect(await page.textContent('#prompt-textarea')).not.toContain(IBAN);
    await page.close();
  });

  it('redacts an e-mail address: the masked text is inserted instead', async () => {
    const before = await s.eventIds();
    const page = await s.open('https://chatgpt.com/');
    await s.newEvents(before, (e) => e.kind === 'surface' && e.service_id === 'chatgpt');
    await paste(page, '#prompt-textarea', `reply to ${EMAIL} today`);
    await expect.poll(() => page.textContent('#prompt-textarea')).toContain('[redacted');
    const text = (await page.textContent('#prompt-textarea')) ?? '';
    expect(text).not.toContain(EMAIL);
    expect(text).toContain('reply to');
    const [dlp] = await s.newEvents(before, (e) => e.kind === 'dlp');
    expect(dlp!.data).toMatchObject({ action: 'redact', trigger: 'paste' });
    await page.close();
  });

  it('blocks the upload of a text file holding a secret; the page never sees the file', async () => {
    const before = await s.eventIds();
    const page = await s.open('https://chatgpt.com/');
    await s.newEvents(before, (e) => e.kind === 'surface' && e.service_id === 'chatgpt');
    await page.evaluate(() => {
      (window as unknown as { seen: number }).seen = 0;
      document.querySelector('input[type=file]')!.addEventListener('change', () => {
        (window as unknown as { seen: number }).seen++;
      });
    });
    await page.setInputFiles('input[type=file]', {
      name: 'deploy.env',
      mimeType: 'text/plain',
      buffer: Buffer.from(`GITHUB_TOKEN=${SECRET}\n`),
    });
    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { seen: number }).seen)).toBe(0);
    expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('input[type=file]')!.files?.length)).toBe(
      0,
    );
    const [dlp] = await s.newEvents(before, (e) => e.kind === 'dlp');
    expect(dlp!.data).toMatchObject({ action: 'block', trigger: 'upload' });
    // A harmless text file goes through to the page.
    await page.keyboard.press('Escape');
    await page.setInputFiles('input[type=file]', {
      name: 'notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# notes\n'),
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { seen: number }).seen)).toBe(1);
    await page.close();
  });

  it.each([
    { editor: 'a React-style textarea (Poe)', url: 'https://poe.com/', input: 'textarea' },
    { editor: 'a Quill editor (Gemini)', url: 'https://gemini.google.com/', input: 'div.ql-editor' },
    { editor: 'a Lexical editor (Perplexity)', url: 'https://perplexity.ai/', input: '#ask-input' },
  ])('blocks a secret pasted into $editor', async ({ url, input }) => {
    const before = await s.eventIds();
    const page = await s.open(url);
    await s.newEvents(before, (e) => e.kind === 'surface');
    await paste(page, input, `key ${SECRET}`);
    await expect.poll(() => notice(page).count()).toBe(1);
    const text = await page.locator(input).evaluate((el) => (el as HTMLTextAreaElement).value ?? el.textContent);
    expect(text).not.toContain(SECRET);
    await s.newEvents(before, (e) => e.kind === 'dlp' && e.data.action === 'block');
    await page.close();
  });

  it('reports adapter_health when a known site shows no prompt input', async () => {
    const before = await s.eventIds();
    const page = await s.open('https://chatgpt.com/settings/broken');
    const [health] = await s.newEvents(before, (e) => e.kind === 'adapter_health', 1, 20_000);
    expect(health!.data).toMatchObject({ adapter: 'catalog:chatgpt', problem: 'input_not_found' });
    await page.close();
  }, 30_000);

  it('covers a service the organisation blocked with a block page', async () => {
    const before = await s.eventIds();
    const page = await s.open('https://chat.deepseek.com/');
    const blocked = page.locator('sightline-blocked [role="alertdialog"]');
    await expect.poll(() => blocked.count()).toBe(1);
    expect(await blocked.textContent()).toMatch(/DeepSeek.* is blocked/);
    expect(await page.locator('sightline-blocked').count()).toBe(1);
    await s.newEvents(before, (e) => e.kind === 'visit' && e.service_id === 'deepseek');
    const chat = await s.open('https://chatgpt.com/');
    await s.newEvents(before, (e) => e.kind === 'surface' && e.service_id === 'chatgpt');
    expect(await chat.locator('sightline-blocked').count()).toBe(0);
    await Promise.all([page.close(), chat.close()]);
  });

  it('finds the prompt input of every listed service in its fixture', async () => {
    const sites = fixtureSites();
    expect(sites.length).toBeGreaterThanOrEqual(13);
    const before = await s.eventIds();
    const pages = await Promise.all(sites.map((site) => s.open(site.url)));
    const surfaces = await s.newEvents(before, (e) => e.kind === 'surface', sites.length, 30_000);
    const found = new Map(surfaces.map((e) => [e.service_id, e.data.adapter]));
    for (const site of sites) expect(found.get(site.id), site.id).toBe(`catalog:${site.id}`);
    const health = (await s.backend.events()).filter((e) => !before.has(e.id) && e.kind === 'adapter_health');
    expect(health).toEqual([]);
    await Promise.all(pages.map((p) => p.close()));
  });

  it('queues events while the backend is down and delivers each exactly once when it returns', async () => {
    const before = await s.eventIds();
    await s.backend.stop();
    const urls = ['https://claude.ai/', 'https://gemini.google.com/', 'https://chat.mistral.ai/'];
    const pages = [];
    for (const url of urls) pages.push(await s.open(url));
    await expect.poll(async () => (await s.syncNow()).eventsWaiting, { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    const ingestsBefore = s.recorded.filter((r) => r.url.endsWith('/api/v1/ingest')).length;
    await s.backend.start();
    await expect.poll(async () => (await s.syncNow()).eventsWaiting, { timeout: 20_000 }).toBe(0);
    const arrived = (await s.backend.events()).filter((e) => !before.has(e.id));
    for (const id of ['claude', 'gemini', 'mistral-le-chat']) {
      expect(
        arrived.filter((e) => e.service_id === id && e.kind === 'visit'),
        id,
      ).toHaveLength(1);
      expect(
        arrived.filter((e) => e.service_id === id && e.kind === 'surface'),
        id,
      ).toHaveLength(1);
    }
    // Each event id was sent in exactly one request after the backend came back.
    const sent = s.recorded
      .filter((r) => r.url.endsWith('/api/v1/ingest'))
      .slice(ingestsBefore)
      .flatMap((r) =>
        (JSON.parse(requestText(r).split('\n').slice(2).join('\n')) as { events: { id: string }[] }).events.map(
          (e) => e.id,
        ),
      );
    expect(new Set(sent).size).toBe(sent.length);
    for (const e of arrived) expect(sent).toContain(e.id);
    await Promise.all(pages.map((p) => p.close()));
  });

  it('never lets a planted secret or prompt text leave the browser', async () => {
    const before = await s.eventIds();
    const page = await s.open('https://claude.ai/');
    await s.newEvents(before, (e) => e.kind === 'surface' && e.service_id === 'claude');
    const input = 'div.ProseMirror[contenteditable="true"]';
    await paste(page, input, `${PROMPT} ${EMAIL}`);
    await expect.poll(() => notice(page).count()).toBe(1);
    await notice(page).locator('button').click();
    await page.click(input);
    await page.keyboard.type(` ${PROMPT}`);
    await page.keyboard.press('Enter');
    await paste(page, input, SECRET);
    await s.newEvents(before, (e) => e.kind === 'interaction' && e.data.action === 'prompt');
    await s.syncNow();
    const texts = s.recorded.map(requestText);
    expect(texts.length).toBeGreaterThan(5);
    // The recording sees decoded ingest bodies: the detector id (metadata) is there, the values are not.
    expect(texts.some((t) => t.includes('/api/v1/ingest') && t.includes('github-pat-classic'))).toBe(true);
    for (const text of texts) for (const planted of PLANTED) expect(text).not.toContain(planted);
    await page.close();
  });
});
