/** Financial detectors (category `financial`): bank and organisation identifiers and crypto wallet addresses. */
import type { Detector } from '../../types.ts';
import { bankingDetectors } from './banking.ts';
import { cryptoDetectors } from './crypto.ts';

export const financialDetectors: readonly Detector[] = [...bankingDetectors, ...cryptoDetectors];
