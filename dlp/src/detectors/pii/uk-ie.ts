/** United Kingdom and Ireland: National Insurance number, NHS number, PPS number. */

import * as nino from 'stdnum/lib/esm/gb/nino.js';
import * as pps from 'stdnum/lib/esm/ie/pps.js';
import type { Detector } from '../../types.ts';
import { allSame, digitsOf, isEpochNearTimeWord, stdnumCheck } from './checks.ts';
import { ukIeExamples as ex } from './examples-uk-ie.ts';

const stdNino = stdnumCheck(nino.validate);
const stdPps = stdnumCheck(pps.validate);

/** NINO: two prefix letters (D F I Q U V never, O never second, BG GB KN NK NT TN ZZ unused), 6 digits, A-D. */
export function validNino(value: string): boolean {
  const v = value.replace(/[ -]/g, '');
  return /^[A-Z]{2}\d{6}[A-D]$/.test(v) && stdNino(v) && !allSame(v.slice(2, 8));
}

/** NHS number: 10 digits, weights 10..2 on the first nine, check = 11 - sum mod 11 (11 → 0, 10 invalid). */
export function validNhs(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 || allSame(d) || d.startsWith('999') || d === '9434765919') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === d.charCodeAt(9) - 48;
}

/** PPS number: 7 digits and a mod-23 check letter, optionally a second letter (A, B, H or W). */
export function validPps(value: string): boolean {
  return /^\d{7}[A-W][ABHW]?$/.test(value) && stdPps(value) && !allSame(value.slice(0, 7));
}

export const ukIeDetectors: Detector[] = [
  {
    id: 'uk-nino',
    name: 'UK National Insurance number',
    category: 'pii',
    description: 'Two prefix letters, six digits and a suffix A-D, with the unused prefixes and letters rejected.',
    trigger: { digits: 6 },
    pattern:
      /(?<![\w-])(?<value>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?<s>[ -]?)\d{2}\k<s>\d{2}\k<s>\d{2}\k<s>[A-D])(?![\w-])/g,
    confidence: 'medium',
    validate: validNino,
    context: ['national insurance', 'nino', 'ni number', 'ni no', 'hmrc', 'payroll'],
    examples: ex['uk-nino'],
  },
  {
    id: 'uk-nhs-number',
    name: 'UK NHS number',
    category: 'pii',
    description:
      'Ten digits (often 3-3-4) passing the NHS mod-11 check, not a Unix time next to a time word; reported only near an NHS keyword.',
    trigger: { digits: 10 },
    pattern: /(?<![\w.-])(?<value>\d{3}(?<s>[ -]?)\d{3}\k<s>\d{4})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: (value, match) => validNhs(value) && !isEpochNearTimeWord(value, match),
    context: ['nhs', 'national health service', 'chi number', 'gp surgery'],
    requiresContext: true,
    examples: ex['uk-nhs-number'],
  },
  {
    id: 'ie-pps',
    name: 'Irish Personal Public Service number',
    category: 'pii',
    description: 'Seven digits and a mod-23 check letter (plus an optional second letter), validated with stdnum.',
    trigger: { digits: 7 },
    pattern: /(?<![\w-])(?<value>\d{7}[A-W][ABHW]?)(?![\w-])/g,
    confidence: 'medium',
    validate: validPps,
    context: ['pps', 'ppsn', 'personal public service', 'revenue', 'welfare'],
    examples: ex['ie-pps'],
  },
];
