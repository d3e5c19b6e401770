import { randomBytes } from 'node:crypto';
import type { Bench, BenchResult } from '../../test/bench/types.ts';
import { findPgBin, startCluster } from '../../test/setup/postgres-cluster.ts';
import { createApp } from '../src/app.ts';
import { recomputeDiscovery } from '../src/discovery/recompute.ts';
import { readEnv } from '../src/env.ts';
import { openRuntime } from '../src/runtime.ts';
import { createUser } from '../src/users/users.ts';
import { generateOrganisation } from './discovery-data.ts';
import { percentile } from './ingest-load.ts';

const PASSWORD = 'bench password that is long enough';

/**
 * The simulated organisation at scale on a throw-away PostgreSQL cluster: 10,000 people and ~10 million events
 * (as daily rollups, plus raw DLP events, IdP/OAuth observations, and DISCOVERY_BENCH_RAW_EVENTS raw visits), then one full recompute (assets, tiers,
 * findings, alerts, exposure) against 60 s, a second steady-state one, and the exposure overview endpoint's p95.
 */
const bench: Bench = async ({ quick }) => {
  const bin = findPgBin();
  if (!bin) throw new Error('the discovery benchmark needs PostgreSQL server binaries (/usr/lib/postgresql/*/bin)');
  const cluster = await startCluster(bin, ['shared_buffers=512MB', 'work_mem=64MB', 'maintenance_work_mem=256MB']);
  const env = readEnv({
    DATABASE_URL: cluster.url,
    SIGHTLINE_SECRET_KEY: randomBytes(32).toString('base64'),
    SIGHTLINE_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  });
  const runtime = await openRuntime(env, { who: 'discovery bench' });
  try {
    const { deps } = runtime;
    const db = deps.database.db;
    const now = new Date();
    const people = quick ? 2_000 : 10_000;
    const started = performance.now();
    const data = await generateOrganisation(db, {
      people,
      days: 30,
      rawDlp: quick ? 20_000 : 100_000,
      // Raw non-DLP events only matter to ingest; discovery never scans them (10M take ~9 min to generate).
      rawOther: Number(process.env.DISCOVERY_BENCH_RAW_EVENTS ?? 0),
      now,
    });
    const generatedSeconds = (performance.now() - started) / 1000;
    const events = data.rollupEvents;

    const t0 = performance.now();
    const first = await recomputeDiscovery(deps, { now });
    const firstSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const second = await recomputeDiscovery(deps, { now: new Date(now.getTime() + 60_000) });
    const secondSeconds = (performance.now() - t1) / 1000;

    const app = createApp(deps);
    const origin = new URL(`http://${env.HOST}:${env.PORT}`).origin;
    await createUser(db, deps.clock, { email: 'bench@corp.example', role: 'auditor', password: PASSWORD, name: 'b' });
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: 'bench@corp.example', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const latencies: number[] = [];
    let lastStatus = 0;
    for (let i = 0; i < (quick ? 50 : 200); i++) {
      const s = performance.now();
      const res = await app.request('/api/v1/exposure', { headers: { cookie } });
      await res.arrayBuffer();
      lastStatus = res.status;
      latencies.push(performance.now() - s);
    }
    if (lastStatus !== 200) throw new Error(`GET /api/v1/exposure answered ${lastStatus}`);
    latencies.sort((a, b) => a - b);
    const note = `${data.people} people, ${data.dailyUsageRows.toLocaleString('en-US')} daily_usage rows standing for ${data.rollupEvents.toLocaleString('en-US')} events, ${data.rawDlpEvents.toLocaleString('en-US')} raw DLP + ${data.rawOtherEvents.toLocaleString('en-US')} raw visit/prompt events, ${data.observations.toLocaleString('en-US')} observations (generated in ${generatedSeconds.toFixed(1)} s); ${first.assets.assets} assets, ${first.findings.total} findings, ${first.alerts.opened} alerts; steps ${JSON.stringify(first.ms)}`;
    const results: BenchResult[] = [
      {
        suite: 'discovery',
        name: `recompute all (${(events / 1e6).toFixed(1)}M events, ${data.people} people)`,
        value: firstSeconds,
        unit: 's',
        target: 60,
        direction: 'max',
        note,
      },
      {
        suite: 'discovery',
        name: 'recompute again (steady state)',
        value: secondSeconds,
        unit: 's',
        note: `steps ${JSON.stringify(second.ms)}`,
      },
      {
        suite: 'discovery',
        name: 'GET /api/v1/exposure p95',
        value: percentile(latencies, 95),
        unit: 'ms',
        target: 100,
        direction: 'max',
        note: `p50 ${percentile(latencies, 50).toFixed(1)} ms over ${latencies.length} requests`,
      },
    ];
    return results;
  } finally {
    await runtime.close();
    cluster.stop();
  }
};

export default bench;
