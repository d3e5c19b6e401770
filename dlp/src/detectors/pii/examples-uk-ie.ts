/** Examples for the UK and Irish detectors; values from this project's own generators. */
import type { Detector } from '../../types.ts';

export const ukIeExamples = {
  'uk-nino': {
    positive: [
      'New starter form: National Insurance number JY 79 17 74 B, tax code 1257L.',
      'payroll,emp_id,nino\nP-2231,MR794767B',
    ],
    negative: [
      'NINO DY791774B uses the prefix letter D, which is never issued.',
      'Part number GB794767B belongs to the unused GB prefix.',
      'Reference XW663798E ends in a letter outside A-D.',
    ],
  },
  'uk-nhs-number': {
    positive: [
      'Patient referral: NHS number 767 864 4221, GP surgery in Leeds.',
      'nhs_no=4713531537 for the discharge letter',
    ],
    negative: [
      'NHS number 767 864 4222 fails the mod-11 check.',
      'Invoice 487 369 8545 was paid on Friday.',
      'Call the office on 487-369-8545.',
      'NHS trust sync job: created_at=1718035209 status=ok',
    ],
  },
  'ie-pps': {
    positive: [
      'Please register the employee with Revenue: PPS number 1788182BA.',
      'Applicant PPSN: 2990699DA, county Cork.',
    ],
    negative: ['PPS number 1788182CA has the wrong check letter.', 'Serial 3121534ZA is a stock code.'],
  },
} satisfies Record<string, Detector['examples']>;
