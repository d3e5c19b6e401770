import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPglite, pgliteDir } from '../../backend/src/db/client.ts';
import { shippedMigrations } from '../../backend/src/db/migrate.ts';
import { rowsOf } from '../../backend/src/db/rows.ts';
import { runCli } from '../support/cli.ts';

describe('sightline CLI: migrate, user, audit verify (embedded database)', () => {
  it('creates, lists and disables users, and verifies then catches a tampered audit log', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sl-cli-'));
    const env = { SIGHTLINE_DATA_DIR: dataDir };

    const migrate = await runCli(['migrate'], env);
    expect(migrate).toMatchObject({ code: 0 });
    const n = shippedMigrations().length;
    expect(migrate.stdout).toContain(`Migrations applied: ${n}/${n} on pglite`);

    const created = await runCli(['user', 'create', '--email', 'Root@Example.com', '--role', 'owner'], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created owner root@example.com/);
    expect(created.stdout).toMatch(/Password \(shown once\): \S{20,}/);

    const piped = await runCli(
      ['user', 'create', '--email', 'a@example.com', '--role', 'auditor', '--password-stdin'],
      env,
      'a very long passphrase\n',
    );
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toMatch(/Password/);

    const short = await runCli(
      ['user', 'create', '--email', 'b@example.com', '--role', 'admin', '--password-stdin'],
      env,
      'short\n',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/password: at least 12 characters/);

    const badRole = await runCli(['user', 'create', '--email', 'c@example.com', '--role', 'god'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role must be one of/);

    expect((await runCli(['user', 'disable', '--email', 'a@example.com'], env)).code).toBe(0);
    const list = await runCli(['user', 'list', '--format', 'jsonl'], env);
    const users = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { email: string; disabled: boolean });
    expect(users.map((u) => [u.email, u.disabled])).toEqual([
      ['root@example.com', false],
      ['a@example.com', true],
    ]);

    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/OK: 3 entries/);

    const database = await openPglite(pgliteDir(dataDir));
    await database.db.execute(sql`alter table audit_log disable trigger user`);
    await database.db.execute(sql`update audit_log set action = 'user.nothing' where seq = 2`);
    const [row] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from audit_log where seq = 2`));
    await database.close();

    const bad = await runCli(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`TAMPERED: modified — entry ${row!.id} (seq 2) was modified`);
  });

  it('refuses a second process on the embedded database and names the holder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sl-cli-'));
    writeFileSync(join(dataDir, 'lock'), JSON.stringify({ pid: process.ppid, who: 'sightline serve' }));
    const res = await runCli(['user', 'list'], { SIGHTLINE_DATA_DIR: dataDir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/in use by process \d+ \(sightline serve\)/);
  });

  it('stops with a message naming a bad variable', async () => {
    const res = await runCli(['migrate'], { PORT: 'abc' });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/PORT="abc"/);
  });

  it('prints help and rejects unknown commands', async () => {
    expect((await runCli(['--help'], {})).stdout).toMatch(/Commands:/);
    const unknown = await runCli(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
