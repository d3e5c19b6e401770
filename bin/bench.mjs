#!/usr/bin/env node
// `npm run bench`: runs every package's benchmark, prints one table and writes bench-results/latest.json.
import { register } from 'tsx/esm/api';

register();
const { runBenchmarks } = await import('../test/bench/run.ts');
process.exitCode = await runBenchmarks(process.argv.slice(2));
