import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.ts';
import { EMAIL, expectNothingPlanted, IBAN, notice, PROMPT, paste, SECRET } from './support/planted.ts';
import { requestText, type Session, startSession } from './support/session.ts';

describe.skipIf(chromiumMissing())('DLP in real Chromium against the real backend: paste, submit, upload', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    await s.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
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
    // The recording sees decoded ingest bodies: the detector id (metadata) is there, the values are not.
    expect(texts.some((t) => t.includes('/api/v1/ingest') && t.includes('github-pat-classic'))).toBe(true);
    expectNothingPlanted(s);
    await page.close();
  });
});
