import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest({ root: import.meta.dirname })],
  test: {
    name: 'extension',
    root: import.meta.dirname,
    include: ['utils/**/*.test.ts', 'entrypoints/**/*.test.ts'],
    environment: 'happy-dom',
    testTimeout: 30_000,
  },
});
