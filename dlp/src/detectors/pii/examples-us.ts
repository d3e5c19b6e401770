/** Examples for the US detectors; every planted value comes from this project's own generators. */
import type { Detector } from '../../types.ts';

export const usExamples = {
  'us-ssn': {
    positive: [
      'Employee onboarding: Dana Whitfield, SSN 622-35-5384, start date March 3.',
      'Can you check this W-2 row? name=R. Osei | ssn=883 59 2384 | wages=84,200',
      'Please fix the payroll import; line 14 has 713-37-9173 in the wrong column.',
    ],
    negative: [
      'Area 000 is never issued: SSN 000-35-5384 must be rejected.',
      'SSN 666-12-3456 is in the forbidden 666 area.',
      'ssn: 622-00-5384 has a zero group.',
      'The famous wallet card number 078-05-1120 is not a real SSN.',
      'Call me at 622-355-3840 tomorrow.',
    ],
  },
  'us-ssn-unformatted': {
    positive: ['Update the record: social security 445331787, DOB 1984-02-11.', 'SSN:873662487 (verified by HR)'],
    negative: [
      'Tracking number 744705384 was delivered yesterday.',
      'SSN 900331787 starts with 9, so it is not valid.',
      'ssn 445330000 has a zero serial.',
    ],
  },
  'us-itin': {
    positive: [
      'The contractor has no SSN; use ITIN 904-81-1798 on the 1099.',
      'Vendor tax id: 965-84-9142 (individual taxpayer)',
    ],
    negative: [
      'ITIN 904-41-1798 has a group outside the issued ranges.',
      'Ticket 936-93-2259 was closed.',
      'Call 904-811-7980 after lunch.',
    ],
  },
  'passport-number': {
    positive: [
      'Traveller: M. Lindgren, passport no. L01581255, nationality SWE, expires 2031-04-02.',
      'Her passport number is 658770981 and it was issued in Boston.',
    ],
    negative: [
      'Passport photos must be 2x2 inches; order 40624798 ships today.',
      'passport number: 123456789',
      'The passport office opens at 9.',
    ],
  },
  'us-drivers-license': {
    positive: [
      "Driver's license number K2292217874, DOB 07/14/1990, expires 2029.",
      'Renter details — DL# H7458016579 issued by the DMV in Ohio.',
    ],
    negative: [
      'MIT license, version 2.0 — see LICENSE file, build 2371194588.',
      "Driver's license renewals take 10 business days.",
      "driver's license 1111111111",
    ],
  },
} satisfies Record<string, Detector['examples']>;
