import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a migrated template database on a throw-away (or given) PostgreSQL server; '' when unavailable. */
    postgresAdminUrl: string;
  }
}

/** Finds the newest PostgreSQL server binaries on the machine image. */
function findPgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function run(cmd: string, args: string[], asPostgres: boolean): void {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const res = spawnSync(file, argv, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${res.stderr || res.stdout}`);
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
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'sightline-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  if (asPostgres) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], asPostgres);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', 'start', '-o', opts], asPostgres);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`select 1`;
  await sql.end();
  project.provide('postgresAdminUrl', url);
  return () => {
    run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asPostgres);
    rmSync(dir, { recursive: true, force: true });
  };
}
