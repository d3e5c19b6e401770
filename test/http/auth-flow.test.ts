import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../backend/src/setup/owner-setup.ts';
import { createUser } from '../../backend/src/users/users.ts';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';

describe.each(databaseKinds)('sign-in, sessions and users on %s', (kind) => {
  describe.skipIf(postgresMissing(kind))('', () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(kind);
    });
    afterEach(() => t.close());

    it('signs in with an httpOnly SameSite=Strict cookie, answers the session, signs out', async () => {
      await createUser(t.database.db, t.clock, { email: 'Ann@Example.com', role: 'admin', password: TEST_PASSWORD });
      const res = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'ann@example.com', password: TEST_PASSWORD },
      });
      expect(res.status).toBe(200);
      const setCookie = res.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/^sightline_session=/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      const body = (await res.json()) as { user: { role: string }; csrfToken: string };
      expect(body.user.role).toBe('admin');
      const caller = { cookie: setCookie.split(';')[0]!, csrf: body.csrfToken, userId: '' };
      expect((await t.request('GET', '/api/v1/auth/session', { caller })).status).toBe(200);
      expect((await t.request('POST', '/api/v1/auth/logout', { caller })).status).toBe(204);
      expect((await t.request('GET', '/api/v1/auth/session', { caller })).status).toBe(401);
    });

    it('marks the cookie Secure behind https', async () => {
      const secure = await buildTestApp(kind, { SIGHTLINE_PUBLIC_URL: 'https://sightline.example.com' });
      try {
        await createUser(secure.database.db, secure.clock, {
          email: 'a@example.com',
          role: 'owner',
          password: TEST_PASSWORD,
        });
        const res = await secure.request('POST', '/api/v1/auth/login', {
          body: { email: 'a@example.com', password: TEST_PASSWORD },
          headers: { origin: 'https://sightline.example.com' },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('set-cookie')).toMatch(/^__Host-sightline_session=.*Secure/);
        expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      } finally {
        await secure.close();
      }
    });

    it('locks an account after repeated failures, even for the right password, then lets it in again', async () => {
      await createUser(t.database.db, t.clock, { email: 'bob@example.com', role: 'analyst', password: TEST_PASSWORD });
      for (let i = 0; i < 4; i++) {
        const res = await t.request('POST', '/api/v1/auth/login', {
          body: { email: 'bob@example.com', password: 'wrong password!' },
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
      }
      const fifth = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'bob@example.com', password: 'wrong password!' },
      });
      expect(fifth.status).toBe(423);
      expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);
      const right = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'bob@example.com', password: TEST_PASSWORD },
      });
      expect(right.status).toBe(423);
      t.clock.advance(16 * 60_000);
      const later = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'bob@example.com', password: TEST_PASSWORD },
      });
      expect(later.status).toBe(200);
    });

    it('throttles sign-in attempts per address with 429 and Retry-After', async () => {
      let last: Response | undefined;
      for (let i = 0; i < 21; i++) {
        last = await t.request('POST', '/api/v1/auth/login', {
          body: { email: `nobody${i}@example.com`, password: 'x' },
        });
      }
      expect(last!.status).toBe(429);
      expect(last!.headers.get('retry-after')).toBeTruthy();
      expect(await last!.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
    });

    it('expires sessions after the idle timeout and after the absolute lifetime', async () => {
      const caller = await t.signIn('auditor');
      t.clock.advance(59 * 60_000);
      expect((await t.request('GET', '/api/v1/auth/session', { caller })).status).toBe(200);
      t.clock.advance(61 * 60_000);
      expect((await t.request('GET', '/api/v1/auth/session', { caller })).status).toBe(401);
      const second = await t.signIn('auditor');
      // Active every 55 minutes, so never idle: valid until the 12-hour lifetime ends (13 × 55 min = 11.9 h).
      for (let i = 0; i < 13; i++) {
        t.clock.advance(55 * 60_000);
        expect((await t.request('GET', '/api/v1/auth/session', { caller: second })).status).toBe(200);
      }
      t.clock.advance(10 * 60_000);
      expect((await t.request('GET', '/api/v1/auth/session', { caller: second })).status).toBe(401);
    });

    it('owner manages users; disabling ends their sessions; the last owner cannot be removed', async () => {
      const owner = await t.signIn('owner');
      const created = await t.request('POST', '/api/v1/users', {
        caller: owner,
        body: { email: 'carol@example.com', role: 'analyst', password: TEST_PASSWORD, name: 'Carol' },
      });
      expect(created.status).toBe(201);
      const carol = (await created.json()) as { id: string; role: string };
      expect(carol).not.toHaveProperty('passwordHash');
      const dup = await t.request('POST', '/api/v1/users', {
        caller: owner,
        body: { email: 'CAROL@example.com', role: 'admin', password: TEST_PASSWORD },
      });
      expect(dup.status).toBe(409);
      const login = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'carol@example.com', password: TEST_PASSWORD },
      });
      const carolCookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const disable = await t.request('PATCH', `/api/v1/users/${carol.id}`, {
        caller: owner,
        body: { disabled: true },
      });
      expect(disable.status).toBe(200);
      expect(
        (await t.request('GET', '/api/v1/auth/session', { caller: { cookie: carolCookie, csrf: '', userId: '' } }))
          .status,
      ).toBe(401);
      const again = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'carol@example.com', password: TEST_PASSWORD },
      });
      expect(again.status).toBe(401);
      const self = await t.request('PATCH', `/api/v1/users/${owner.userId}`, {
        caller: owner,
        body: { role: 'admin' },
      });
      expect(self.status).toBe(409);
      const list = (await (await t.request('GET', '/api/v1/users', { caller: owner })).json()) as {
        users: { email: string; disabled: boolean }[];
      };
      expect(list.users.find((u) => u.email === 'carol@example.com')?.disabled).toBe(true);
      const audit = (await (await t.request('GET', '/api/v1/audit', { caller: owner })).json()) as {
        entries: { action: string; outcome: string }[];
      };
      const actions = audit.entries.map((e) => `${e.action}:${e.outcome}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          'user.create:success',
          'user.disable:success',
          'auth.login:failure',
          'auth.login:success',
        ]),
      );
    });

    it('changes a password: old one stops working, other sessions end', async () => {
      const a = await t.signIn('admin', 'dan@example.com');
      const b = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'dan@example.com', password: TEST_PASSWORD },
      });
      const other = { cookie: b.headers.get('set-cookie')!.split(';')[0]!, csrf: '', userId: '' };
      const wrong = await t.request('POST', '/api/v1/auth/password', {
        caller: a,
        body: { currentPassword: 'nope', newPassword: 'another long passphrase' },
      });
      expect(wrong.status).toBe(400);
      const ok = await t.request('POST', '/api/v1/auth/password', {
        caller: a,
        body: { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' },
      });
      expect(ok.status).toBe(204);
      expect((await t.request('GET', '/api/v1/auth/session', { caller: a })).status).toBe(200);
      expect((await t.request('GET', '/api/v1/auth/session', { caller: other })).status).toBe(401);
      const old = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'dan@example.com', password: TEST_PASSWORD },
      });
      expect(old.status).toBe(401);
    });

    it('first-run set-up creates the owner once with the one-time token', async () => {
      const token = (await issueSetupToken(t.database.db, t.clock))!;
      expect(token).toMatch(/^slsetup_/);
      const bad = await t.request('POST', '/api/v1/setup', {
        body: { token: 'slsetup_wrongwrongwrong', email: 'o@example.com', password: TEST_PASSWORD },
      });
      expect(bad.status).toBe(401);
      const ok = await t.request('POST', '/api/v1/setup', {
        body: { token, email: 'o@example.com', password: TEST_PASSWORD },
      });
      expect(ok.status).toBe(201);
      const twice = await t.request('POST', '/api/v1/setup', {
        body: { token, email: 'p@example.com', password: TEST_PASSWORD },
      });
      expect(twice.status).toBe(409);
      expect(await issueSetupToken(t.database.db, t.clock)).toBeNull();
      const login = await t.request('POST', '/api/v1/auth/login', {
        body: { email: 'o@example.com', password: TEST_PASSWORD },
      });
      expect(((await login.json()) as { user: { role: string } }).user.role).toBe('owner');
    });
  });
});
