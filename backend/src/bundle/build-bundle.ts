import { createHash } from 'node:crypto';
import { getCatalog } from '@sightline/fingerprints';
import { canonicalJson } from '../audit/entry-hash.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { serviceGovernance } from '../db/schema.ts';
import { type Bundle, PROTOCOL_VERSION, type ServiceStatus } from '../protocol/extension.ts';
import { getHashSalt, getOrganizationSettings } from '../settings/organization.ts';

/** The DLP part of the policy, compiled to plain data (see @sightline/policies). */
export type DlpPolicy = Pick<
  Bundle['dlp'],
  'minConfidence' | 'actions' | 'unscannableFiles' | 'maxFileBytes' | 'customDetectors'
>;

/** Where the current DLP policy comes from (the policy store, or the shipped default). */
export type DlpPolicySource = (db: Db) => Promise<DlpPolicy>;

export const REPORTING = { batchSize: 500, flushSeconds: 30, bundleRefreshMinutes: 15 } as const;

/**
 * Compiles everything the extension enforces into plain JSON. `version` is the SHA-256 (first 32 hex) of the
 * canonical encoding of the content, so the same inputs always give the same version and ETag.
 */
export async function buildBundle(db: Db, clock: Clock, dlpPolicy: DlpPolicySource): Promise<Bundle> {
  const [org, salt, governance, dlp] = await Promise.all([
    getOrganizationSettings(db),
    getHashSalt(db, clock),
    db.select({ serviceId: serviceGovernance.serviceId, status: serviceGovernance.status }).from(serviceGovernance),
    dlpPolicy(db),
  ]);
  const services: Record<string, ServiceStatus> = {};
  for (const g of governance.sort((a, b) => a.serviceId.localeCompare(b.serviceId))) services[g.serviceId] = g.status;
  const content = {
    protocol: PROTOCOL_VERSION,
    organization: { name: org.name, emailDomains: org.emailDomains },
    mode: org.mode,
    catalog: { version: getCatalog().version, additions: [] },
    services,
    defaultStatus: org.defaultStatus,
    dlp: { ...dlp, hashSalt: salt },
    privacy: org.privacy,
    notice: org.notice,
    reporting: { ...REPORTING },
  } satisfies Omit<Bundle, 'version' | 'generatedAt'>;
  const version = createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 32);
  return { ...content, version, generatedAt: clock().toISOString() };
}
