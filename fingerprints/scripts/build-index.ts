// `npm run build -w fingerprints`: validates services/*.yaml and writes generated/catalog.json (shipped by the
// extension) and generated/catalog-full.json (risk sources and notes, for the backend).
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { buildCatalogFiles, compactCatalogPath, fullCatalogPath } from '../src/build-catalog.ts';
import { CatalogDataError } from '../src/load-services.ts';
import { categories } from '../src/schema.ts';

try {
  const { services, compact, full } = await buildCatalogFiles();
  await writeFile(compactCatalogPath, compact);
  await writeFile(fullCatalogPath, full);
  const kb = (n: number) => (n / 1024).toFixed(1);
  process.stdout.write(
    `${services.length} services; catalog.json ${kb(compact.length)} KB (${kb(gzipSync(compact).length)} KB gzipped); ` +
      `catalog-full.json ${kb(full.length)} KB\n`,
  );
  for (const c of categories) {
    process.stdout.write(`  ${c.padEnd(20)} ${services.filter((s) => s.category === c).length}\n`);
  }
} catch (error) {
  if (!(error instanceof CatalogDataError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
