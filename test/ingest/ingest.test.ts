import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../backend/src/db/rows.ts';
import type { DeviceEvent, IngestResponse } from '../../backend/src/protocol/extension.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { asDevice, enrolDevice, makeEvent } from '../support/events.ts';

describe.each(databaseKinds)('ingest on %s', (kind) => {
  describe.skipIf(postgresMissing(kind))('', () => {
    let t: TestApp;
    let send: ReturnType<typeof asDevice>;
    let deviceId: string;
    beforeEach(async () => {
      t = await buildTestApp(kind, { SIGHTLINE_INGEST_BATCHES_PER_MINUTE: '5' });
      const admin = await t.signIn('admin');
      const device = await enrolDevice(t, admin, { userEmail: 'ann@corp.example' });
      send = asDevice(t, device.deviceToken);
      deviceId = device.deviceId;
    });
    afterEach(() => t.close());

    const post = async (events: unknown[], headers: Record<string, string> = {}) => {
      const res = await send('POST', '/api/v1/ingest', { body: { events }, headers });
      return { status: res.status, body: (await res.json()) as IngestResponse & { error?: { code: string } } };
    };

    it('answers each event of a mixed batch: accepted, duplicate, rejected with a reason', async () => {
      const now = t.clock();
      const good = [makeEvent('visit', now), makeEvent('surface', now), makeEvent('dlp', now)];
      const bad = { ...makeEvent('interaction', now), action: 'teleport' };
      const future = makeEvent('visit', new Date(now.getTime() + 3600_000));
      const old = makeEvent('visit', new Date(now.getTime() - 40 * 86400_000));
      const first = await post([...good, bad, future, old, good[0], 'not an event']);
      expect(first.status).toBe(200);
      expect(first.body.results.map((r) => r.status)).toEqual([
        'accepted',
        'accepted',
        'accepted',
        'rejected',
        'rejected',
        'rejected',
        'duplicate',
        'rejected',
      ]);
      expect(first.body.results[3]).toMatchObject({ id: bad.id, reason: expect.stringContaining('action') });
      expect(first.body.results[4]!.reason).toMatch(/clock_skew/);
      expect(first.body.results[5]!.reason).toMatch(/too_old/);
      expect(first.body.results[7]).toMatchObject({ id: null, status: 'rejected' });
      expect(first.body).toMatchObject({ accepted: 3, duplicates: 1, rejected: 4 });

      const retry = await post(good);
      expect(retry.body).toMatchObject({ accepted: 0, duplicates: 3, rejected: 0 });
      const stored = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from events`));
      expect(stored[0]!.n).toBe(3);
      const row = rowsOf<{ device_id: string; person_key: string; data: Record<string, unknown> }>(
        await t.database.db.execute(sql`select device_id, person_key, data from events where kind = 'dlp'`),
      )[0]!;
      expect(row).toMatchObject({
        device_id: deviceId,
        person_key: 'ann@corp.example',
        data: { action: 'block', trigger: 'paste' },
      });
    });

    it('accepts gzip bodies and refuses oversized, malformed and over-long batches with 4xx', async () => {
      const events = [makeEvent('visit', t.clock()), makeEvent('interaction', t.clock())];
      const zipped = await send('POST', '/api/v1/ingest', {
        body: gzipSync(JSON.stringify({ events })),
        headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' },
      });
      expect(zipped.status).toBe(200);
      expect(await zipped.json()).toMatchObject({ accepted: 2 });

      const bomb = gzipSync(Buffer.from(`{"events":["${'a'.repeat(3 * 1024 * 1024)}"]}`));
      const boom = await send('POST', '/api/v1/ingest', {
        body: bomb,
        headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' },
      });
      expect(boom.status).toBe(413);

      const malformed = await send('POST', '/api/v1/ingest', { body: '{"events": [' });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: { code: 'malformed_json' } });

      const tooMany = await post(Array.from({ length: 1001 }, () => makeEvent('visit', t.clock())));
      expect(tooMany.status).toBe(413);
      expect(tooMany.body.error?.code).toBe('too_many_events');

      const wrongShape = await send('POST', '/api/v1/ingest', { body: { items: [] } });
      expect(wrongShape.status).toBe(400);
    });

    it('limits batches per device with 429 and Retry-After', async () => {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 6; i++) {
        const res = await send('POST', '/api/v1/ingest', { body: { events: [makeEvent('visit', t.clock())] } });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      t.clock.advance(2 * 60_000);
      expect((await send('POST', '/api/v1/ingest', { body: { events: [makeEvent('visit', t.clock())] } })).status).toBe(
        200,
      );
    });

    it('stores an event once when two clients send it at the same time', async () => {
      const events = Array.from({ length: 200 }, (_, i) => makeEvent(i % 2 ? 'visit' : 'interaction', t.clock()));
      const [a, b] = await Promise.all([post(events), post(events)]);
      expect(a.body.accepted + b.body.accepted).toBe(200);
      expect(a.body.duplicates + b.body.duplicates).toBe(200);
      const usage = rowsOf<{ visits: number; prompts: number }>(
        await t.database.db.execute(sql`select visits, prompts from daily_usage`),
      );
      expect(usage).toEqual([{ visits: 100, prompts: 100 }]);
    });
  });
});

describe.each(databaseKinds)('rollups on %s', (kind) => {
  it.skipIf(postgresMissing(kind))('equal a recomputation from the raw events, across retries and days', async () => {
    const t = await buildTestApp(kind);
    try {
      const admin = await t.signIn('admin');
      const devices = await Promise.all([
        enrolDevice(t, admin, { userEmail: 'a@corp.example' }),
        enrolDevice(t, admin, { userEmail: 'b@corp.example' }),
        enrolDevice(t, admin),
      ]);
      const kinds: DeviceEvent['kind'][] = [
        'visit',
        'surface',
        'interaction',
        'dlp',
        'adapter_health',
        'queue_overflow',
      ];
      const hosts = [
        { host: 'chatgpt.com', serviceId: 'chatgpt' },
        { host: 'claude.ai', serviceId: 'claude' },
        { host: 'chat.unknown-ai.example', serviceId: null },
      ];
      let rand = 42;
      const next = (n: number) => {
        rand = (rand * 1103515245 + 12345) % 2 ** 31;
        return rand % n;
      };
      const start = t.clock().getTime();
      for (let batch = 0; batch < 12; batch++) {
        const device = devices[next(devices.length)]!;
        const events = Array.from({ length: 40 }, () => {
          const k = kinds[next(kinds.length)]!;
          const at = new Date(start - next(4) * 86400_000 - next(3600) * 1000);
          const overrides: Record<string, unknown> = k === 'queue_overflow' ? {} : { ...hosts[next(hosts.length)] };
          if (k === 'interaction') overrides.action = ['prompt', 'paste', 'upload', 'drop'][next(4)];
          if (k === 'interaction' || k === 'surface' || k === 'dlp')
            overrides.accountType = ['personal', 'corporate', 'unknown'][next(3)];
          if (k === 'dlp') {
            overrides.findings = [
              {
                detector: 'x',
                category: ['secret', 'pii', 'health'][next(3)],
                confidence: 'high',
                count: 1,
                hashes: [],
              },
            ];
            overrides.action = ['block', 'warn'][next(2)];
          }
          return makeEvent(k, at, overrides);
        });
        const send = asDevice(t, device.deviceToken);
        const res = await send('POST', '/api/v1/ingest', { body: { events } });
        expect(res.status).toBe(200);
        const answer = (await res.json()) as IngestResponse;
        expect(answer.results.filter((r) => r.status !== 'accepted')).toEqual([]);
        // A client retry of half the batch, as after a lost response.
        const retry = await send('POST', '/api/v1/ingest', { body: { events: events.slice(0, 20) } });
        expect(((await retry.json()) as IngestResponse).duplicates).toBe(20);
      }
      const recomputed = rowsOf(
        await t.database.db.execute(sql`
          select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day, coalesce(service_id, 'host:' || host) as service_key, person_key,
            count(*) filter (where kind = 'visit')::int as visits,
            count(*) filter (where kind = 'interaction' and data->>'action' = 'prompt')::int as prompts,
            count(*) filter (where kind = 'interaction' and data->>'action' in ('upload', 'drop'))::int as uploads,
            count(*) filter (where kind = 'dlp' and data->'findings' @> '[{"category":"secret"}]')::int as dlp_secret,
            count(*) filter (where kind = 'dlp' and data->>'action' = 'block')::int as dlp_blocked,
            bit_or(case account_type when 'personal' then 1 when 'corporate' then 2 when 'unknown' then 4 else 0 end) as account_types,
            count(*) filter (where kind = 'adapter_health')::int as adapter_problems
          from events where kind <> 'queue_overflow' group by 1, 2, 3 order by 1, 2, 3`),
      );
      const rollup = rowsOf(
        await t.database.db.execute(sql`
          select day, service_key, person_key, visits, prompts, uploads, dlp_secret, dlp_blocked, account_types, adapter_problems
          from daily_usage order by 1, 2, 3`),
      );
      expect(recomputed.length).toBeGreaterThan(10);
      expect(rollup).toEqual(recomputed);
      const persons = new Set(rollup.map((r) => (r as { person_key: string }).person_key));
      expect(persons).toEqual(new Set(['a@corp.example', 'b@corp.example', `device:${devices[2]!.deviceId}`]));
    } finally {
      await t.close();
    }
  });
});
