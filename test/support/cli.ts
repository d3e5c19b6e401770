import { PassThrough, Readable } from 'node:stream';
import { main } from '../../backend/src/cli/main.ts';

/** Runs the `sightline` CLI in-process with the given environment and stdin; collects its output. */
export async function runCli(argv: string[], env: Record<string, string | undefined>, stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  const code = await main(argv, {
    stdin: Readable.from([stdin]),
    stdout,
    stderr,
    env: { LOG_LEVEL: 'silent', ...env },
  });
  return { code, stdout: out, stderr: err };
}
