import { z } from 'zod';

const managedSchema = z.object({
  serverUrl: z.url().optional().catch(undefined),
  enrollmentToken: z.string().min(10).max(200).optional().catch(undefined),
  mode: z.enum(['monitor', 'enforce']).optional().catch(undefined),
  emailDomains: z.array(z.string().min(1).max(253)).optional().catch(undefined),
  userEmail: z.email().optional().catch(undefined),
  privacy: z
    .object({
      fullUrls: z.boolean().optional().catch(undefined),
      maskedPreviews: z.boolean().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

/** Configuration pushed by IT through browser policy (`storage.managed`, see public/managed-schema.json). */
export type ManagedConfig = z.infer<typeof managedSchema>;

/** Parses managed storage; a malformed field is ignored rather than failing the whole configuration. */
export function parseManagedConfig(raw: unknown): ManagedConfig {
  const parsed = managedSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/** Reads managed storage; browsers without a policy (or without managed storage) give an empty configuration. */
export async function readManagedConfig(
  managed: { get(): Promise<Record<string, unknown>> } | undefined,
): Promise<ManagedConfig> {
  if (!managed) return {};
  try {
    return parseManagedConfig(await managed.get());
  } catch {
    return {};
  }
}
