/** Examples for the Australian, South African, Israeli and Turkish detectors; values from this project's own generators. */
import type { Detector } from '../../types.ts';

export const otherExamples = {
  'au-tfn': {
    positive: ['New employee declaration: TFN 805 479 169.', 'tax file number: 306821748'],
    negative: ['TFN 805 479 168 fails the weighted check.', 'Order 344 544 418 dispatched.'],
  },
  'au-medicare': {
    positive: ['Patient Medicare card 6667 95207 4, expiry 08/2027.', 'medicare_no=3845090521'],
    negative: ['Medicare 6667 95217 4 fails the check digit.', 'Invoice 6443 90288 2 paid.'],
  },
  'za-id': {
    positive: [
      'Applicant ID number 5404140460188, Cape Town.',
      'Please verify the RSA ID 5104137408188 with Home Affairs.',
    ],
    negative: ['ID number 5404140460189 fails the Luhn check.', 'Order 0404254567088 was shipped.'],
  },
  'il-teudat-zehut': {
    positive: ['מספר תעודת זהות: 369854757', 'Israeli ID 179406772 for the visa form.'],
    negative: ['Teudat zehut 369854758 fails the check digit.', 'Order 231235169 shipped.'],
  },
  'tr-tc-kimlik': {
    positive: ['Çalışan bilgileri: TC Kimlik No 22216462960.', 'Please verify TCKN 94732689176 for the contract.'],
    negative: ['TC Kimlik No 22216462961 fails the check digits.', 'Order 51114964764 was delivered.'],
  },
} satisfies Record<string, Detector['examples']>;
