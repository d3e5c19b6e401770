import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { collectFiles } from './cli/collect-files.ts';
import { type FileFinding, formatJsonl, formatSarif, formatText, lineStartsOf } from './cli/format.ts';
import { allDetectors } from './detectors/index.ts';
import { createScanner } from './engine/scanner.ts';
import { type Confidence, confidences } from './types.ts';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = 'usage: sightline dlp scan [--format text|jsonl|sarif] [--min-confidence low|medium|high] [PATH...|-]\n';
const FORMATS = ['text', 'jsonl', 'sarif'] as const;

function parseScanArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, 'min-confidence': { type: 'string' }, help: { type: 'boolean' } },
  });
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `sightline dlp scan`: scans files, directories (recursive) or stdin and prints findings as text, JSONL or
 * SARIF. Returns the exit code: 0 no findings, 1 findings, 2 error (usage, unreadable path).
 */
export async function dlpCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseScanArgs>;
  try {
    parsed = parseScanArgs(argv);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const [command, ...paths] = positionals;
  const format = values.format ?? 'text';
  const min = values['min-confidence'] ?? 'medium';
  if (command !== 'scan') {
    io.stderr.write(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
    return 2;
  }
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.stderr.write(`--format must be one of ${FORMATS.join(', ')}, got "${format}"\n`);
    return 2;
  }
  if (!(confidences as readonly string[]).includes(min)) {
    io.stderr.write(`--min-confidence must be one of ${confidences.join(', ')}, got "${min}"\n`);
    return 2;
  }
  let failed = false;
  const onError = (path: string, error: Error) => {
    failed = true;
    io.stderr.write(`sightline dlp: cannot read ${path}: ${error.message}\n`);
  };
  const sources: { path: string; read: () => Promise<string> }[] = [];
  const fileArgs = paths.filter((p) => p !== '-');
  if (paths.length === 0 || paths.includes('-')) sources.push({ path: '-', read: () => readStream(io.stdin) });
  for (const file of await collectFiles(fileArgs, onError))
    sources.push({ path: file, read: () => readFile(file, 'utf8') });

  const scanner = createScanner({ detectors: allDetectors, salt: randomUUID() });
  const findings: FileFinding[] = [];
  const lineStarts = new Map<string, number[]>();
  for (const source of sources) {
    let text: string;
    try {
      text = await source.read();
    } catch (error) {
      onError(source.path, error as Error);
      continue;
    }
    const found = scanner.scan(text, { minConfidence: min as Confidence });
    if (format === 'sarif' && found.length > 0) lineStarts.set(source.path, lineStartsOf(text));
    for (const f of found) findings.push({ ...f, path: source.path });
  }
  if (format === 'jsonl') io.stdout.write(formatJsonl(findings));
  else if (format === 'sarif') io.stdout.write(formatSarif(findings, scanner.detectors, lineStarts));
  else io.stdout.write(formatText(findings));
  if (failed) return 2;
  return findings.length > 0 ? 1 : 0;
}
