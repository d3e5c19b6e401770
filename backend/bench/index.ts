import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { v7 as uuidv7 } from 'uuid';
import type { Bench, BenchResult } from '../../test/bench/types.ts';
import { findPgBin, freePort, startCluster } from '../../test/setup/postgres-cluster.ts';
import { systemClock } from '../src/clock.ts';
import { openPostgres } from '../src/db/client.ts';
import { createEnrollmentToken } from '../src/enrolment/tokens.ts';
import { makeLoadEvent, percentile } from './ingest-load.ts';

const BATCH = 500;
const DEVICES = 16;
const CONCURRENCY = 6;
/** Backend processes (stateless replicas behind a round-robin client); INGEST_BENCH_SERVERS overrides. */
const SERVERS = Math.max(1, Number(process.env.INGEST_BENCH_SERVERS ?? 1));

/** Ingest over HTTP into PostgreSQL, against a raw COPY of the same number of rows. */
const bench: Bench = async ({ quick }) => {
  const bin = findPgBin();
  if (!bin) throw new Error('the ingest benchmark needs PostgreSQL server binaries (/usr/lib/postgresql/*/bin)');
  const cluster = await startCluster(bin, ['shared_buffers=256MB']);
  const secretKey = randomBytes(32).toString('base64');
  const servers: ChildProcess[] = [];
  /** Starts one backend process; replicas start one after another so only the first applies migrations. */
  const startReplica = async (): Promise<string> => {
    const port = await freePort();
    const server = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./ingest-server.ts', import.meta.url))],
      {
        env: {
          ...process.env,
          DATABASE_URL: cluster.url,
          SIGHTLINE_SECRET_KEY: secretKey,
          PORT: String(port),
          LOG_LEVEL: 'warn',
          SIGHTLINE_RATE_LIMIT_PER_MINUTE: '1000000',
          SIGHTLINE_INGEST_BATCHES_PER_MINUTE: '1000000',
          SIGHTLINE_ENROLL_PER_MINUTE: '100000',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    servers.push(server);
    const [ready] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
    return ready.replace(/^ready /, '');
  };
  try {
    const bases: string[] = [];
    for (let i = 0; i < SERVERS; i++) bases.push(await startReplica());
    const base = bases[0]!;
    const database = openPostgres(cluster.url, { max: 2 });
    const { token } = await createEnrollmentToken(database.db, systemClock, { name: 'bench' }, null);
    const tokens: string[] = [];
    for (let d = 0; d < DEVICES; d++) {
      const res = await fetch(`${base}/api/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          enrollmentToken: token,
          device: {
            browser: 'chrome',
            browserVersion: '131',
            extensionVersion: '0.1.0',
            os: 'windows',
            userEmail: `user${d}@corp.example`,
          },
        }),
      });
      tokens.push(((await res.json()) as { deviceToken: string }).deviceToken);
    }
    const total = quick ? 60_000 : 300_000;
    const now = Date.now();
    const bodies: { token: string; body: string }[] = [];
    for (let b = 0; b < total / BATCH; b++) {
      const events = Array.from({ length: BATCH }, (_, i) => makeLoadEvent(b * BATCH + i, now));
      bodies.push({ token: tokens[b % DEVICES]!, body: JSON.stringify({ events }) });
    }
    let turn = 0;
    const send = async (item: { token: string; body: string }) => {
      const res = await fetch(`${bases[turn++ % bases.length]}/api/v1/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${item.token}` },
        body: item.body,
      });
      const answer = (await res.json()) as { accepted: number };
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(answer)}`);
      return answer.accepted;
    };
    // Warm-up (JIT, partitions, connection pool) on extra batches that are not timed.
    for (let w = 0; w < 10; w++) {
      const events = Array.from({ length: BATCH }, (_, i) => makeLoadEvent(1e9 + w * BATCH + i, now));
      await send({ token: tokens[w % DEVICES]!, body: JSON.stringify({ events }) });
    }
    const latencies: number[] = [];
    let accepted = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const item = bodies[next++]!;
          const t0 = performance.now();
          const n = await send(item);
          accepted += n;
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (accepted !== total) throw new Error(`expected ${total} accepted events, got ${accepted}`);
    const httpRate = accepted / seconds;

    // The same number of rows, straight into the events table with COPY (no validation, no rollups, no HTTP).
    const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
    const deviceId = uuidv7();
    const rows = Array.from({ length: total }, (_, i) => {
      const e = makeLoadEvent(i, now) as unknown as Record<string, unknown>;
      const { id, kind, at, host, serviceId, accountType, ...data } = e;
      return [
        uuidv7(),
        at,
        at,
        new Date(now).toISOString(),
        deviceId,
        'copy@corp.example',
        kind,
        serviceId ?? '\\N',
        host ?? '\\N',
        accountType ?? '\\N',
        JSON.stringify(data).replace(/\\/g, '\\\\'),
      ].join('\t');
    });
    const copyStart = performance.now();
    const stream =
      await sql`copy events (id, occurred_at, device_at, received_at, device_id, person_key, kind, service_id, host, account_type, data) from stdin`.writable();
    const chunks: string[] = [];
    for (let i = 0; i < rows.length; i += 2000) chunks.push(`${rows.slice(i, i + 2000).join('\n')}\n`);
    await pipeline(Readable.from(chunks), stream);
    const copySeconds = (performance.now() - copyStart) / 1000;
    const copyRate = total / copySeconds;
    await sql.end();
    await database.close();
    const results: BenchResult[] = [
      {
        suite: 'ingest',
        name: `HTTP ingest, PostgreSQL, batches of ${BATCH}${SERVERS > 1 ? `, ${SERVERS} backend processes` : ''}`,
        value: Math.round(httpRate),
        unit: 'events/s',
        target: 20_000,
        direction: 'min',
        note: `${accepted} events in ${seconds.toFixed(1)} s, ${CONCURRENCY} concurrent clients, ${DEVICES} devices, ${SERVERS} backend process(es); validation, dedupe, rollups included`,
      },
      { suite: 'ingest', name: 'raw COPY of the same rows', value: Math.round(copyRate), unit: 'rows/s' },
      {
        suite: 'ingest',
        name: 'HTTP ingest / raw COPY',
        value: Math.round((httpRate / copyRate) * 100) / 100,
        unit: 'ratio',
        target: 0.5,
        direction: 'min',
      },
      {
        suite: 'ingest',
        name: `p99 latency of a ${BATCH}-event batch under load`,
        value: Math.round(percentile(latencies, 99) * 10) / 10,
        unit: 'ms',
        note: `p50 ${percentile(latencies, 50).toFixed(1)} ms`,
      },
    ];
    return results;
  } finally {
    for (const server of servers) server.kill('SIGTERM');
    await Promise.all(servers.map((server) => once(server, 'exit').catch(() => {})));
    cluster.stop();
  }
};

export default bench;
