import { type Catalog, decodeCatalog } from '../src/catalog-format.ts';
import { compactService } from '../src/compile-catalog.ts';
import { type Service, type ServiceInput, serviceSchema } from '../src/schema.ts';

const unverifiedRisk = {
  trainsOnUserContent: 'unverified',
  retention: 'unverified',
  enterpriseNoTraining: 'unverified',
  sso: 'unverified',
  scim: 'unverified',
  dataResidency: 'unverified',
  certifications: 'unverified',
} as const;

/** A validated service for tests: id, name and vendor default from the id; risk defaults to all unverified. */
export function makeService(id: string, fields: Partial<ServiceInput> = {}): Service {
  return serviceSchema.parse({
    id,
    name: id,
    vendor: `${id} vendor`,
    category: 'general-assistant',
    risk: unverifiedRisk,
    ...fields,
  });
}

/** A catalog built the way the shipped one is: compact tuples, then decoded. */
export function makeCatalog(services: readonly Service[]): Catalog {
  return decodeCatalog({ format: 1, version: '0123456789abcdef', services: services.map(compactService) });
}
