import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'repo',
          include: ['{fingerprints,dlp,policies,connectors,backend,dashboard}/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          globalSetup: ['test/setup/global-postgres.ts'],
        },
      },
      // WXT unit tests need the WxtVitest plugin (fake browser, auto-imports), so they are a project of their own.
      'extension/vitest.config.ts',
    ],
  },
});
