import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/** Password rules: long rather than complex (NIST SP 800-63B). */
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(256, 'at most 256 characters');

// argon2id with OWASP's minimum memory-hard parameters (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Checks a password; a malformed stored hash counts as a mismatch. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown e-mails are not told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-for-timing');
  await verifyPassword(await dummy, password);
}
