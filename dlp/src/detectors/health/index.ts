/** Health detectors (category `health`). The UK NHS number lives in `pii` with the other national identifiers. */
import type { Detector } from '../../types.ts';
import { healthDetectors as all } from './health.ts';

export const healthDetectors: readonly Detector[] = all;
