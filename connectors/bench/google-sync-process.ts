/**
 * Child process: a full Google Workspace sync (users and tokens, token activity report) of the mock whose config
 * is argv[2], with the real SDK and JWT delegation; emit counts and discards. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { googleConnector } from '../google/index.ts';

function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // Not Linux: fall back to the sampled maximum.
  }
  return 0;
}

const config = googleConnector.configSchema.parse({ ...JSON.parse(process.argv[2]!), activities: ['token'] });
const instance = googleConnector.create(config, { allowCustomHost: true, now: () => new Date('2026-03-10T00:00:00Z') });
let sampled = 0;
const sampler = setInterval(() => {
  sampled = Math.max(sampled, process.memoryUsage().rss / 1048576);
}, 50);
let observations = 0;
let people = 0;
let batches = 0;
const started = performance.now();
const summary = await instance.sync({
  cursor: null,
  signal: new AbortController().signal,
  progress: () => {},
  emit: async (batch) => {
    batches++;
    observations += batch.observations.length;
    people += batch.people?.length ?? 0;
  },
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const out = { seconds, peakRssMb: Math.max(peakRssMb(), sampled), observations, people, batches, summary };
process.stdout.write(`${JSON.stringify(out)}\n`);
