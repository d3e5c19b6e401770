import { DataDirBusyError } from '../db/data-dir-lock.ts';
import { migrationStatus } from '../db/migrate.ts';
import { EnvError, readEnv } from '../env.ts';
import { openRuntime } from '../runtime.ts';
import { auditCommand, auditHelp } from './audit.ts';
import { evidenceCommand, evidenceHelp } from './evidence.ts';
import { type CliIo, processIo, UsageError } from './io.ts';
import { userCommand, userHelp } from './user.ts';

const help = `sightline — discover how your company uses AI

Usage: sightline <command> [options]

Commands:
  serve                       run the backend (migrates first); same as npm start
  migrate                     apply database migrations and exit
  user create|list|disable    manage admin accounts
  audit verify                check the audit log's hash chain and signed checkpoints
  evidence export             write the decisions of a period with their policy snapshots (JSON)
  fingerprints match|list     match URLs/hosts against the AI service catalog, list the catalog
  dlp scan                    scan files or stdin for secrets and personal data

Configuration comes from the environment (see README.md). Run a command with --help for its options.

${userHelp}

${auditHelp}

${evidenceHelp}`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, Command> = {
  async serve(_argv, io) {
    const { startServer } = await import('../server.ts');
    const server = await startServer(readEnv(io.env), (l) => io.stderr.write(`${l}\n`));
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  },
  async migrate(_argv, io) {
    // Opening the runtime applies pending migrations.
    const runtime = await openRuntime(readEnv(io.env), { who: 'sightline migrate' });
    try {
      const status = await migrationStatus(runtime.deps.database);
      io.stdout.write(
        `Migrations applied: ${status.applied}/${status.shipped} on ${runtime.deps.database.kind} (${runtime.deps.database.location}).\n`,
      );
      return 0;
    } finally {
      await runtime.close();
    }
  },
  user: userCommand,
  audit: auditCommand,
  evidence: evidenceCommand,
  async fingerprints(argv, io) {
    const { fingerprintsCli } = await import('@sightline/fingerprints/cli');
    return fingerprintsCli(argv, io);
  },
  async dlp(argv, io) {
    const { dlpCli } = await import('@sightline/dlp/cli');
    return dlpCli(argv, io);
  },
};

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr).write(`${help}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`sightline: unknown command "${name}"\n\n${help}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`sightline ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    if (err instanceof EnvError || err instanceof DataDirBusyError) {
      io.stderr.write(`${(err as Error).message}\n`);
      return 2;
    }
    io.stderr.write(`sightline ${name}: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  }
}
