/** Examples for the Polish and Nordic detectors; values from this project's own generators. */
import type { Detector } from '../../types.ts';

export const europeNorthExamples = {
  'pl-pesel': {
    positive: ['Umowa o pracę: PESEL 50021941460, Kraków.', 'Patient PESEL: 55061254411'],
    negative: ['PESEL 50021941461 fails the check digit.', 'Order 93090265053 was shipped.'],
  },
  'se-personnummer': {
    positive: [
      'Anställd: Erik Berg, personnummer 941203-7450.',
      'Please verify personnummer 19730103-2111 with Skatteverket.',
    ],
    negative: ['Personnummer 941203-7451 fails the Luhn check.', 'Order 910112-0237 was delivered.'],
  },
  'dk-cpr': {
    positive: ['Medarbejder: CPR-nummer 190196-0458, København.', 'Please add CPR 1510772237 to the pension form.'],
    negative: ['CPR 320196-0458 has day 32.', 'Invoice 141263-0325 from the supplier.'],
  },
  'fi-hetu': {
    positive: ['Työsopimus: henkilötunnus 140252-326K.', 'Please check HETU 141096-1900 in the payroll file.'],
    negative: ['HETU 140252-326L has the wrong check character.', 'Batch 141096-1900 of the paint order.'],
  },
  'no-fodselsnummer': {
    positive: [
      'Ansatt: fødselsnummer 20109217027, Oslo.',
      'Please update the file for 12059738001 (Norwegian national id).',
    ],
    negative: ['Fødselsnummer 20109217028 fails the second check digit.', 'Order 18109636689 shipped.'],
  },
} satisfies Record<string, Detector['examples']>;
