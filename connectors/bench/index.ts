/**
 * Connector benchmark: a full Okta sync of the large fixture (100,000 people, 5,000 apps, 1,000,000 SSO events)
 * with the real SDK. The mock runs in its own process so its memory does not count; the sync runs in another,
 * whose wall time and peak RSS are reported. Emit counts and discards (no database), so this measures the
 * connector: SDK paging, parsing, validation and mapping.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchResult } from '../../test/bench/types.ts';

function child(script: string, args: string[], nodeFlags: string[] = []): ChildProcess {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function firstLine(proc: ChildProcess): Promise<string> {
  const lines = createInterface({ input: proc.stdout! });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(proc, 'exit').then(([code]) => {
      throw new Error(`connector bench child exited with ${code}`);
    }),
  ])) as [string];
  return line;
}

/** A full Google Workspace sync of the large tenant: users with OAuth tokens, and the token activity report. */
async function googleBench(quick: boolean): Promise<BenchResult[]> {
  const sizes = quick ? [2_000, 100_000] : [10_000, 1_000_000];
  const mock = child('./google-mock-process.ts', [sizes.join(',')]);
  try {
    const config = (await firstLine(mock)).replace(/^ready /, '');
    const result = JSON.parse(await firstLine(child('./google-sync-process.ts', [config]))) as {
      seconds: number;
      peakRssMb: number;
      observations: number;
      summary: { pages: number; counts: Record<string, number> };
    };
    const note = `${sizes[0]} users (one tokens.list each, two grants per user), ${result.summary.counts['token']} token events; ${result.summary.pages} pages, ${result.observations} observations; emit counts and discards`;
    return [
      {
        suite: 'connectors',
        name: 'google full sync (large)',
        value: result.seconds,
        unit: 's',
        target: 120,
        direction: 'max',
        note,
      },
      {
        suite: 'connectors',
        name: 'google sync peak RSS',
        value: result.peakRssMb,
        unit: 'MB',
        target: 300,
        direction: 'max',
      },
    ];
  } finally {
    mock.kill('SIGTERM');
  }
}

const bench: Bench = async ({ quick }) => {
  const sizes = quick ? [10_000, 500, 100_000] : [100_000, 5_000, 1_000_000];
  const mock = child('./okta-mock-process.ts', [sizes.join(',')]);
  try {
    const url = (await firstLine(mock)).replace(/^ready /, '');
    const sync = child('./okta-sync-process.ts', [url]);
    const result = JSON.parse(await firstLine(sync)) as {
      seconds: number;
      peakRssMb: number;
      observations: number;
      people: number;
      batches: number;
      summary: { pages: number; counts: Record<string, number> };
    };
    const c = result.summary.counts;
    const note = `${sizes[0]} people, ${c['apps']} apps, ${c['assignments']} assignments, ${c['sign-ins']} sign-ins; ${result.summary.pages} pages, ${result.batches} batches, ${result.observations} observations; emit counts and discards`;
    const okta: BenchResult[] = [
      {
        suite: 'connectors',
        name: 'okta full sync (large)',
        value: result.seconds,
        unit: 's',
        target: 120,
        direction: 'max',
        note,
      },
      {
        suite: 'connectors',
        name: 'okta sync peak RSS',
        value: result.peakRssMb,
        unit: 'MB',
        target: 300,
        direction: 'max',
      },
      {
        suite: 'connectors',
        name: 'okta sync throughput',
        value: Math.round(result.observations / result.seconds),
        unit: 'obs/s',
      },
    ];
    mock.kill('SIGTERM');
    return [...okta, ...(await googleBench(quick))];
  } finally {
    mock.kill('SIGTERM');
  }
};

export default bench;
