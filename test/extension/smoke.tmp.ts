import { startBackend } from './support/backend.ts';
import { buildExtension } from './support/build-extension.ts';
import { launchWithExtension } from './support/chromium.ts';
import { type RecordedRequest, startFixtureServer } from './support/fixture-server.ts';

const recorded: RecordedRequest[] = [];
const t0 = Date.now();
const dir = buildExtension();
console.log('built', Date.now() - t0, dir);
const sites = await startFixtureServer(recorded);
const backend = await startBackend(recorded, { name: 'Acme', mode: 'enforce', emailDomains: ['acme.example'] });
console.log('backend', backend.url, Date.now() - t0);
const b = await launchWithExtension(dir, sites.port);
console.log('launched', b.extensionId, Date.now() - t0);
b.worker.on('console', (m) => console.log('SW:', m.text()));
const opts = await b.context.newPage();
opts.on('console', (m) => console.log('OPT:', m.text()));
opts.on('pageerror', (e) => console.log('OPTERR:', e.message));
await opts.goto(
  `chrome-extension://${b.extensionId}/options.html?server=${encodeURIComponent(backend.url)}&token=${backend.token}`,
);
await opts.click('#connect');
await opts
  .waitForFunction(() => document.getElementById('diagnostics')?.textContent?.includes('"enrolled": true'), null, {
    timeout: 10000,
  })
  .catch(() => {});
console.log(await opts.textContent('#diagnostics'));
const page = await b.context.newPage();
page.on('console', (m) => console.log('PAGE:', m.text()));
await page.goto('https://chatgpt.com/');
await page.waitForTimeout(1500);
const input = page.locator('#prompt-textarea');
await input.click();
await page.evaluate(() => {
  const dt = new DataTransfer();
  dt.setData('text/plain', 'my token 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');
  document
    .getElementById('prompt-textarea')!
    .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
});
await page.waitForTimeout(500);
console.log('editor:', await input.textContent(), 'notice:', await page.locator('sightline-notice').count());
await page.waitForTimeout(2500);
console.log((await backend.events()).map((e) => [e.kind, e.service_id, JSON.stringify(e.data).slice(0, 200)]));
await b.close();
await backend.close();
await sites.close();
