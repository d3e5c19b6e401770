import { z } from 'zod';
import { catalogFormat } from './catalog-format.ts';
import { riskTiers } from './risk-tier.ts';
import { serviceSchema } from './schema.ts';

/** `generated/catalog-full.json`: every validated service with its sources, notes, derived tier and the rule row. */
export const fullCatalogSchema = z.strictObject({
  format: z.literal(catalogFormat),
  version: z.string().regex(/^[0-9a-f]{16}$/),
  services: z.array(
    serviceSchema.extend({
      riskTier: z.enum(riskTiers),
      riskRule: z.strictObject({ rule: z.number().int(), reason: z.string() }),
    }),
  ),
});
export type FullCatalog = z.infer<typeof fullCatalogSchema>;
