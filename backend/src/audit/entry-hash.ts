import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash that precedes the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers (everything but `seq` and `hash`). */
export interface HashedEntry {
  id: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  details: Record<string, unknown>;
  requestId: string | null;
  prevHash: string;
}

/** RFC 8785 canonical JSON of a value; throws on values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no canonical JSON form');
  return text;
}

/** SHA-256 (hex) over the canonical JSON encoding of the entry's content and its predecessor's hash. */
export function entryHash(e: HashedEntry): string {
  const body = canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    outcome: e.outcome,
    details: e.details,
    requestId: e.requestId,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

/** The bytes a checkpoint signature covers. */
export function checkpointMessage(c: { seq: number; entryId: string; hash: string; at: Date }): Buffer {
  return Buffer.from(canonicalJson({ seq: c.seq, entryId: c.entryId, hash: c.hash, at: c.at.toISOString() }));
}
