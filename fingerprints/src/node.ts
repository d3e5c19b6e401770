// Node-only entry (`@sightline/fingerprints/node`): reading the YAML data and the generated full catalog.
// The extension must not import this file.
export {
  buildCatalogFiles,
  catalogVersion,
  compactCatalogPath,
  fullCatalogPath,
  readFullCatalog,
  servicesDir,
} from './build-catalog.ts';
export { checkCatalog, hostRuleProblem } from './catalog-checks.ts';
export { type FullCatalog, fullCatalogSchema } from './full-catalog.ts';
export { CatalogDataError, loadServices, parseServiceFile } from './load-services.ts';
