import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { hashToken, newToken } from '../crypto/tokens.ts';
import type { Db } from '../db/client.ts';
import { oneTimeTokens } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { countUsers, createUser, type NewUser, type PublicUser } from '../users/users.ts';

const PURPOSE = 'owner-setup';
const SETUP_LOCK_KEY = 0x534c5345545550;

/** When nobody has an account yet, issues a fresh one-time owner set-up token (24 h); otherwise null. */
export async function issueSetupToken(db: Db, clock: Clock): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const token = newToken('slsetup_');
  const now = clock();
  await db.transaction(async (tx) => {
    await tx.delete(oneTimeTokens).where(and(eq(oneTimeTokens.purpose, PURPOSE), isNull(oneTimeTokens.usedAt)));
    await tx.insert(oneTimeTokens).values({
      tokenHash: hashToken(token),
      purpose: PURPOSE,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 24 * 3600_000),
    });
  });
  return token;
}

/** Creates the first owner with a set-up token. Works once: 409 when an account exists, 401 for a bad token. */
export async function completeOwnerSetup(
  db: Db,
  clock: Clock,
  token: string,
  owner: Omit<NewUser, 'role'>,
): Promise<PublicUser> {
  return db.transaction(async (txAny) => {
    const tx = txAny as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if ((await countUsers(tx)) > 0)
      throw new ApiError(409, 'already_set_up', 'Sightline already has an owner; sign in instead.');
    const [row] = await tx
      .select()
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.tokenHash, hashToken(token)), eq(oneTimeTokens.purpose, PURPOSE)));
    if (!row || row.usedAt || row.expiresAt <= clock()) {
      throw new ApiError(
        401,
        'invalid_setup_token',
        'The set-up token is wrong or expired; restart the server to print a new one.',
      );
    }
    await tx.update(oneTimeTokens).set({ usedAt: clock() }).where(eq(oneTimeTokens.tokenHash, row.tokenHash));
    return createUser(tx, clock, { ...owner, role: 'owner' });
  });
}
