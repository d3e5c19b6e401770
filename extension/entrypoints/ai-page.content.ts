import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageGuard } from '../utils/start-page-guard.ts';

// Registered at runtime by the background worker, for AI hosts only (see utils/register-content-scripts.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_start',
  main() {
    startPageGuard({ window, send: (message) => browser.runtime.sendMessage(message) });
  },
});
