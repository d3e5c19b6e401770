import { type ConnectorDefinition, connectorTypes, type HostLookup } from '@sightline/connectors';
import { asc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { connectors } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import {
  checkBaseUrl,
  type Json,
  openSecrets,
  sealSecrets,
  secretHints,
  splitConfig,
  validateConfig,
} from './config.ts';

export type ConnectorRow = typeof connectors.$inferSelect;

export const newConnectorSchema = z.strictObject({
  type: z.enum(connectorTypes),
  name: z.string().trim().min(1).max(200),
  /** The whole configuration, secret fields included; validated by the type's own schema. */
  config: z.record(z.string(), z.unknown()),
  intervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
  allowCustomHost: z.boolean().default(false),
  enabled: z.boolean().default(true),
});

export const connectorPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  /** Fields to change; a secret field omitted stays as it is, `null` removes an optional field. */
  config: z.record(z.string(), z.unknown()).optional(),
  intervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .optional(),
  allowCustomHost: z.boolean().optional(),
  enabled: z.boolean().optional(),
});

export interface StoreContext {
  db: Db;
  clock: Clock;
  box: SecretBox;
  definitionOf(type: string): ConnectorDefinition | undefined;
  lookup?: HostLookup;
}

/** The definition for a type this build ships, or a 400. */
export function requireDefinition(ctx: StoreContext, type: string): ConnectorDefinition {
  const d = ctx.definitionOf(type);
  if (!d) throw new ApiError(400, 'unsupported_type', `This server has no ${type} connector.`);
  return d;
}

/** What the API returns about a connector: never secrets, only `secretHints`. */
export function publicConnector(row: ConnectorRow, now: Date) {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    config: row.config,
    secretHints: row.secretHints,
    allowCustomHost: row.allowCustomHost,
    intervalMinutes: row.intervalMinutes,
    enabled: row.enabled,
    running: row.leaseUntil !== null && row.leaseUntil > now,
    nextRunAt: row.nextRunAt?.toISOString() ?? null,
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    lastStatus: row.lastStatus,
    hasCursor: row.cursor !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Validates, checks the base URL, seals the secrets and stores a new connector (due at once). */
export async function createConnector(ctx: StoreContext, input: z.output<typeof newConnectorSchema>) {
  const definition = requireDefinition(ctx, input.type);
  const full = validateConfig(definition, input.config);
  await checkBaseUrl(definition, full, input.allowCustomHost, ctx.lookup);
  const { config, secrets } = splitConfig(definition, full);
  const id = uuidv7();
  const now = ctx.clock();
  const [row] = await ctx.db
    .insert(connectors)
    .values({
      id,
      type: input.type,
      name: input.name,
      config,
      secretsSealed: sealSecrets(ctx.box, id, secrets),
      secretHints: secretHints(secrets),
      allowCustomHost: input.allowCustomHost,
      intervalMinutes: input.intervalMinutes,
      enabled: input.enabled,
      nextRunAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

export async function getConnector(db: Db, id: string): Promise<ConnectorRow> {
  const [row] = await db.select().from(connectors).where(eq(connectors.id, id));
  if (!row) throw new ApiError(404, 'not_found', 'No such connector.');
  return row;
}

export const listConnectors = (db: Db) => db.select().from(connectors).orderBy(asc(connectors.createdAt));

/** The full configuration of a stored connector (secrets opened), validated by its definition. */
export function fullConfig(ctx: Pick<StoreContext, 'box'>, definition: ConnectorDefinition, row: ConnectorRow): Json {
  return validateConfig(definition, { ...row.config, ...openSecrets(ctx.box, row.id, row.secretsSealed) });
}

/**
 * Applies a patch: secret fields are write-only (omitted = unchanged), the merged configuration is validated
 * and its base URL re-checked. Returns the row before and after, and which secret fields were replaced.
 */
export async function updateConnector(ctx: StoreContext, id: string, patch: z.output<typeof connectorPatchSchema>) {
  const before = await getConnector(ctx.db, id);
  const definition = requireDefinition(ctx, before.type);
  const merged: Json = { ...before.config, ...openSecrets(ctx.box, id, before.secretsSealed) };
  for (const [k, v] of Object.entries(patch.config ?? {})) {
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  const full = validateConfig(definition, merged);
  const allowCustomHost = patch.allowCustomHost ?? before.allowCustomHost;
  await checkBaseUrl(definition, full, allowCustomHost, ctx.lookup);
  const { config, secrets } = splitConfig(definition, full);
  const [after] = await ctx.db
    .update(connectors)
    .set({
      name: patch.name ?? before.name,
      config,
      secretsSealed: sealSecrets(ctx.box, id, secrets),
      secretHints: secretHints(secrets),
      allowCustomHost,
      intervalMinutes: patch.intervalMinutes ?? before.intervalMinutes,
      enabled: patch.enabled ?? before.enabled,
      updatedAt: ctx.clock(),
      version: sql`${connectors.version} + 1`,
    })
    .where(eq(connectors.id, id))
    .returning();
  if (!after) throw new ApiError(404, 'not_found', 'No such connector.');
  const secretsReplaced = Object.keys(patch.config ?? {}).filter((k) => definition.secretFields.includes(k));
  return { before, after, secretsReplaced };
}

export async function deleteConnector(db: Db, id: string): Promise<ConnectorRow> {
  const [row] = await db.delete(connectors).where(eq(connectors.id, id)).returning();
  if (!row) throw new ApiError(404, 'not_found', 'No such connector.');
  return row;
}
