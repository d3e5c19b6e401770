import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../utils/start-background.ts';
import { storageItems } from '../utils/storage.ts';

export default defineBackground({
  type: 'module',
  main() {
    startBackground({ browser, items: storageItems });
  },
});
