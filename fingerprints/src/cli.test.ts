import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeCatalog, makeService } from '../test/make-catalog.ts';
import { fingerprintsCli } from './cli.ts';
import { createMatcher } from './matcher.ts';

const matcher = createMatcher(
  makeCatalog([
    makeService('chatgpt', { name: 'ChatGPT', vendor: 'OpenAI', hosts: ['chatgpt.com'] }),
    makeService('openai-api', {
      name: 'OpenAI API',
      vendor: 'OpenAI',
      category: 'model-api',
      apiHosts: ['api.openai.com'],
    }),
    makeService('deepl', { name: 'DeepL', vendor: 'DeepL SE', category: 'translation', hosts: ['deepl.com'] }),
  ]),
);

async function run(argv: string[], stdinText = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const code = await fingerprintsCli(argv, { stdin: Readable.from([stdinText]), stdout, stderr }, matcher);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const jsonl = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('fingerprints match', () => {
  it('prints one JSON object per input argument, platform null when not AI', async () => {
    const r = await run(['match', '--format', 'jsonl', 'https://chatgpt.com/c/1', 'mail.google.com', 'api.openai.com']);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout)).toEqual([
      {
        input: 'https://chatgpt.com/c/1',
        platform: 'chatgpt',
        name: 'ChatGPT',
        vendor: 'OpenAI',
        category: 'general-assistant',
      },
      { input: 'mail.google.com', platform: null, name: null, vendor: null, category: null },
      { input: 'api.openai.com', platform: 'openai-api', name: 'OpenAI API', vendor: 'OpenAI', category: 'model-api' },
    ]);
  });

  it('reads stdin lines when no input is given, skipping blank lines', async () => {
    const r = await run(['match', '--format=jsonl'], 'deepl.com\r\n\n  https://chatgpt.com@evil.example/  \n');
    expect(jsonl(r.stdout).map((o) => [o.input, o.platform])).toEqual([
      ['deepl.com', 'deepl'],
      ['https://chatgpt.com@evil.example/', null],
    ]);
  });

  it('prints an aligned table by default', async () => {
    const r = await run(['match', 'chatgpt.com', 'example.org']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'INPUT        PLATFORM  NAME     VENDOR  CATEGORY',
        '-----------  --------  -------  ------  -----------------',
        'chatgpt.com  chatgpt   ChatGPT  OpenAI  general-assistant',
        'example.org  -         -        -       -',
        '',
      ].join('\n'),
    );
  });
});

describe('fingerprints list', () => {
  it('lists services as JSONL, filtered by category', async () => {
    const r = await run(['list', '--format', 'jsonl', '--category', 'translation']);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout)).toEqual([
      {
        id: 'deepl',
        name: 'DeepL',
        vendor: 'DeepL SE',
        category: 'translation',
        riskTier: 'high',
        hosts: ['deepl.com'],
        apiHosts: [],
      },
    ]);
  });

  it('lists every service as a table', async () => {
    const r = await run(['list']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+VENDOR\s+CATEGORY\s+RISK\s+HOSTS$/);
    expect(lines.slice(2).map((l) => l.split(' ')[0])).toEqual(['chatgpt', 'deepl', 'openai-api']);
  });
});

describe('usage', () => {
  it('prints help with exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: sightline fingerprints/);
  });

  it.each([
    [[]],
    [['frobnicate']],
    [['match', '--format', 'xml', 'chatgpt.com']],
    [['match', '--category', 'coding', 'chatgpt.com']],
    [['match', '--unknown']],
    [['list', '--category', 'nope']],
    [['list', 'extra']],
  ])('%j is a usage error (exit 2, message on stderr)', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sightline fingerprints: .+\n\nUsage:/);
  });
});

describe('the shipped catalog', () => {
  it('is used when no matcher is passed', async () => {
    const stdout = new PassThrough();
    const chunks: string[] = [];
    stdout.on('data', (c) => chunks.push(String(c)));
    const io = { stdin: Readable.from(['']), stdout, stderr: new PassThrough() };
    expect(await fingerprintsCli(['match', '--format', 'jsonl', 'https://chatgpt.com/'], io)).toBe(0);
    expect(JSON.parse(chunks.join('')).platform).toBe('chatgpt');
  });
});
