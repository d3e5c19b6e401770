import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { hashPassword, passwordSchema } from '../auth/passwords.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { type Role, roles, users } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

export const emailSchema = z
  .email('a valid e-mail address')
  .max(254)
  .transform((v) => v.toLowerCase());

export const newUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().max(120).default(''),
  role: z.enum(roles),
  password: passwordSchema,
});
export type NewUser = z.input<typeof newUserSchema>;

/** A user as the API shows it: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export function toPublicUser(u: typeof users.$inferSelect): PublicUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

/** Creates a local user; 409 when the e-mail is taken. */
export async function createUser(db: Db, clock: Clock, input: NewUser): Promise<PublicUser> {
  const data = newUserSchema.parse(input);
  const now = clock();
  const [row] = await db
    .insert(users)
    .values({
      id: uuidv7(),
      email: data.email,
      name: data.name,
      role: data.role,
      passwordHash: await hashPassword(data.password),
      passwordChangedAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!row) throw new ApiError(409, 'email_taken', `A user with e-mail ${data.email} already exists.`);
  return toPublicUser(row);
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  return (await db.select().from(users).orderBy(asc(users.createdAt))).map(toPublicUser);
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0);
}

export const userPatchSchema = z
  .strictObject({
    name: z.string().trim().max(120).optional(),
    role: z.enum(roles).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');
export type UserPatch = z.infer<typeof userPatchSchema>;

/** Changes name, role or disabled state. Refuses to leave the organisation without an active owner. */
export async function updateUser(
  db: Db,
  clock: Clock,
  id: string,
  patch: UserPatch,
): Promise<{ before: PublicUser; after: PublicUser }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw new ApiError(404, 'not_found', `No user with id ${id}.`);
    const losesOwner =
      before.role === 'owner' &&
      before.disabledAt === null &&
      ((patch.role && patch.role !== 'owner') || patch.disabled === true);
    if (losesOwner) {
      const [other] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'owner'), isNull(users.disabledAt), ne(users.id, id)))
        .limit(1);
      if (!other)
        throw new ApiError(409, 'last_owner', 'This is the last active owner; make someone else owner first.');
    }
    const [after] = await tx
      .update(users)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.disabled !== undefined ? { disabledAt: patch.disabled ? (before.disabledAt ?? clock()) : null } : {}),
      })
      .where(eq(users.id, id))
      .returning();
    return { before: toPublicUser(before), after: toPublicUser(after!) };
  });
}
