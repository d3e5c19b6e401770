/** Examples for the Asian detectors; values from this project's own generators. */
import type { Detector } from '../../types.ts';

export const asiaExamples = {
  'in-aadhaar': {
    positive: [
      'KYC form: Aadhaar 8252 8935 9249, PAN attached separately.',
      'Customer aadhaar_no: 467317833227 (verified via UIDAI OTP)',
    ],
    negative: [
      'Aadhaar 8252 8935 9248 fails the Verhoeff check.',
      'Shipment 2837 4679 1841 reached Pune.',
      'Aadhaar numbers never start with 1: 1252 8935 9249.',
    ],
  },
  'in-pan': {
    positive: [
      'Vendor onboarding — PAN card: WGEPP0692A, GSTIN pending.',
      'Please file the ITR for VCLPZ1603B before July.',
    ],
    negative: ['Holder type X is not assigned: WGEXP0692A.', 'PAN ABCPD0000F has the reserved 0000 sequence.'],
  },
  'cn-resident-id': {
    positive: [
      '请核对身份证号 310104198904118002 与姓名是否一致。',
      'Guest registration: resident ID 310104197605028838, room 1204.',
    ],
    negative: ['ID 310104198904118003 fails the MOD 11-2 check.', 'Order 310104198913118002 has month 13.'],
  },
  'kr-rrn': {
    positive: ['고객 정보: 주민등록번호 760723-2124546 (본인 확인 완료)', 'HR file: RRN 570904-2225680, Seoul branch.'],
    negative: ['RRN 760723-2124547 fails the check digit.', 'Batch 761323-2124546 (month 13) from the plant.'],
  },
  'sg-nric': {
    positive: [
      'Visitor log: Tan Wei Ling, NRIC M1538785P, unit 12-04.',
      'Please update the insurance claim for T1157269Z.',
    ],
    negative: ['NRIC T1157269A has the wrong check letter.', 'Product code K3767911P is a SKU.'],
  },
  'jp-my-number': {
    positive: [
      '年末調整のためマイナンバー 2239 9851 9615 を提出してください。',
      'My Number: 440834761963 (individual number card)',
    ],
    negative: ['My Number 2239 9851 9616 fails the check digit.', 'Invoice 9685 6170 8333 was paid.'],
  },
} satisfies Record<string, Detector['examples']>;
