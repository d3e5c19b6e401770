import { assertSafeBaseUrl, type ConnectorDefinition, type HostLookup, UnsafeUrlError } from '@sightline/connectors';
import type { SecretBox } from '../crypto/secret-box.ts';
import { ApiError, zodDetails } from '../http/errors.ts';

export type Json = Record<string, unknown>;

/** A configuration split into what may be shown (`config`) and what is sealed (`secrets`). */
export interface SplitConfig {
  config: Json;
  secrets: Json;
}

/** Separates the definition's secret fields from the rest. */
export function splitConfig(definition: ConnectorDefinition, full: Json): SplitConfig {
  const config: Json = {};
  const secrets: Json = {};
  for (const [k, v] of Object.entries(full)) {
    if (definition.secretFields.includes(k)) secrets[k] = v;
    else config[k] = v;
  }
  return { config, secrets };
}

/**
 * A hint an admin can recognise a secret by without revealing it: `••••` plus the last 4 characters of a string
 * of at least 16 (PEM armour and whitespace ignored); shorter strings and objects give only `••••`.
 */
export function secretHint(value: unknown): string {
  if (typeof value !== 'string') return '••••';
  const core = value.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return core.length >= 16 ? `••••${core.slice(-4)}` : '••••';
}

export function secretHints(secrets: Json): Record<string, string> {
  return Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, secretHint(v)]));
}

/** Validates a full configuration with the definition's schema; a 400 with field paths (never values) otherwise. */
export function validateConfig(definition: ConnectorDefinition, full: Json): Json {
  const parsed = definition.configSchema.safeParse(full);
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_config', `The ${definition.label} configuration is invalid.`, {
      details: zodDetails(parsed.error).map((d) => ({ path: `config.${d.path}`, message: d.message })),
    });
  }
  return parsed.data as Json;
}

/** Seals the secret fields as one JSON document, bound to the connector id (AES-256-GCM associated data). */
export function sealSecrets(box: SecretBox, connectorId: string, secrets: Json): string {
  return box.seal(JSON.stringify(secrets), `connector:${connectorId}`);
}

export function openSecrets(box: SecretBox, connectorId: string, sealed: string): Json {
  return JSON.parse(box.openText(sealed, `connector:${connectorId}`)) as Json;
}

/** The base URL a configuration points at, when the definition has one. */
export function baseUrlOf(definition: ConnectorDefinition, config: Json): string | undefined {
  const v = definition.baseUrlField ? config[definition.baseUrlField] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Applies the SSRF rules to the configured base URL; a 400 naming the field and the fix otherwise. */
export async function checkBaseUrl(
  definition: ConnectorDefinition,
  config: Json,
  allowCustomHost: boolean,
  lookup?: HostLookup,
): Promise<void> {
  const url = baseUrlOf(definition, config);
  if (url === undefined) return;
  try {
    await assertSafeBaseUrl(url, { vendorHosts: definition.vendorHosts, allowCustomHost, lookup });
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    throw new ApiError(400, 'unsafe_base_url', err.message, {
      details: [{ path: `config.${definition.baseUrlField}`, message: err.message, reason: err.reason }],
    });
  }
}
