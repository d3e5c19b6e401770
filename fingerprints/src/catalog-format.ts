import { z } from 'zod';
import { type RiskFacts, type RiskTier, riskTiers } from './risk-tier.ts';
import { accountHintSchema, type Category, categories, domSchema } from './schema.ts';

/**
 * The compact index the extension ships (`generated/catalog.json`). Services are positional tuples so the
 * file stays small; `decodeCatalog` turns them back into `CatalogService` objects. Bump `catalogFormat`
 * whenever the tuple layout changes.
 */
export const catalogFormat = 1;

/** Risk facts in a fixed order; `null` stands for `unverified`. */
export const riskFactOrder = [
  'trainsOnUserContent',
  'retention',
  'enterpriseNoTraining',
  'sso',
  'scim',
  'dataResidency',
  'certifications',
] as const satisfies readonly (keyof RiskFacts)[];

const strings = z.array(z.string());
const compactRisk = z.tuple([
  z.boolean().nullable(),
  z.string().nullable(),
  z.boolean().nullable(),
  z.boolean().nullable(),
  z.boolean().nullable(),
  strings.nullable(),
  strings.nullable(),
]);
const compactHint = z.tuple([accountHintSchema.shape.kind, z.string(), accountHintSchema.shape.signal]);

/** One service: id, name, vendor, category index, tier index, hosts, apiHosts, sharedHosts, app-name keys, ids, domains, risk, dom (0 when none), account hints. */
export const compactServiceSchema = z.tuple([
  z.string(),
  z.string(),
  z.string(),
  z
    .number()
    .int()
    .min(0)
    .max(categories.length - 1),
  z
    .number()
    .int()
    .min(0)
    .max(riskTiers.length - 1),
  strings,
  strings,
  strings,
  strings,
  strings,
  strings,
  compactRisk,
  z.union([z.literal(0), domSchema]),
  z.array(compactHint),
]);
export type CompactService = z.infer<typeof compactServiceSchema>;

export const compactCatalogSchema = z.strictObject({
  format: z.literal(catalogFormat),
  /** Content hash of everything else in the file: changes whenever any service changes. */
  version: z.string().regex(/^[0-9a-f]{16}$/),
  services: z.array(compactServiceSchema),
});
export type CompactCatalog = z.infer<typeof compactCatalogSchema>;

export type Dom = z.infer<typeof domSchema>;
export interface AccountHint {
  kind: z.infer<typeof accountHintSchema>['kind'];
  value: string;
  signal: z.infer<typeof accountHintSchema>['signal'];
}

/** A service as the matchers, the extension and the backend see it. */
export interface CatalogService {
  id: string;
  name: string;
  vendor: string;
  category: Category;
  riskTier: RiskTier;
  hosts: readonly string[];
  apiHosts: readonly string[];
  sharedHosts: readonly string[];
  /** Normalised app-name keys (see `appNameKey`). */
  appKeys: readonly string[];
  /** Lower-case OAuth client ids, Entra application ids and marketplace ids. */
  appIds: readonly string[];
  /** Host rules seen in SSO / OAuth redirect URIs, besides `hosts`. */
  appDomains: readonly string[];
  risk: RiskFacts;
  dom: Dom | null;
  accountHints: readonly AccountHint[];
}

export interface Catalog {
  version: string;
  services: readonly CatalogService[];
  byId: ReadonlyMap<string, CatalogService>;
}

/** Validates the compact index (zod) and expands it into service objects; throws with the offending path. */
export function decodeCatalog(raw: unknown): Catalog {
  const parsed = compactCatalogSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid fingerprint catalog at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const services = parsed.data.services.map((t): CatalogService => {
    const risk = {} as Record<string, unknown>;
    riskFactOrder.forEach((key, i) => {
      risk[key] = t[11][i] ?? 'unverified';
    });
    return {
      id: t[0],
      name: t[1],
      vendor: t[2],
      category: categories[t[3]]!,
      riskTier: riskTiers[t[4]]!,
      hosts: t[5],
      apiHosts: t[6],
      sharedHosts: t[7],
      appKeys: t[8],
      appIds: t[9],
      appDomains: t[10],
      risk: risk as RiskFacts,
      dom: t[12] === 0 ? null : t[12],
      accountHints: t[13].map(([kind, value, signal]) => ({ kind, value, signal })),
    };
  });
  const byId = new Map(services.map((s) => [s.id, s]));
  if (byId.size !== services.length) throw new Error('invalid fingerprint catalog: duplicate service ids');
  return { version: parsed.data.version, services, byId };
}
