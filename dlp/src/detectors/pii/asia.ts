/** India, China, South Korea, Singapore and Japan personal identifiers. */
import * as ric from 'stdnum/lib/esm/cn/ric.js';
import * as aadhaar from 'stdnum/lib/esm/in/aadhaar.js';
import * as pan from 'stdnum/lib/esm/in/pan.js';
import * as rrn from 'stdnum/lib/esm/kr/rrn.js';
import type { Detector } from '../../types.ts';
import { allSame, digitsOf, stdnumCheck } from './checks.ts';
import { asiaExamples as ex } from './examples-asia.ts';

const stdAadhaar = stdnumCheck(aadhaar.validate);
const stdPan = stdnumCheck(pan.validate);
const stdRic = stdnumCheck(ric.validate);
const stdRrn = stdnumCheck(rrn.validate);

/** Aadhaar: 12 digits, first digit 2-9, Verhoeff check digit, not a palindrome. */
export function validAadhaar(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 12 && !allSame(d) && stdAadhaar(d);
}

/** PAN: 5 letters (the 4th a holder type), 4 digits (not 0000), a letter. */
export function validPan(value: string): boolean {
  return stdPan(value);
}

/** Chinese resident ID: region, real birth date, sequence, ISO 7064 MOD 11-2 check (0-9 or X). */
export function validRic(value: string): boolean {
  return stdRic(value);
}

/** Korean RRN: birth date, century/sex digit, mod-11 check digit. */
export function validRrn(value: string): boolean {
  return stdRrn(value.replace('-', ''));
}

/** Singapore NRIC/FIN: prefix S T F G M, weights 2 7 6 5 4 3 2, offset 4 (T G) or 3 (M), letter table per series. */
export function validNric(value: string): boolean {
  const m = /^([STFGM])(\d{7})([A-Z])$/.exec(value);
  if (!m) return false;
  const [, prefix = '', body = '', letter] = m;
  const weights = [2, 7, 6, 5, 4, 3, 2];
  let sum = prefix === 'T' || prefix === 'G' ? 4 : prefix === 'M' ? 3 : 0;
  for (let i = 0; i < 7; i++) sum += (body.charCodeAt(i) - 48) * (weights[i] ?? 0);
  const table = 'ST'.includes(prefix) ? 'JZIHGFEDCBA' : 'FG'.includes(prefix) ? 'XWUTRQPNMLK' : 'XWUTRQPNJLK';
  return !allSame(body) && table[sum % 11] === letter;
}

/** Japanese My Number: 12 digits; check = 11 - (Σ P·Q mod 11), 0 when the remainder is 0 or 1. */
export function myNumberCheck(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48;
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function validMyNumber(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 12 && !allSame(d) && myNumberCheck(d.slice(0, 11)) === d.charCodeAt(11) - 48;
}

export const asiaDetectors: Detector[] = [
  {
    id: 'in-aadhaar',
    name: 'Indian Aadhaar number',
    category: 'pii',
    description:
      'Twelve digits (often 4-4-4), first 2-9, passing the Verhoeff check (stdnum); reported only near an Aadhaar keyword.',
    trigger: { digits: 12 },
    pattern: /(?<![\w.-])(?<value>[2-9]\d{3}(?<s>[ -]?)\d{4}\k<s>\d{4})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validAadhaar,
    context: ['aadhaar', 'aadhar', 'uidai', 'uid number', 'आधार'],
    requiresContext: true,
    examples: ex['in-aadhaar'],
  },
  {
    id: 'in-pan',
    name: 'Indian Permanent Account Number (PAN)',
    category: 'pii',
    description: 'Five letters (the 4th a holder type such as P), four digits and a letter.',
    trigger: { digits: 4 },
    pattern: /(?<![\w-])(?<value>[A-Z]{3}[ABCFGHJKLPT][A-Z]\d{4}[A-Z])(?![\w-])/g,
    confidence: 'medium',
    validate: validPan,
    context: ['pan card', 'pan no', 'pan number', 'pan:', 'permanent account', 'income tax'],
    examples: ex['in-pan'],
  },
  {
    id: 'cn-resident-id',
    name: 'Chinese resident identity card number',
    category: 'pii',
    description: 'Eighteen characters: region code, birth date, sequence and an ISO 7064 MOD 11-2 check (stdnum).',
    trigger: { digits: 17 },
    pattern:
      /(?<![\w.-])(?<value>[1-8]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX])(?![\w-])/g,
    confidence: 'medium',
    validate: validRic,
    context: ['身份证', '居民身份', 'resident identity', 'resident id', 'identity card', 'id card', 'shenfenzheng'],
    examples: ex['cn-resident-id'],
  },
  {
    id: 'kr-rrn',
    name: 'South Korean resident registration number',
    category: 'pii',
    description: 'YYMMDD-NNNNNNN with a real birth date, a century/sex digit and the mod-11 check digit (stdnum).',
    trigger: { digits: 13 },
    pattern: /(?<![\w.-])(?<value>\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-[1-8]\d{6})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validRrn,
    context: ['주민등록', '주민번호', 'rrn', 'resident registration'],
    examples: ex['kr-rrn'],
  },
  {
    id: 'sg-nric',
    name: 'Singapore NRIC/FIN',
    category: 'pii',
    description: 'A prefix letter (S T F G M), seven digits and the check letter of the series.',
    trigger: { digits: 7 },
    pattern: /(?<![\w-])(?<value>[STFGM]\d{7}[A-Z])(?![\w-])/g,
    confidence: 'medium',
    validate: validNric,
    context: ['nric', 'fin no', 'fin number', 'ic number', 'identity card', 'singpass'],
    examples: ex['sg-nric'],
  },
  {
    id: 'jp-my-number',
    name: 'Japanese My Number (individual number)',
    category: 'pii',
    description: 'Twelve digits (often 4-4-4) with the My Number check digit; reported only near a My Number keyword.',
    trigger: { digits: 12 },
    pattern: /(?<![\w.-])(?<value>\d{4}(?<s>[ -]?)\d{4}\k<s>\d{4})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validMyNumber,
    context: ['my number', 'mynumber', 'マイナンバー', '個人番号', 'individual number'],
    requiresContext: true,
    examples: ex['jp-my-number'],
  },
];
