import type { TestProject } from 'vitest/node';
import { findPgBin, startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a PostgreSQL server (superuser) for the suites; '' when unavailable. */
    postgresAdminUrl: string;
  }
}

/**
 * Provides a PostgreSQL server to the suites that run on both databases:
 * DATABASE_URL (or SIGHTLINE_TEST_DATABASE_URL) when given, else a throw-away cluster from the image's binaries.
 * Without either, the PostgreSQL suites skip loudly; with SIGHTLINE_REQUIRE_POSTGRES=1 (set by CI) that is a failure.
 */
export default async function setup(project: TestProject) {
  const required = process.env.SIGHTLINE_REQUIRE_POSTGRES === '1';
  const given = process.env.SIGHTLINE_TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (given) {
    project.provide('postgresAdminUrl', given);
    return;
  }
  const bin = findPgBin();
  if (!bin) {
    const msg = 'PostgreSQL server binaries not found under /usr/lib/postgresql: the PostgreSQL suites will SKIP.';
    if (required) throw new Error(`${msg} SIGHTLINE_REQUIRE_POSTGRES=1 makes this a failure.`);
    process.stderr.write(`\n\x1b[41;97m WARNING \x1b[0m ${msg}\n\n`);
    project.provide('postgresAdminUrl', '');
    return;
  }
  const cluster = await startCluster(bin);
  project.provide('postgresAdminUrl', cluster.url);
  return () => cluster.stop();
}
