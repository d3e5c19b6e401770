/** Examples for the health detectors; every planted value comes from this project's own generators. */
import type { Detector } from '../../types.ts';

export const healthExamples = {
  'us-npi': {
    positive: [
      'Claim 837P: rendering provider NPI 1681771279, taxonomy 207Q00000X.',
      'Prescriber: Dr. Alvarez (NPI: 2196991790)',
    ],
    negative: ['NPI 1681771270 fails the Luhn check.', 'Call 1813223918 for support.'],
  },
  'dea-number': {
    positive: ['Prescriber DEA number FS4757730, schedule II refill.', 'DEA: GT8094916 — Dr. Tanaka, oncology.'],
    negative: ['DEA number FS4757731 fails the checksum.', 'Part ME9317860 ships Monday.'],
  },
  'medicare-mbi': {
    positive: ['Patient Medicare MBI 4WH6-NX4-KR86, Part B effective 2024.', 'Beneficiary id: 2D44U05UY23'],
    negative: ['MBI 4SH6-NX4-KR86 uses the excluded letter S.', 'Serial 0WH6-NX4-KR86 starts with 0.'],
  },
  'medical-record-number': {
    positive: [
      'Patient: J. Moreno, MRN 4281616, admitted 2024-03-02.',
      'Medical record number: MR995448557 (discharge summary attached)',
    ],
    negative: ['MRN scanning is down; call IT.', 'Chart number 0000000 is a filler.'],
  },
  'health-plan-member-id': {
    positive: [
      'Insurance card: member ID JZC202839367, group 8831, copay $25.',
      'Health plan subscriber number PUN990940009 (coverage active)',
    ],
    negative: ['Forum member ID MDR457610642 posted a reply.', 'Member ID: 1111111 for the gym insurance.'],
  },
  'icd-10-code': {
    positive: [
      'Assessment: generalized anxiety disorder, diagnosis code F41.1; follow up in 4 weeks.',
      'Dx: N39.0 (UTI), started nitrofurantoin.',
    ],
    negative: ['Set cell F41.1 in the spreadsheet to the total.', 'Diagnosis pending; see section A12.'],
  },
} satisfies Record<string, Detector['examples']>;
