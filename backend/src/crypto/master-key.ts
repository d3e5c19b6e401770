import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface MasterKey {
  key: Buffer;
  /** Where it came from, for the start-up message. */
  origin: 'environment' | 'generated' | 'file';
  path?: string;
}

/**
 * The key that seals secrets at rest. From SIGHTLINE_SECRET_KEY when set. In embedded mode without it,
 * a key file beside the data (mode 0600) is read, or generated on first run. PostgreSQL mode requires the variable:
 * replicas must share the key and a key on one replica's disk is not a deployment.
 */
export function loadMasterKey(options: { envKey?: string; dataDir: string; embedded: boolean }): MasterKey {
  if (options.envKey) return { key: Buffer.from(options.envKey, 'base64'), origin: 'environment' };
  if (!options.embedded) {
    throw new Error(
      'SIGHTLINE_SECRET_KEY is required with DATABASE_URL: set it to 32 random bytes, base64 (openssl rand -base64 32), the same on every replica.',
    );
  }
  const path = join(options.dataDir, 'secret.key');
  if (existsSync(path)) {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077) chmodSync(path, 0o600);
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte base64 key`);
    return { key, origin: 'file', path };
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, origin: 'generated', path };
}
