import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCatalog } from './catalog-checks.ts';
import { serialiseCompact, serialiseFull } from './compile-catalog.ts';
import { type FullCatalog, fullCatalogSchema } from './full-catalog.ts';
import { CatalogDataError, loadServices } from './load-services.ts';
import type { Service } from './schema.ts';

/** The fingerprints package directory (holds services/, fixtures/, generated/). */
export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const servicesDir = join(packageDir, 'services');
export const compactCatalogPath = join(packageDir, 'generated', 'catalog.json');
export const fullCatalogPath = join(packageDir, 'generated', 'catalog-full.json');

/** The catalog version: the first 16 hex digits of SHA-256 over the full catalog content. */
export function catalogVersion(services: readonly Service[]): string {
  return createHash('sha256').update(serialiseFull('', services)).digest('hex').slice(0, 16);
}

/** Loads, validates and cross-checks the data, and returns both generated files' text. Throws `CatalogDataError`. */
export async function buildCatalogFiles(
  dir = servicesDir,
): Promise<{ services: Service[]; compact: string; full: string }> {
  const services = await loadServices(dir);
  const problems = checkCatalog(services);
  if (problems.length > 0) throw new CatalogDataError(problems);
  const version = catalogVersion(services);
  return { services, compact: serialiseCompact(version, services), full: serialiseFull(version, services) };
}

/** Reads the full catalog the build wrote (Node only; the backend uses it for risk sources and notes). */
export async function readFullCatalog(path = fullCatalogPath): Promise<FullCatalog> {
  return fullCatalogSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}
