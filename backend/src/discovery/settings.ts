import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';

/** Discovery settings: how far back signals count, and how often the server recomputes. */
export const discoverySettingsSchema = z.strictObject({
  /** Signals older than this many days no longer count; tiers drop (recorded) when evidence ages out. */
  lookbackDays: z.number().int().min(1).max(730).default(90),
  /** Minutes between scheduled recomputes (each server tries; the job lease lets one run at a time). */
  intervalMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});
export type DiscoverySettings = z.infer<typeof discoverySettingsSchema>;

const KEY = 'discovery';

/** The discovery settings with defaults for anything never set. */
export async function getDiscoverySettings(db: Db): Promise<DiscoverySettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  return discoverySettingsSchema.parse(row?.value ?? {});
}

/** Replaces the discovery settings (validated); returns the stored value. */
export async function putDiscoverySettings(
  db: Db,
  clock: Clock,
  value: DiscoverySettings,
  by: string,
): Promise<DiscoverySettings> {
  const clean = discoverySettingsSchema.parse(value);
  await db
    .insert(settings)
    .values({ key: KEY, value: clean, updatedAt: clock(), updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: clean, updatedAt: clock(), updatedBy: by } });
  return clean;
}
