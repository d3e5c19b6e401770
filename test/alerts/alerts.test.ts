import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverPendingAlerts, MAX_ATTEMPTS } from '../../backend/src/alerts/webhook.ts';
import { rowsOf } from '../../backend/src/db/rows.ts';
import { alerts, settings } from '../../backend/src/db/schema.ts';
import { seedAlert } from '../findings/seed.ts';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { startWebhookServer } from './webhook-server.ts';

const SECRET = 'a-shared-secret-of-some-length';

describe.each(databaseKinds)('alerts on %s', (kind) => {
  describe.skipIf(postgresMissing(kind))('', () => {
    let t: TestApp;
    let admin: Caller;
    let server: Awaited<ReturnType<typeof startWebhookServer>> | undefined;
    beforeEach(async () => {
      t = await buildTestApp(kind);
      admin = await t.signIn('admin');
    });
    afterEach(async () => {
      await server?.close();
      server = undefined;
      await t.close();
    });

    // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in assertions
    const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });
    const configure = async (body: Record<string, unknown>) =>
      json(await t.request('PUT', '/api/v1/settings/webhook', { caller: admin, body }));
    const delivery = async (id: string) => {
      const [row] = await t.database.db.select().from(alerts).where(eq(alerts.id, id));
      return { delivery: row!.delivery, attempts: row!.deliveryAttempts };
    };

    it('lists with filters and a cursor; acknowledging is audit-logged and idempotent', async () => {
      const db = t.database.db;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(
          await seedAlert(db, new Date(t.clock().getTime() - i * 1000), { severity: i % 2 ? 'medium' : 'high' }),
        );
      }
      const analyst = await t.signIn('analyst');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/api/v1/alerts?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await json(await t.request('GET', path, { caller: analyst }));
        seen.push(...page.body.alerts.map((a: { id: string }) => a.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);
      const high = await json(await t.request('GET', '/api/v1/alerts?severity=high', { caller: analyst }));
      expect(high.body.alerts).toHaveLength(3);

      const ack = await json(
        await t.request('POST', `/api/v1/alerts/${ids[0]}/acknowledge`, { caller: analyst, body: { note: 'on it' } }),
      );
      expect(ack.body).toMatchObject({
        changed: true,
        alert: { status: 'acknowledged', acknowledgedBy: analyst.userId },
      });
      const again = await json(await t.request('POST', `/api/v1/alerts/${ids[0]}/acknowledge`, { caller: analyst }));
      expect(again).toMatchObject({ status: 200, body: { changed: false } });
      const entries = rowsOf<{ action: string; details: { note: string } }>(
        await db.execute(sql`select action, details from audit_log where action = 'alert.acknowledge'`),
      );
      expect(entries).toEqual([{ action: 'alert.acknowledge', details: expect.objectContaining({ note: 'on it' }) }]);
      const open = await json(await t.request('GET', '/api/v1/alerts?status=open', { caller: analyst }));
      expect(open.body.alerts).toHaveLength(4);
      const admins = await json(await t.request('POST', `/api/v1/alerts/${ids[1]}/acknowledge`, { caller: admin }));
      expect(admins.status).toBe(403);
    });

    it('refuses private and plain-http targets by default; seals the secret and shows only a hint', async () => {
      const none = await json(await t.request('GET', '/api/v1/settings/webhook', { caller: admin }));
      expect(none.body).toMatchObject({ configured: false, url: null, secretHint: null });
      const loopback = await configure({ url: 'https://127.0.0.1:8443/hook', secret: SECRET });
      expect(loopback).toMatchObject({ status: 400, body: { error: { code: 'webhook_target_refused' } } });
      const plain = await configure({ url: 'http://203.0.113.7/hook', secret: SECRET });
      expect(plain.body.error.message).toMatch(/https/);
      const noSecret = await configure({ url: 'http://127.0.0.1:1/hook', allowPrivate: true });
      expect(noSecret).toMatchObject({ status: 400, body: { error: { code: 'secret_required' } } });
      const ok = await configure({ url: 'http://127.0.0.1:1/hook', allowPrivate: true, secret: SECRET });
      expect(ok).toMatchObject({ status: 200, body: { configured: true, secretHint: '…ngth', allowPrivate: true } });
      expect(JSON.stringify(ok.body)).not.toContain(SECRET);
      const [row] = await t.database.db.select().from(settings).where(eq(settings.key, 'alerts.webhook'));
      expect(JSON.stringify(row!.value)).not.toContain(SECRET);
      const keep = await configure({ url: 'http://127.0.0.1:2/hook', allowPrivate: true });
      expect(keep.body).toMatchObject({ url: 'http://127.0.0.1:2/hook', secretHint: '…ngth' });
      const audit = rowsOf<{ details: unknown }>(
        await t.database.db.execute(sql`select details from audit_log where action = 'settings.webhook.update'`),
      );
      expect(audit).toHaveLength(2);
      expect(JSON.stringify(audit)).not.toContain(SECRET);
    });

    it('delivers high and critical alerts signed; skips the rest', async () => {
      server = await startWebhookServer(SECRET);
      await configure({ url: server.url, allowPrivate: true, secret: SECRET });
      const critical = await seedAlert(t.database.db, t.clock(), { severity: 'critical' });
      const high = await seedAlert(t.database.db, t.clock(), { severity: 'high' });
      const medium = await seedAlert(t.database.db, t.clock(), { severity: 'medium' });
      const result = await deliverPendingAlerts(t.deps, { retryDelaysMs: [1, 1] });
      expect(result).toMatchObject({ delivered: 2, failed: 0, skipped: 1 });
      expect(server.received).toHaveLength(2);
      for (const r of server.received) {
        expect(r.signatureValid).toBe(true);
        expect(r.headers['x-sightline-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
        expect(r.headers['x-sightline-timestamp']).toBe(String(Math.floor(t.clock().getTime() / 1000)));
      }
      expect(JSON.parse(server.received[0]!.body)).toMatchObject({
        type: 'alert',
        id: critical,
        severity: 'critical',
        attempt: 1,
      });
      expect(await delivery(critical)).toEqual({ delivery: 'delivered', attempts: 1 });
      expect(await delivery(high)).toEqual({ delivery: 'delivered', attempts: 1 });
      expect(await delivery(medium)).toEqual({ delivery: 'skipped', attempts: 0 });
      expect(await deliverPendingAlerts(t.deps, { retryDelaysMs: [1, 1] })).toMatchObject({ delivered: 0 });
      expect(server.received).toHaveLength(2);
    });

    it('retries with backoff, counts attempts, and marks failed after the last one', async () => {
      server = await startWebhookServer(SECRET, [500, 503, 200]);
      await configure({ url: server.url, allowPrivate: true, secret: SECRET });
      const first = await seedAlert(t.database.db, t.clock(), { severity: 'critical' });
      expect(await deliverPendingAlerts(t.deps, { retryDelaysMs: [1, 1] })).toMatchObject({ delivered: 1 });
      expect(await delivery(first)).toEqual({ delivery: 'delivered', attempts: 3 });
      await server.close();

      server = await startWebhookServer(SECRET, [500]);
      await configure({ url: server.url, allowPrivate: true });
      const doomed = await seedAlert(t.database.db, t.clock(), { severity: 'high' });
      const behind = await seedAlert(t.database.db, new Date(t.clock().getTime() + 1000), { severity: 'high' });
      expect(await deliverPendingAlerts(t.deps, { retryDelaysMs: [1, 1] })).toMatchObject({ retrying: 1, failed: 0 });
      expect(await delivery(doomed)).toEqual({ delivery: 'pending', attempts: 3 });
      expect(await delivery(behind)).toEqual({ delivery: 'pending', attempts: 0 });
      expect(await deliverPendingAlerts(t.deps, { retryDelaysMs: [1, 1] })).toMatchObject({ failed: 1 });
      expect(await delivery(doomed)).toEqual({ delivery: 'failed', attempts: MAX_ATTEMPTS });
      expect(server.received.every((r) => r.signatureValid)).toBe(true);
    });

    it('marks pending alerts skipped when no webhook is configured', async () => {
      const id = await seedAlert(t.database.db, t.clock(), { severity: 'critical' });
      expect(await deliverPendingAlerts(t.deps)).toMatchObject({ delivered: 0, failed: 0, skipped: 1 });
      expect(await delivery(id)).toEqual({ delivery: 'skipped', attempts: 0 });
    });
  });
});
