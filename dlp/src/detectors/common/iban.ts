import type { Detector } from '../../types.ts';
import { ibanValid } from '../../validators/iban.ts';

/** International Bank Account Numbers, compact or in groups of four, with country length and mod-97. */
export const iban: Detector = {
  id: 'iban',
  name: 'IBAN',
  category: 'financial',
  description: "IBANs in compact or grouped form whose length matches the country's and whose mod-97 check is 1.",
  trigger: { digits: 8 },
  window: 24,
  pattern: /(?<![A-Za-z0-9])(?<value>[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)(?![A-Za-z0-9])/g,
  confidence: 'high',
  validate: ibanValid,
  context: ['iban', 'account', 'bank', 'transfer', 'swift', 'bic', 'wire', 'sepa'],
  examples: {
    positive: ['Please wire it to DE44 5001 0517 5407 3249 31 by Friday.', 'IBAN: GB50NWBK40512719283746'],
    negative: ['IBAN: DE45 5001 0517 5407 3249 31', 'ref GB50NWBK4051271928374'],
  },
};
