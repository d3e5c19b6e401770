import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildCatalogFiles, compactCatalogPath, fullCatalogPath } from '../src/build-catalog.ts';
import { decodeCatalog } from '../src/catalog-format.ts';
import { fullCatalogSchema } from '../src/full-catalog.ts';

describe('generated catalog', () => {
  it('is up to date with services/*.yaml (run `npm run build -w fingerprints` after a data change)', async () => {
    const built = await buildCatalogFiles();
    const [compact, full] = await Promise.all([
      readFile(compactCatalogPath, 'utf8'),
      readFile(fullCatalogPath, 'utf8'),
    ]);
    // Compare versions first for a short message; the full comparison catches anything the hash could not.
    expect(JSON.parse(compact).version).toBe(JSON.parse(built.compact).version);
    expect(compact === built.compact).toBe(true);
    expect(full === built.full).toBe(true);
  });

  it('decodes and validates, and the full catalog matches its schema and version', async () => {
    const compact = JSON.parse(await readFile(compactCatalogPath, 'utf8'));
    const full = fullCatalogSchema.parse(JSON.parse(await readFile(fullCatalogPath, 'utf8')));
    const catalog = decodeCatalog(compact);
    expect(full.version).toBe(catalog.version);
    expect(full.services.map((s) => s.id)).toEqual(catalog.services.map((s) => s.id));
  });

  it('stays under the 150 KB gzipped budget the extension ships', async () => {
    expect(gzipSync(await readFile(compactCatalogPath)).length).toBeLessThan(150 * 1024);
  });
});
