import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';

export type LoginResult =
  | { ok: true; user: typeof users.$inferSelect }
  | { ok: false; reason: 'invalid' | 'disabled'; userId?: string }
  | { ok: false; reason: 'locked'; userId: string; lockedUntil: Date };

/**
 * Checks e-mail and password with account lockout: after `maxFailures` consecutive failures the account is
 * locked for `lockoutMs`, even for the right password. Unknown e-mails cost the same time as known ones.
 */
export async function attemptLogin(
  db: Db,
  clock: Clock,
  policy: { maxFailures: number; lockoutMs: number },
  email: string,
  password: string,
): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  if (!user) {
    await burnPasswordCheck(password);
    return { ok: false, reason: 'invalid' };
  }
  const now = clock();
  if (user.lockedUntil && user.lockedUntil > now) {
    await burnPasswordCheck(password);
    return { ok: false, reason: 'locked', userId: user.id, lockedUntil: user.lockedUntil };
  }
  const good = await verifyPassword(user.passwordHash, password);
  if (good && user.disabledAt) return { ok: false, reason: 'disabled', userId: user.id };
  if (good) {
    const [fresh] = await db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id))
      .returning();
    return { ok: true, user: fresh! };
  }
  const lockUntil = new Date(now.getTime() + policy.lockoutMs);
  const [after] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${policy.maxFailures} then ${lockUntil.toISOString()}::timestamptz else null end`,
    })
    .where(eq(users.id, user.id))
    .returning({ lockedUntil: users.lockedUntil, failedLogins: users.failedLogins });
  if (after?.lockedUntil) {
    // The failure that trips the lock resets the counter, so the next lock needs a fresh series.
    await db.update(users).set({ failedLogins: 0 }).where(eq(users.id, user.id));
    return { ok: false, reason: 'locked', userId: user.id, lockedUntil: after.lockedUntil };
  }
  return { ok: false, reason: 'invalid', userId: user.id };
}
