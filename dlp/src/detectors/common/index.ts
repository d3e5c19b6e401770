import type { Detector } from '../../types.ts';
import { authHeaderDetectors } from './auth-headers.ts';
import { connectionStringDetectors } from './connection-strings.ts';
import { emailAddress } from './email.ts';
import { genericSecretAssignment } from './generic-secret.ts';
import { iban } from './iban.ts';
import { jwt } from './jwt.ts';
import { paymentCardDetectors } from './payment-cards.ts';
import { phoneNumberInternational, phoneNumberNational } from './phone.ts';
import { privateKeyDetectors } from './private-keys.ts';

/** Detectors owned by the engine: e-mail, phone, cards, IBAN, JWT, private keys, credentials, generic secrets. */
export const commonDetectors: Detector[] = [
  emailAddress,
  phoneNumberInternational,
  phoneNumberNational,
  ...paymentCardDetectors,
  iban,
  jwt,
  ...privateKeyDetectors,
  ...connectionStringDetectors,
  ...authHeaderDetectors,
  genericSecretAssignment,
];
