import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../backend/src/db/rows.ts';
import { bundleSchema } from '../../backend/src/protocol/extension.ts';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { asDevice, enrolDevice } from '../support/events.ts';

const facts = {
  browser: 'edge',
  browserVersion: '131.0.2903',
  extensionVersion: '0.1.0',
  os: 'windows',
  userEmail: 'Eve@Corp.example',
};

describe.each(databaseKinds)('enrolment and bundle on %s', (kind) => {
  describe.skipIf(postgresMissing(kind))('', () => {
    let t: TestApp;
    let admin: Caller;
    beforeEach(async () => {
      t = await buildTestApp(kind);
      admin = await t.signIn('admin');
    });
    afterEach(() => t.close());

    const createToken = async (body: Record<string, unknown>) => {
      const res = await t.request('POST', '/api/v1/enrollment-tokens', { caller: admin, body });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; token: string; hint: string; status: string };
    };
    const enroll = (token: string, extra: Record<string, unknown> = {}) =>
      t.request('POST', '/api/v1/enroll', { body: { enrollmentToken: token, device: facts, ...extra } });

    it('enrols, stores tokens hashed, lists, revokes (next request refused) and re-enrols as the same device', async () => {
      const created = await createToken({ name: 'laptops' });
      expect(created.token).toMatch(/^slenr_/);
      expect(created.hint).toBe(created.token.slice(0, 10));
      const res = await enroll(created.token);
      expect(res.status).toBe(201);
      const device = (await res.json()) as { deviceId: string; deviceToken: string; organization: { name: string } };
      expect(device.deviceToken).toMatch(/^sldev_/);
      const stored = JSON.stringify(
        rowsOf(await t.database.db.execute(sql`select * from enrollment_tokens`)).concat(
          rowsOf(await t.database.db.execute(sql`select * from devices`)),
        ),
      );
      expect(stored).not.toContain(created.token);
      expect(stored).not.toContain(device.deviceToken);
      const call = asDevice(t, device.deviceToken);
      expect((await call('GET', '/api/v1/extension/bundle')).status).toBe(200);

      const list = (await (await t.request('GET', '/api/v1/devices', { caller: admin })).json()) as {
        devices: { id: string; userEmail: string; status: string }[];
      };
      expect(list.devices).toMatchObject([{ id: device.deviceId, userEmail: 'eve@corp.example', status: 'active' }]);

      expect((await t.request('POST', `/api/v1/devices/${device.deviceId}/revoke`, { caller: admin })).status).toBe(
        200,
      );
      const refused = await call('GET', '/api/v1/extension/bundle');
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: { code: 'device_revoked' } });
      expect((await call('POST', '/api/v1/ingest', { body: { events: [] } })).status).toBe(401);

      const again = await enroll(created.token, { previousDeviceId: device.deviceId });
      expect(again.status).toBe(201);
      const renewed = (await again.json()) as { deviceId: string; deviceToken: string };
      expect(renewed.deviceId).toBe(device.deviceId);
      expect((await asDevice(t, renewed.deviceToken)('GET', '/api/v1/extension/bundle')).status).toBe(200);
      expect((await call('GET', '/api/v1/extension/bundle')).status).toBe(401);

      const audit = (await (await t.request('GET', '/api/v1/audit', { caller: admin })).json()) as {
        entries: { action: string }[];
      };
      expect(audit.entries.map((e) => e.action)).toEqual(
        expect.arrayContaining(['enrollment_token.create', 'device.enroll', 'device.revoke', 'device.reenroll']),
      );
    });

    it('enforces use count, expiry, revocation and rotation of enrolment tokens', async () => {
      const once = await createToken({ name: 'one use', maxUses: 1 });
      expect((await enroll(once.token)).status).toBe(201);
      const second = await enroll(once.token);
      expect(second.status).toBe(401);
      expect(((await second.json()) as { error: { message: string } }).error.message).toContain('exhausted');

      const soon = await createToken({
        name: 'expiring',
        expiresAt: new Date(t.clock().getTime() + 30 * 60_000).toISOString(),
      });
      t.clock.advance(45 * 60_000); // past the token's expiry, within the admin's idle timeout
      expect(((await (await enroll(soon.token)).json()) as { error: { message: string } }).error.message).toContain(
        'expired',
      );

      const revoked = await createToken({ name: 'revoked' });
      expect(
        (await t.request('POST', `/api/v1/enrollment-tokens/${revoked.id}/revoke`, { caller: admin })).status,
      ).toBe(200);
      expect((await enroll(revoked.token)).status).toBe(401);

      const rotating = await createToken({ name: 'rotating' });
      const rotated = (await (
        await t.request('POST', `/api/v1/enrollment-tokens/${rotating.id}/rotate`, { caller: admin })
      ).json()) as { token: string };
      expect(rotated.token).not.toBe(rotating.token);
      expect((await enroll(rotating.token)).status).toBe(401);
      expect((await enroll(rotated.token)).status).toBe(201);

      const listed = (await (await t.request('GET', '/api/v1/enrollment-tokens', { caller: admin })).json()) as {
        tokens: Record<string, unknown>[];
      };
      expect(listed.tokens.map((x) => x.status).sort()).toEqual(['active', 'exhausted', 'expired', 'revoked']);
      expect(JSON.stringify(listed)).not.toContain(rotated.token);
      expect((await enroll('slenr_nonsense-nonsense-nonsense')).status).toBe(401);
    });

    it('serves a valid bundle with an ETag, answers 304, and changes version when settings change', async () => {
      const device = await enrolDevice(t, admin);
      const call = asDevice(t, device.deviceToken);
      const first = await call('GET', '/api/v1/extension/bundle');
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      const bundle = bundleSchema.parse(await first.json());
      expect(etag).toBe(`"${bundle.version}"`);
      expect(bundle.dlp.actions.secret.unsanctioned.personal).toBe('block');
      expect(bundle.catalog.version).toMatch(/^[0-9a-f]{16}$/);

      const same = await call('GET', '/api/v1/extension/bundle', { headers: { 'if-none-match': etag } });
      expect(same.status).toBe(304);
      const weak = await call('GET', '/api/v1/extension/bundle', {
        headers: { 'if-none-match': `"other", W/${etag}` },
      });
      expect(weak.status).toBe(304);

      const owner = await t.signIn('owner');
      const settings = await (await t.request('GET', '/api/v1/settings/organization', { caller: owner })).json();
      const put = await t.request('PUT', '/api/v1/settings/organization', {
        caller: owner,
        body: { ...(settings as object), name: 'Corp', emailDomains: ['Corp.Example'], mode: 'enforce' },
      });
      expect(put.status).toBe(200);
      const changed = await call('GET', '/api/v1/extension/bundle', { headers: { 'if-none-match': etag } });
      expect(changed.status).toBe(200);
      const next = bundleSchema.parse(await changed.json());
      expect(next.version).not.toBe(bundle.version);
      expect(next.organization).toEqual({ name: 'Corp', emailDomains: ['corp.example'] });
      expect(next.mode).toBe('enforce');
      expect(next.dlp.hashSalt).toBe(bundle.dlp.hashSalt);
    });

    it('refuses device routes without a device token, and sessions on them', async () => {
      const noToken = await t.request('GET', '/api/v1/extension/bundle');
      expect(noToken.status).toBe(401);
      const withSession = await t.request('GET', '/api/v1/extension/bundle', { caller: admin });
      expect(withSession.status).toBe(401);
      const forged = await t.request('GET', '/api/v1/extension/bundle', {
        headers: { authorization: 'Bearer sldev_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      });
      expect(forged.status).toBe(401);
    });
  });
});
