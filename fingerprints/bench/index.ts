import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Bench, BenchResult } from '../../test/bench/types.ts';
import { compactCatalogPath } from '../src/build-catalog.ts';
import { decodeCatalog } from '../src/catalog-format.ts';
import { createMatcher } from '../src/matcher.ts';
import { appNameSamples, urlSamples } from './samples.ts';

/** Runs `fn` over `inputs` repeatedly for about `ms` milliseconds (after a warm-up); returns calls per second. */
function throughput(
  inputs: readonly string[],
  fn: (s: string) => unknown,
  ms: number,
): { perSecond: number; hits: number } {
  let hits = 0;
  for (let r = 0; r < 20; r++) for (const s of inputs) if (fn(s) !== null) hits++;
  let calls = 0;
  hits = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const s of inputs) if (fn(s) !== null) hits++;
    calls += inputs.length;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return { perSecond: Math.round((calls / elapsed) * 1000), hits: Math.round(hits / (calls / inputs.length)) };
}

/** Fingerprints: URL and app-name matching throughput on one core, and the gzipped size of the shipped index. */
const bench: Bench = async ({ quick }) => {
  const raw = readFileSync(compactCatalogPath);
  const matcher = createMatcher(decodeCatalog(JSON.parse(raw.toString('utf8'))));
  const ms = quick ? 300 : 2000;
  const urls = urlSamples(matcher.catalog);
  const names = appNameSamples(matcher.catalog);
  const url = throughput(urls, (u) => matcher.matchUrl(u), ms);
  const app = throughput(names, (name) => matcher.matchApp({ name }), ms);
  const gzipKb = gzipSync(raw, { level: 9 }).length / 1024;
  const services = matcher.catalog.services.length;
  const results: BenchResult[] = [
    {
      suite: 'fingerprints',
      name: 'URL matches per second',
      value: url.perSecond,
      unit: 'matches/s',
      target: 2_000_000,
      direction: 'min',
      note: `${urls.length} URLs, ${url.hits} of them AI services, ${services} services in the catalog`,
    },
    {
      suite: 'fingerprints',
      name: 'OAuth app-name matches per second',
      value: app.perSecond,
      unit: 'matches/s',
      target: 200_000,
      direction: 'min',
      note: `${names.length} app names, ${app.hits} of them matched`,
    },
    {
      suite: 'fingerprints',
      name: 'shipped index gzipped',
      value: Math.round(gzipKb * 10) / 10,
      unit: 'KB',
      target: 150,
      direction: 'max',
      note: `generated/catalog.json: ${(raw.length / 1024).toFixed(1)} KB raw`,
    },
  ];
  return results;
};

export default bench;
