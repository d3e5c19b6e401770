import { parseArgs } from 'node:util';
import { verifyAuditLog } from '../audit/verify.ts';
import { readEnv } from '../env.ts';
import { openRuntime } from '../runtime.ts';
import { type CliIo, UsageError } from './io.ts';

export const auditHelp = `Usage:
  sightline audit verify [--format text|json]

Walks the whole audit hash chain and every signed checkpoint. Exit 0 when intact, 1 when an entry was
modified, deleted, inserted or reordered (the first one is named), 2 on error.`;

/** `sightline audit verify`. */
export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new UsageError(`unknown audit command: ${sub ?? '(none)'}`);
  const { values } = parseArgs({ args: rest, options: { format: { type: 'string', default: 'text' } } });
  const runtime = await openRuntime(readEnv(io.env), { who: 'sightline audit verify' });
  try {
    const report = await verifyAuditLog(runtime.deps.database.db);
    if (values.format === 'json') {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else if (report.ok) {
      io.stdout.write(`OK: ${report.entries} entries, ${report.checkpoints} signed checkpoints, chain intact.\n`);
    } else {
      io.stdout.write(`TAMPERED: ${report.first!.kind} — ${report.first!.message}\n`);
      if (report.problems.length > 1)
        io.stdout.write(`(${report.problems.length - 1} further problem(s); --format json lists them)\n`);
    }
    return report.ok ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
