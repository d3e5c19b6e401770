import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random bearer token (256 bits), optionally with a readable prefix such as `slenr_`. */
export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** How tokens are stored: SHA-256 hex. Tokens carry 256 bits, so no salt or slow hash is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
