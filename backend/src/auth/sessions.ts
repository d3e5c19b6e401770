import { and, eq, lt, or } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { hashToken, newToken } from '../crypto/tokens.ts';
import type { Db } from '../db/client.ts';
import { type Role, sessions, users } from '../db/schema.ts';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ActiveSession {
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

export interface SessionStore {
  /** Starts a session; returns the cookie token (shown once) and the CSRF token. */
  create(
    userId: string,
    meta: { ip?: string | null; userAgent?: string | null },
  ): Promise<{ token: string; csrfToken: string; expiresAt: Date }>;
  /** The live session for a cookie token, refreshing its idle timer; null when unknown, expired, idle or the user is disabled. */
  lookup(token: string): Promise<ActiveSession | null>;
  revoke(token: string): Promise<void>;
  revokeAllForUser(userId: string, exceptTokenHash?: string): Promise<void>;
  /** Deletes expired sessions; returns how many. */
  sweep(): Promise<number>;
}

/** Server-side sessions with an absolute lifetime and an idle timeout. */
export function createSessionStore(db: Db, clock: Clock, opts: { ttlMs: number; idleMs: number }): SessionStore {
  return {
    async create(userId, meta) {
      const token = newToken();
      const csrfToken = newToken();
      const now = clock();
      const expiresAt = new Date(now.getTime() + opts.ttlMs);
      await db.insert(sessions).values({
        tokenHash: hashToken(token),
        userId,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
      return { token, csrfToken, expiresAt };
    },
    async lookup(token) {
      const tokenHash = hashToken(token);
      const [row] = await db
        .select({ s: sessions, u: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash))
        .limit(1);
      if (!row) return null;
      const now = clock();
      const idle = now.getTime() - row.s.lastSeenAt.getTime() > opts.idleMs;
      if (row.s.expiresAt <= now || idle || row.u.disabledAt) {
        await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
        return null;
      }
      // Refresh the idle timer at most once a minute, to keep reads cheap.
      if (now.getTime() - row.s.lastSeenAt.getTime() > 60_000) {
        await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
      }
      return {
        tokenHash,
        csrfToken: row.s.csrfToken,
        expiresAt: row.s.expiresAt,
        user: { id: row.u.id, email: row.u.email, name: row.u.name, role: row.u.role },
      };
    },
    async revoke(token) {
      await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
    },
    async revokeAllForUser(userId, exceptTokenHash) {
      const rows = await db.select({ h: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, userId));
      for (const { h } of rows) if (h !== exceptTokenHash) await db.delete(sessions).where(eq(sessions.tokenHash, h));
    },
    async sweep() {
      const now = clock();
      const idleBefore = new Date(now.getTime() - opts.idleMs);
      const gone = await db
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, now), and(lt(sessions.lastSeenAt, idleBefore))))
        .returning({ h: sessions.tokenHash });
      return gone.length;
    },
  };
}
