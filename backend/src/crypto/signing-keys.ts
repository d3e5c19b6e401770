import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { signingKeys } from '../db/schema.ts';
import type { SecretBox } from './secret-box.ts';

export interface Signer {
  keyId: string;
  sign(message: Uint8Array): string;
}

/** Verifies Ed25519 signatures (base64) against the stored public keys. */
export interface SignatureVerifier {
  verify(keyId: string, message: Uint8Array, signature: string): 'valid' | 'invalid' | 'unknown-key';
}

/**
 * Returns the active Ed25519 signer for `purpose`, creating and storing the key (private half sealed) on first use.
 * Two processes starting at once may both create a key; the oldest active one wins and both stay verifiable.
 */
export async function loadSigner(db: Db, box: SecretBox, clock: Clock, purpose = 'audit'): Promise<Signer> {
  const active = () =>
    db
      .select()
      .from(signingKeys)
      .where(and(eq(signingKeys.purpose, purpose), isNull(signingKeys.retiredAt)))
      .orderBy(asc(signingKeys.createdAt), asc(signingKeys.id))
      .limit(1);
  let [row] = await active();
  if (!row) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const id = `${purpose}-${uuidv7()}`;
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await db.insert(signingKeys).values({
      id,
      purpose,
      publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      privateKeySealed: box.seal(pem, `signing-key:${id}`),
      createdAt: clock(),
    });
    [row] = await active();
  }
  if (!row) throw new Error('signing key vanished right after creation');
  const privateKey: KeyObject = createPrivateKey(box.openText(row.privateKeySealed, `signing-key:${row.id}`));
  const keyId = row.id;
  return { keyId, sign: (message) => sign(null, message, privateKey).toString('base64') };
}

/** Loads every public key of `purpose` (active and retired) for verification. */
export async function loadVerifier(db: Db, purpose = 'audit'): Promise<SignatureVerifier> {
  const rows = await db.select().from(signingKeys).where(eq(signingKeys.purpose, purpose));
  const keys = new Map(rows.map((r) => [r.id, createPublicKey(r.publicKey)]));
  return {
    verify(keyId, message, signature) {
      const key = keys.get(keyId);
      if (!key) return 'unknown-key';
      return verify(null, message, key, Buffer.from(signature, 'base64')) ? 'valid' : 'invalid';
    },
  };
}
