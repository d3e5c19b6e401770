import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPageScanner } from '../utils/page-scanner.ts';
import { provideScannerFactory } from '../utils/scanner-bridge.ts';

// The DLP engine, registered next to ai-page.js but at document_idle: its size never delays the page's start.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main() {
    provideScannerFactory(createPageScanner);
  },
});
