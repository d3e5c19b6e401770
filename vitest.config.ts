import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{fingerprints,dlp,policies,connectors,backend,dashboard}/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/setup/global-postgres.ts'],
  },
});
