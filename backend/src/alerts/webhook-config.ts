import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { checkWebhookTarget } from './target-check.ts';

const KEY = 'alerts.webhook';
const AAD = 'alerts.webhook.secret';

const storedSchema = z.object({
  url: z.string(),
  secretSealed: z.string(),
  secretHint: z.string(),
  allowPrivate: z.boolean(),
  enabled: z.boolean(),
});
type Stored = z.infer<typeof storedSchema>;

export const webhookInputSchema = z.strictObject({
  url: z.string().max(2000),
  secret: z.string().min(16).max(200).optional().openapi({
    description: 'Shared HMAC secret (≥ 16 characters). Required the first time; omit to keep the current one.',
  }),
  enabled: z.boolean().default(true),
  allowPrivate: z
    .boolean()
    .default(false)
    .openapi({ description: 'Allow http and private/loopback targets. For testing only.' }),
});

export const webhookViewSchema = z
  .object({
    configured: z.boolean(),
    url: z.string().nullable(),
    secretHint: z.string().nullable(),
    enabled: z.boolean(),
    allowPrivate: z.boolean(),
    minSeverity: z.literal('high'),
  })
  .openapi('WebhookSettings');

/** The webhook configuration with its secret opened, or null when none is configured. */
export async function readWebhookConfig(
  db: Db,
  box: SecretBox,
): Promise<(Omit<Stored, 'secretSealed'> & { secret: string }) | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (!row) return null;
  const stored = storedSchema.parse(row.value);
  const { secretSealed, ...rest } = stored;
  return { ...rest, secret: box.openText(secretSealed, AAD) };
}

/** The configuration as the API shows it: never the secret, only its hint. */
export async function webhookView(db: Db): Promise<z.infer<typeof webhookViewSchema>> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const stored = row ? storedSchema.parse(row.value) : null;
  return {
    configured: Boolean(stored),
    url: stored?.url ?? null,
    secretHint: stored?.secretHint ?? null,
    enabled: stored?.enabled ?? false,
    allowPrivate: stored?.allowPrivate ?? false,
    minSeverity: 'high',
  };
}

/** Validates the target, seals the secret (AES-GCM) and stores the configuration; returns whether the secret changed. */
export async function saveWebhookConfig(
  db: Db,
  box: SecretBox,
  clock: Clock,
  input: z.infer<typeof webhookInputSchema>,
  by: string,
): Promise<{ secretChanged: boolean }> {
  const url = await checkWebhookTarget(input.url, { allowPrivate: input.allowPrivate });
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const previous = row ? storedSchema.parse(row.value) : null;
  if (!input.secret && !previous) {
    throw new ApiError(400, 'secret_required', 'Give a shared secret (at least 16 characters) the first time.', {
      details: [{ path: 'secret', message: 'required the first time' }],
    });
  }
  const value: Stored = {
    url: url.toString(),
    secretSealed: input.secret ? box.seal(input.secret, AAD) : previous!.secretSealed,
    secretHint: input.secret ? `…${input.secret.slice(-4)}` : previous!.secretHint,
    allowPrivate: input.allowPrivate,
    enabled: input.enabled,
  };
  await db
    .insert(settings)
    .values({ key: KEY, value, updatedAt: clock(), updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: clock(), updatedBy: by } });
  return { secretChanged: Boolean(input.secret) };
}
