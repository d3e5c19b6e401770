/** Personal-data detectors (category `pii`): national identifiers with their check digits and passport MRZs. */
import type { Detector } from '../../types.ts';
import { americasDetectors } from './americas.ts';
import { asiaDetectors } from './asia.ts';
import { europeNorthDetectors } from './europe-north.ts';
import { europeWestDetectors } from './europe-west.ts';
import { mrzDetectors } from './mrz.ts';
import { otherDetectors } from './other.ts';
import { ukIeDetectors } from './uk-ie.ts';
import { usDetectors } from './us.ts';

export const piiDetectors: readonly Detector[] = [
  ...usDetectors,
  ...ukIeDetectors,
  ...americasDetectors,
  ...asiaDetectors,
  ...europeWestDetectors,
  ...europeNorthDetectors,
  ...otherDetectors,
  ...mrzDetectors,
];
