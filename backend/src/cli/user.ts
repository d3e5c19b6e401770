import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { roles } from '../auth/roles.ts';
import { users } from '../db/schema.ts';
import { readEnv } from '../env.ts';
import { ApiError } from '../http/errors.ts';
import { openRuntime } from '../runtime.ts';
import { createUser, listUsers, updateUser } from '../users/users.ts';
import { type CliIo, readAll, UsageError } from './io.ts';

export const userHelp = `Usage:
  sightline user create --email E --role owner|admin|analyst|auditor [--name N] [--password-stdin]
  sightline user list [--format text|jsonl]
  sightline user disable --email E

Without --password-stdin, create generates a strong password and prints it once.`;

const cliActor = () => ({ type: 'cli' as const, id: userInfo().username });

/** `sightline user ...`: manage admin accounts directly on the database (embedded: with the server stopped). */
export async function userCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string', default: '' },
      'password-stdin': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
    },
  });
  if (!sub || !['create', 'list', 'disable'].includes(sub))
    throw new UsageError(`unknown user command: ${sub ?? '(none)'}`);
  if (sub !== 'list' && !values.email) throw new UsageError('--email is required');
  if (sub === 'create' && !roles.includes(values.role as never))
    throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  const password =
    sub === 'create'
      ? values['password-stdin']
        ? (await readAll(io.stdin)).replace(/\r?\n$/, '')
        : randomBytes(18).toString('base64url')
      : '';
  const runtime = await openRuntime(readEnv(io.env), { who: `sightline user ${sub}`, logger: undefined });
  const { db } = runtime.deps.database;
  try {
    if (sub === 'list') {
      for (const u of await listUsers(db)) {
        io.stdout.write(
          values.format === 'jsonl'
            ? `${JSON.stringify(u)}\n`
            : `${u.email.padEnd(36)} ${u.role.padEnd(8)} ${u.disabled ? 'disabled' : 'active'}${u.lockedUntil ? ` locked until ${u.lockedUntil}` : ''}\n`,
        );
      }
      return 0;
    }
    if (sub === 'create') {
      const user = await createUser(db, runtime.deps.clock, {
        email: values.email!,
        name: values.name,
        role: values.role as never,
        password,
      });
      await runtime.deps.audit.append({
        actor: cliActor(),
        action: 'user.create',
        target: { type: 'user', id: user.id },
        outcome: 'success',
        details: { email: user.email, role: user.role },
      });
      io.stdout.write(`Created ${user.role} ${user.email} (${user.id}).\n`);
      if (!values['password-stdin']) io.stdout.write(`Password (shown once): ${password}\n`);
      return 0;
    }
    const [row] = await db.select().from(users).where(eq(users.email, values.email!.toLowerCase()));
    if (!row) {
      io.stderr.write(`No user with e-mail ${values.email}.\n`);
      return 2;
    }
    await updateUser(db, runtime.deps.clock, row.id, { disabled: true });
    await runtime.deps.sessions.revokeAllForUser(row.id);
    await runtime.deps.audit.append({
      actor: cliActor(),
      action: 'user.disable',
      target: { type: 'user', id: row.id },
      outcome: 'success',
    });
    io.stdout.write(`Disabled ${row.email}; their sessions are ended.\n`);
    return 0;
  } catch (err) {
    if (err instanceof ApiError) {
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof ZodError) {
      io.stderr.write(`${err.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('\n')}\n`);
      return 2;
    }
    throw err;
  } finally {
    await runtime.close();
  }
}
