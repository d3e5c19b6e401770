/** Confidentiality detectors (category `confidential`): document markings, not the word in ordinary prose. */
import type { Detector } from '../../types.ts';
import { labelDetectors } from './labels.ts';
import { legalDetectors } from './legal.ts';

export const confidentialDetectors: readonly Detector[] = [...labelDetectors, ...legalDetectors];
