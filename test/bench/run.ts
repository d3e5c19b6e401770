import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Bench, BenchResult } from './types.ts';

/** Every package benchmark, by suite name. Each module's default export is a `Bench`. */
const suites: Record<string, () => Promise<{ default: Bench }>> = {
  fingerprints: () => import('@sightline/fingerprints/bench'),
  dlp: () => import('@sightline/dlp/bench'),
  ingest: () => import('../../backend/bench/index.ts'),
  discovery: () => import('../../backend/bench/discovery.ts'),
  connectors: () => import('../../connectors/bench/index.ts'),
  extension: () => import('@sightline/extension/bench'),
};

function passes(r: BenchResult): boolean | undefined {
  if (r.target === undefined || r.direction === undefined) return undefined;
  return r.direction === 'min' ? r.value >= r.target : r.value <= r.target;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

/** Runs the selected suites (all by default), prints a table, writes bench-results/latest.json. Exit 1 if a target is missed. */
export async function runBenchmarks(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { quick: { type: 'boolean', default: false }, out: { type: 'string', default: 'bench-results' } },
  });
  const selected = positionals.length > 0 ? positionals : Object.keys(suites);
  const unknown = selected.filter((s) => !(s in suites));
  if (unknown.length > 0) {
    process.stderr.write(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}\n`);
    return 2;
  }
  const results: BenchResult[] = [];
  for (const name of selected) {
    const mod = await suites[name]!();
    process.stderr.write(`running ${name}...\n`);
    results.push(...(await mod.default({ quick: values.quick })));
  }
  const rows = results.map((r) => {
    const ok = passes(r);
    const target = r.target === undefined ? '' : `${r.direction === 'min' ? '>=' : '<='} ${formatNumber(r.target)}`;
    return [r.suite, r.name, formatNumber(r.value), r.unit, target, ok === undefined ? '' : ok ? 'pass' : 'FAIL'];
  });
  const header = ['suite', 'measure', 'value', 'unit', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  for (const r of results) if (r.note) process.stdout.write(`  ${r.suite}/${r.name}: ${r.note}\n`);
  await mkdir(values.out, { recursive: true });
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    quick: values.quick,
    results: results.map((r) => ({ ...r, pass: passes(r) })),
  };
  await writeFile(`${values.out}/latest.json`, `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`\nwrote ${values.out}/latest.json\n`);
  return results.some((r) => passes(r) === false) ? 1 : 0;
}
