import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.ts';
import { fixtureSites, NON_AI_URL } from './support/fixture-server.ts';
import { expectNothingPlanted, paste, SECRET } from './support/planted.ts';
import { requestText, type Session, startSession } from './support/session.ts';

describe.skipIf(chromiumMissing())(
  'reporting in real Chromium against the real backend: visits, surfaces, status, outage',
  () => {
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
    it('shows status, organisation, mode, what is monitored and the notice in the popup', async () => {
      await s.syncNow();
      const popup = await s.open(`chrome-extension://${s.browser.extensionId}/popup.html`);
      await expect.poll(() => popup.locator('[data-testid="status-light"]').getAttribute('data-light')).toBe('green');
      expect(await popup.textContent('[data-testid="organization"]')).toBe('Acme Corp');
      expect(await popup.textContent('[data-testid="mode"]')).toMatch(/^Enforce/);
      expect(await popup.textContent('[data-testid="monitored"]')).toMatch(
        /ChatGPT.*Claude.*more\. Other browsing is never seen/,
      );
      expect(await popup.textContent('[data-testid="events-waiting"]')).toMatch(/^\d+$/);
      expect(await popup.locator('.notice h2').textContent()).not.toBe('');
      await popup.close();
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
    it('sends nothing it saw on the pages', () => {
      expectNothingPlanted(s);
    });
  },
);
