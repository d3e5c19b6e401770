import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { serviceStatuses, settings } from '../db/schema.ts';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain such as example.com');

const defaultNotice = {
  title: 'AI use at work',
  text: 'Your organisation checks what you paste, type and upload into AI services for secrets and personal data, in your browser, before it is sent. The text itself never leaves your browser; only which service, when, and what kind of data was found are reported.',
  contact: 'your IT or security team',
};

/** What the organisation configures for every browser: profile, enforcement mode, privacy and the employee notice. */
export const organizationSettingsSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).default('My organisation'),
  /** E-mail domains of the organisation: accounts on these domains are corporate. */
  emailDomains: z.array(domain).max(100).default([]),
  mode: z.enum(['monitor', 'enforce']).default('monitor'),
  /** Status of AI services nobody has decided on yet. */
  defaultStatus: z.enum(serviceStatuses).default('unsanctioned'),
  privacy: z
    .strictObject({ fullUrls: z.boolean().default(false), maskedPreviews: z.boolean().default(false) })
    .default({ fullUrls: false, maskedPreviews: false }),
  notice: z
    .strictObject({
      title: z.string().max(120).default(defaultNotice.title),
      text: z.string().max(4000).default(defaultNotice.text),
      contact: z.string().max(200).default(defaultNotice.contact),
    })
    .default(defaultNotice),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

const ORG_KEY = 'organization';
const SALT_KEY = 'dlp.hashSalt';

/** The organisation settings with defaults for anything never set. */
export async function getOrganizationSettings(db: Db): Promise<OrganizationSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ORG_KEY));
  return organizationSettingsSchema.parse(row?.value ?? {});
}

/** Replaces the organisation settings (validated); returns the stored value. */
export async function putOrganizationSettings(
  db: Db,
  clock: Clock,
  value: OrganizationSettings,
  by: string,
): Promise<OrganizationSettings> {
  const clean = organizationSettingsSchema.parse(value);
  await db
    .insert(settings)
    .values({ key: ORG_KEY, value: clean, updatedAt: clock(), updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: clean, updatedAt: clock(), updatedBy: by } });
  return clean;
}

/** The organisation-wide salt for DLP value hashes, created once (first writer wins across replicas). */
export async function getHashSalt(db: Db, clock: Clock): Promise<string> {
  const [row] = await db.select().from(settings).where(eq(settings.key, SALT_KEY));
  if (row) return String(row.value);
  await db
    .insert(settings)
    .values({
      key: SALT_KEY,
      value: sql`${JSON.stringify(randomBytes(16).toString('hex'))}::jsonb`,
      updatedAt: clock(),
      updatedBy: 'system',
    })
    .onConflictDoNothing();
  const [created] = await db.select().from(settings).where(eq(settings.key, SALT_KEY));
  return String(created!.value);
}
