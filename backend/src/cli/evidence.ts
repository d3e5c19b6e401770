import { createWriteStream } from 'node:fs';
import { userInfo } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { readEnv } from '../env.ts';
import { evidenceExportStream } from '../evidence/export.ts';
import { openRuntime } from '../runtime.ts';
import { type CliIo, UsageError } from './io.ts';

export const evidenceHelp = `Usage:
  sightline evidence export [--from ISO-DATE] [--to ISO-DATE] [--out FILE]

Writes every decision made in [from, to) with the policy snapshots they cite, as one JSON document
(format sightline-evidence-v1; the same as GET /api/v1/evidence/export). Defaults: the last 90 days, stdout.`;

/** `sightline evidence export`: the auditor's evidence file, straight from the database. */
export async function evidenceCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'export') throw new UsageError(`unknown evidence command: ${sub ?? '(none)'}`);
  const { values } = parseArgs({
    args: rest,
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  });
  const to = values.to ? new Date(values.to) : new Date();
  const from = values.from ? new Date(values.from) : new Date(to.getTime() - 90 * 86400_000);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw new UsageError('--from and --to take ISO dates');
  if (to <= from) throw new UsageError('--to must be after --from');
  const runtime = await openRuntime(readEnv(io.env), { who: 'sightline evidence export' });
  try {
    const { db } = runtime.deps.database;
    const stream = Readable.fromWeb(evidenceExportStream(db, { from, to, generatedAt: new Date() }) as never);
    const target = values.out ? createWriteStream(values.out, { mode: 0o600 }) : io.stdout;
    await pipeline(stream, target, { end: Boolean(values.out) });
    await runtime.deps.audit.append({
      actor: { type: 'cli', id: userInfo().username },
      action: 'evidence.export',
      target: { type: 'evidence', id: null },
      outcome: 'success',
      details: { from: from.toISOString(), to: to.toISOString(), out: values.out ?? 'stdout' },
    });
    if (values.out)
      io.stderr.write(`Wrote evidence for ${from.toISOString()} .. ${to.toISOString()} to ${values.out}\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}
