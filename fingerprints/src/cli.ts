import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { formatTable } from './format-table.ts';
import { defaultMatcher } from './index.ts';
import type { Matcher } from './matcher.ts';
import { type Category, categories } from './schema.ts';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const usage = `Usage: sightline fingerprints <command> [options]

Commands:
  match [--format text|jsonl] [INPUT...]       Match URLs or hostnames against the AI service catalog.
                                               Reads one input per line from stdin when none is given.
  list [--format text|jsonl] [--category C]    List the catalog.

Options:
  --format text|jsonl   text: an aligned table (default); jsonl: one JSON object per line.
                        match prints {input, platform, name, vendor, category}; platform is null when
                        the input is not an AI service.
  --category C          list only services of one category: ${categories.join(', ')}.
  -h, --help            Show this help.

Exit status: 0 on success, 2 on a usage error.
`;

class UsageError extends Error {}

async function* inputLines(stdin: NodeJS.ReadableStream): AsyncGenerator<string> {
  const lines = createInterface({ input: stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length > 0) yield trimmed;
  }
}

async function runMatch(matcher: Matcher, inputs: AsyncIterable<string> | string[], format: string, io: CliIo) {
  const rows: string[][] = [];
  for await (const input of inputs) {
    const hit = matcher.matchUrl(input) ?? matcher.matchApiHost(input);
    const s = hit?.service ?? null;
    if (format === 'jsonl') {
      const record = { input, platform: s?.id ?? null, name: s?.name ?? null, vendor: s?.vendor ?? null };
      io.stdout.write(`${JSON.stringify({ ...record, category: s?.category ?? null })}\n`);
    } else {
      rows.push([input, s?.id ?? '-', s?.name ?? '-', s?.vendor ?? '-', s?.category ?? '-']);
    }
  }
  if (format === 'text') io.stdout.write(formatTable(['INPUT', 'PLATFORM', 'NAME', 'VENDOR', 'CATEGORY'], rows));
}

function runList(matcher: Matcher, format: string, category: Category | undefined, io: CliIo) {
  const services = [...matcher.catalog.services]
    .filter((s) => category === undefined || s.category === category)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (format === 'jsonl') {
    for (const s of services) {
      const { id, name, vendor, riskTier, hosts, apiHosts } = s;
      io.stdout.write(`${JSON.stringify({ id, name, vendor, category: s.category, riskTier, hosts, apiHosts })}\n`);
    }
    return;
  }
  const rows = services.map((s) => [s.id, s.name, s.vendor, s.category, s.riskTier, s.hosts.join(' ')]);
  io.stdout.write(formatTable(['ID', 'NAME', 'VENDOR', 'CATEGORY', 'RISK', 'HOSTS'], rows));
}

/** `sightline fingerprints ...`: `match` and `list` (see usage). Returns the exit status: 0 ok, 2 usage error. */
export async function fingerprintsCli(argv: string[], io: CliIo, matcher?: Matcher): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        category: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      io.stdout.write(usage);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.format !== 'text' && values.format !== 'jsonl') {
      throw new UsageError(`--format must be text or jsonl, not "${values.format}"`);
    }
    const m = matcher ?? defaultMatcher();
    if (command === 'match') {
      if (values.category !== undefined) throw new UsageError('--category applies to list only');
      await runMatch(m, rest.length > 0 ? rest : inputLines(io.stdin), values.format, io);
      return 0;
    }
    if (command === 'list') {
      if (rest.length > 0) throw new UsageError(`list takes no arguments (got "${rest[0]}")`);
      const category = values.category;
      if (category !== undefined && !(categories as readonly string[]).includes(category)) {
        throw new UsageError(`unknown category "${category}"; one of: ${categories.join(', ')}`);
      }
      runList(m, values.format, category as Category | undefined, io);
      return 0;
    }
    throw new UsageError(command === undefined ? 'missing command' : `unknown command "${command}"`);
  } catch (error) {
    const isParseError =
      error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof UsageError) && !isParseError) throw error;
    io.stderr.write(`sightline fingerprints: ${error.message}\n\n${usage}`);
    return 2;
  }
}
