import { createRoute } from '@hono/zod-openapi';
import { deviceRoute } from '../auth/guard.ts';
import type { AppDeps } from '../deps.ts';
import { touchDevice } from '../enrolment/devices.ts';
import { ApiError, zodDetails } from '../http/errors.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { createRouter, errorResponses, jsonResponse } from '../http/router.ts';
import { ingestRequestSchema, ingestResponseSchema, MAX_BATCH_EVENTS } from '../protocol/extension.ts';
import { createPartitionKeeper, monthOf, monthsAround } from './partitions.ts';
import { readJsonBody } from './read-body.ts';
import { storeEvents } from './store-events.ts';
import { type EventResult, validateEvents } from './validate-events.ts';

const ingest = createRoute({
  method: 'post',
  path: '/ingest',
  tags: ['extension'],
  summary: 'Store a batch of device events (≤ 1,000 events, ≤ 1 MB, gzip accepted), idempotent by event id',
  description:
    'Body: `{ "events": [...] }` with events as in the `protocol` module (visit, surface, interaction, dlp, adapter_health, queue_overflow; UUIDv7 ids). Each event is validated on its own; the answer lists per event accepted, duplicate or rejected with a reason. Rejected events must not be retried.',
  middleware: [deviceRoute] as const,
  responses: { 200: jsonResponse('Per-event results', ingestResponseSchema), ...errorResponses(400, 401, 413, 429) },
});

/** The extension's event ingest endpoint. */
export function ingestRoutes(deps: AppDeps) {
  const app = createRouter();
  const { db } = deps.database;
  const limiter = createRateLimiter({
    limit: deps.env.SIGHTLINE_INGEST_BATCHES_PER_MINUTE,
    windowMs: 60_000,
    clock: deps.clock,
  });
  const ensurePartitions = createPartitionKeeper(db);

  app.openapi(ingest, async (c) => {
    const device = c.get('device');
    const hit = limiter.hit(device.id);
    if (!hit.ok) {
      throw new ApiError(429, 'rate_limited', 'This device sends too many batches; retry after the delay.', {
        headers: { 'Retry-After': String(hit.retryAfterSeconds) },
      });
    }
    const body = await readJsonBody(c);
    const envelope = ingestRequestSchema.safeParse(body);
    if (!envelope.success) {
      const tooMany =
        Array.isArray((body as { events?: unknown })?.events) &&
        (body as { events: unknown[] }).events.length > MAX_BATCH_EVENTS;
      if (tooMany)
        throw new ApiError(413, 'too_many_events', `A batch holds at most ${MAX_BATCH_EVENTS} events; split it.`);
      throw new ApiError(400, 'invalid_request', 'The body must be { "events": [ ... ] } with 1 to 1000 events.', {
        details: zodDetails(envelope.error),
      });
    }
    const now = deps.clock();
    const { valid, results } = validateEvents(envelope.data.events, now);
    await ensurePartitions(new Set([...monthsAround(now), ...valid.map((e) => monthOf(e.occurredAt))]));
    const inserted = await storeEvents(db, {
      deviceId: device.id,
      personKey: device.userEmail ?? `device:${device.id}`,
      receivedAt: now,
      events: valid,
    });
    let v = 0;
    const final: EventResult[] = results.map((r) => {
      if (r) return r;
      const e = valid[v++]!;
      return { id: e.id, status: inserted.has(e.id) ? 'accepted' : 'duplicate' };
    });
    const count = (s: EventResult['status']) => final.filter((r) => r.status === s).length;
    const accepted = count('accepted');
    if (accepted === 0) await touchDevice(db, deps.clock, device);
    return c.json({ accepted, duplicates: count('duplicate'), rejected: count('rejected'), results: final }, 200);
  });
  return app;
}
