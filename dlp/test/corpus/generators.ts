import { confidentialValueGenerators } from '../../src/detectors/confidential/generators.ts';
import { financialValueGenerators } from '../../src/detectors/financial/generators.ts';
import { healthValueGenerators } from '../../src/detectors/health/generators.ts';
import { piiValueGenerators } from '../../src/detectors/pii/generators.ts';
import { secretGenerators } from '../../src/detectors/secrets/generators.ts';
import { commonGenerators } from './common-generators.ts';

/**
 * Detector id → a function producing a fresh valid value, or a snippet the detector's pattern matches on its
 * own (e.g. `Authorization: Basic ...`). Each detector family writes its own; this map joins them.
 */
export type ValueGenerators = Readonly<Record<string, () => string>>;

/** Every family's generators, common detectors included. */
export const valueGenerators: ValueGenerators = {
  ...secretGenerators,
  ...piiValueGenerators,
  ...financialValueGenerators,
  ...healthValueGenerators,
  ...confidentialValueGenerators,
  ...commonGenerators,
};
