import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { hashToken, newToken } from '../crypto/tokens.ts';
import type { Db } from '../db/client.ts';
import { enrollmentTokens } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

export const ENROLLMENT_TOKEN_PREFIX = 'slenr_';

export const newEnrollmentTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  maxUses: z.number().int().min(1).max(1_000_000).optional(),
});

export interface EnrollmentTokenView {
  id: string;
  name: string;
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  rotatedAt: string | null;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'exhausted' | 'revoked';
}

type Row = typeof enrollmentTokens.$inferSelect;

function statusOf(r: Row, now: Date): EnrollmentTokenView['status'] {
  if (r.revokedAt) return 'revoked';
  if (r.expiresAt && r.expiresAt <= now) return 'expired';
  if (r.maxUses !== null && r.uses >= r.maxUses) return 'exhausted';
  return 'active';
}

function view(r: Row, now: Date): EnrollmentTokenView {
  return {
    id: r.id,
    name: r.name,
    hint: r.hint,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    maxUses: r.maxUses,
    uses: r.uses,
    rotatedAt: r.rotatedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    status: statusOf(r, now),
  };
}

const fresh = () => {
  const token = newToken(ENROLLMENT_TOKEN_PREFIX);
  return { token, tokenHash: hashToken(token), hint: token.slice(0, ENROLLMENT_TOKEN_PREFIX.length + 4) };
};

/** Creates an enrolment token; the secret is returned once and stored hashed. */
export async function createEnrollmentToken(
  db: Db,
  clock: Clock,
  input: z.infer<typeof newEnrollmentTokenSchema>,
  createdBy: string | null,
) {
  const now = clock();
  if (input.expiresAt && new Date(input.expiresAt) <= now)
    throw new ApiError(400, 'invalid_request', 'expiresAt must be in the future.');
  const secret = fresh();
  const [row] = await db
    .insert(enrollmentTokens)
    .values({
      id: uuidv7(),
      name: input.name,
      tokenHash: secret.tokenHash,
      hint: secret.hint,
      createdBy,
      createdAt: now,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      maxUses: input.maxUses ?? null,
    })
    .returning();
  return { ...view(row!, now), token: secret.token };
}

export async function listEnrollmentTokens(db: Db, clock: Clock): Promise<EnrollmentTokenView[]> {
  const now = clock();
  return (await db.select().from(enrollmentTokens).orderBy(desc(enrollmentTokens.createdAt))).map((r) => view(r, now));
}

/** Replaces the secret of an active token (same limits and use count); the old secret stops working at once. */
export async function rotateEnrollmentToken(db: Db, clock: Clock, id: string) {
  const now = clock();
  const secret = fresh();
  const [row] = await db
    .update(enrollmentTokens)
    .set({ tokenHash: secret.tokenHash, hint: secret.hint, rotatedAt: now })
    .where(and(eq(enrollmentTokens.id, id), isNull(enrollmentTokens.revokedAt)))
    .returning();
  if (!row) throw new ApiError(404, 'not_found', `No active enrolment token with id ${id}.`);
  return { ...view(row, now), token: secret.token };
}

export async function revokeEnrollmentToken(db: Db, clock: Clock, id: string): Promise<EnrollmentTokenView> {
  const now = clock();
  const [row] = await db.select().from(enrollmentTokens).where(eq(enrollmentTokens.id, id));
  if (!row) throw new ApiError(404, 'not_found', `No enrolment token with id ${id}.`);
  if (row.revokedAt) return view(row, now);
  const [after] = await db
    .update(enrollmentTokens)
    .set({ revokedAt: now })
    .where(eq(enrollmentTokens.id, id))
    .returning();
  return view(after!, now);
}

/**
 * Spends one use of an enrolment token inside `tx`, atomically with the limits: answers the token id,
 * or throws 401 with a reason the extension can show (unknown, revoked, expired, used up).
 */
export async function consumeEnrollmentToken(tx: Db, clock: Clock, token: string): Promise<string> {
  const now = clock();
  const [spent] = await tx
    .update(enrollmentTokens)
    .set({ uses: sql`${enrollmentTokens.uses} + 1` })
    .where(
      and(
        eq(enrollmentTokens.tokenHash, hashToken(token)),
        isNull(enrollmentTokens.revokedAt),
        sql`(${enrollmentTokens.expiresAt} is null or ${enrollmentTokens.expiresAt} > ${now.toISOString()}::timestamptz)`,
        sql`(${enrollmentTokens.maxUses} is null or ${enrollmentTokens.uses} < ${enrollmentTokens.maxUses})`,
      ),
    )
    .returning({ id: enrollmentTokens.id });
  if (spent) return spent.id;
  const [row] = await tx
    .select()
    .from(enrollmentTokens)
    .where(eq(enrollmentTokens.tokenHash, hashToken(token)));
  const reason = !row ? 'unknown' : statusOf(row, now);
  throw new ApiError(
    401,
    'invalid_enrollment_token',
    `The enrolment token is not valid (${reason}). Ask IT for a current one.`,
  );
}
