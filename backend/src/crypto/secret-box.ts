import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** Seals and opens secrets with AES-256-GCM. The sealed form names the key, so keys can rotate (envelope-ready). */
export interface SecretBox {
  /** Id of the key this box seals with (first 16 hex chars of its SHA-256). */
  keyId: string;
  seal(plaintext: string | Uint8Array, associatedData?: string): string;
  open(sealed: string, associatedData?: string): Buffer;
  openText(sealed: string, associatedData?: string): string;
}

/** Thrown when a sealed value cannot be opened: wrong key, tampered ciphertext or wrong associated data. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** Builds a box from a 32-byte key. Programmer errors (wrong key size) throw at construction. */
export function createSecretBox(key: Uint8Array): SecretBox {
  if (key.length !== 32) throw new Error(`secret key must be 32 bytes, got ${key.length}`);
  const keyBuf = Buffer.from(key);
  const keyId = createHash('sha256').update(keyBuf).digest('hex').slice(0, 16);
  const open = (sealed: string, associatedData = ''): Buffer => {
    const [version, id, payload] = sealed.split(':');
    if (version !== VERSION || !payload) throw new SecretBoxError('not a sealed value');
    if (id !== keyId) throw new SecretBoxError(`sealed with key ${id}, this server has key ${keyId}`);
    const raw = Buffer.from(payload, 'base64url');
    if (raw.length < 28) throw new SecretBoxError('sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', keyBuf, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(raw.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    } catch {
      throw new SecretBoxError('sealed value failed authentication (tampered, or wrong associated data)');
    }
  };
  return {
    keyId,
    seal(plaintext, associatedData = '') {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyBuf, iv);
      cipher.setAAD(Buffer.from(associatedData));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return `${VERSION}:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open,
    openText: (sealed, associatedData) => open(sealed, associatedData).toString('utf8'),
  };
}
