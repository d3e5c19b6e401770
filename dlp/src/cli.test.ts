import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dlpCli } from './cli.ts';

const SECRET_LINE = 'DATABASE_URL=postgres://app_rw:Vq7x9Lr2Tz@db-prod.internal:5432/orders\n';

async function run(argv: string[], stdinText = '') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  stdin.end(stdinText);
  const code = await dlpCli(argv, { stdin, stdout, stderr });
  return { code, out, err };
}

describe('dlpCli scan', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dlp-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads stdin with - and prints JSONL with the contract fields and offsets', async () => {
    const text = `first line\n${SECRET_LINE}`;
    const { code, out } = await run(['scan', '--format', 'jsonl', '-'], text);
    expect(code).toBe(1);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(Object.keys(row)).toEqual([
      'path',
      'detector',
      'category',
      'confidence',
      'start',
      'end',
      'line',
      'column',
      'masked',
    ]);
    expect(row).toMatchObject({ path: '-', detector: 'postgres-connection-uri', category: 'secret', line: 2 });
    expect(text.slice(row.start, row.end)).toBe('Vq7x9Lr2Tz');
    expect(row.column).toBe(row.start - text.indexOf('\n'));
    expect(out).not.toContain('Vq7x9Lr2Tz');
  });

  it('reads stdin when no path is given and exits 0 without findings', async () => {
    const { code, out } = await run(['scan'], 'nothing to see here\n');
    expect(code).toBe(0);
    expect(out).toBe('');
  });

  it('walks directories, skipping node_modules, .git and binary files', async () => {
    await mkdir(join(dir, 'src'), { recursive: true });
    await mkdir(join(dir, 'node_modules', 'x'), { recursive: true });
    await mkdir(join(dir, '.git'), { recursive: true });
    await writeFile(join(dir, 'src', 'config.env'), SECRET_LINE);
    await writeFile(join(dir, 'node_modules', 'x', 'index.js'), SECRET_LINE);
    await writeFile(join(dir, '.git', 'config'), SECRET_LINE);
    await writeFile(join(dir, 'image.bin'), Buffer.concat([Buffer.from(SECRET_LINE), Buffer.from([0, 1, 2])]));
    const { code, out } = await run(['scan', '--format', 'jsonl', dir]);
    expect(code).toBe(1);
    const paths = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).path);
    expect(paths).toEqual([join(dir, 'src', 'config.env')]);
  });

  it('prints SARIF 2.1.0 with a rule per fired detector', async () => {
    const file = join(dir, 'a.txt');
    await writeFile(file, `x\n${SECRET_LINE}contact: maria.gonzalez@northwind-traders.com\n`);
    const { code, out } = await run(['scan', '--format', 'sarif', file]);
    expect(code).toBe(1);
    const log = JSON.parse(out);
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'email-address',
      'postgres-connection-uri',
    ]);
    const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'postgres-connection-uri');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, endLine: 2, charLength: 10 });
    expect(run0.tool.driver.rules[result.ruleIndex].id).toBe('postgres-connection-uri');
  });

  it('prints text lines path:line:column and honours --min-confidence', async () => {
    const file = join(dir, 'a.txt');
    await writeFile(file, 'forward to maria.gonzalez@northwind-traders.com\n');
    const medium = await run(['scan', file]);
    expect(medium.out).toMatch(/a\.txt:1:12 {2}medium {2}email-address \(pii\) {2}mari\*+/);
    const high = await run(['scan', '--min-confidence', 'high', file]);
    expect(high.code).toBe(0);
  });

  it.each([
    [['scan', '/definitely/not/here'], /cannot read \/definitely\/not\/here/],
    [['scan', '--format', 'xml', '-'], /--format must be one of/],
    [['scan', '--min-confidence', 'certain', '-'], /--min-confidence must be one of/],
    [['lint'], /unknown command "lint"/],
    [['scan', '--bogus'], /Unknown option/],
  ])('exits 2 with a message for %j', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
