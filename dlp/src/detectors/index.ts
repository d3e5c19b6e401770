import type { Detector } from '../types.ts';
import { commonDetectors } from './common/index.ts';
import { confidentialDetectors } from './confidential/index.ts';
import { financialDetectors } from './financial/index.ts';
import { healthDetectors } from './health/index.ts';
import { piiDetectors } from './pii/index.ts';
import { secretDetectors } from './secrets/index.ts';

export { commonDetectors, confidentialDetectors, financialDetectors, healthDetectors, piiDetectors, secretDetectors };

/** Every built-in detector: common, provider secrets, PII, financial, health and confidentiality labels. */
export const allDetectors: Detector[] = [
  ...commonDetectors,
  ...secretDetectors,
  ...piiDetectors,
  ...financialDetectors,
  ...healthDetectors,
  ...confidentialDetectors,
];
