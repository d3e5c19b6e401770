/** United States personal identifiers: SSN, ITIN, passport and driver's licence numbers. */
import * as ssn from 'stdnum/lib/esm/us/ssn.js';
import type { Detector } from '../../types.ts';
import { allSame, digitsOf, stdnumCheck } from './checks.ts';
import { usExamples as ex } from './examples-us.ts';

/** Numbers printed in advertising, on specimen cards or in documentation; never a real person's. */
const publishedSsns = new Set(['078051120', '219099999', '457555462', '123456789', '987654320', '111223333']);
const stdSsn = stdnumCheck(ssn.validate);

/** SSN rules: area not 000, 666 or 9xx; group not 00; serial not 0000; not a published sample. */
export function validSsn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || allSame(d) || d.endsWith('0000') || publishedSsns.has(d)) return false;
  return stdSsn(d);
}

/** ITIN rules: 9xx area; group 50-65, 70-88, 90-92 or 94-99. */
export function validItin(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || d[0] !== '9') return false;
  const g = Number(d.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94;
}

/** A passport or licence number after its label: not all one character, not a run like 123456789. */
export function plausibleDocNumber(value: string): boolean {
  const d = digitsOf(value);
  if (allSame(d) || '01234567890'.includes(d) || '98765432109'.includes(d)) return false;
  return value === value.toUpperCase();
}

const ssnContext = ['ssn', 'social security', 'soc sec', 'ss#', 'ss no', 'taxpayer id'];

export const usDetectors: Detector[] = [
  {
    id: 'us-ssn',
    name: 'US Social Security number',
    category: 'pii',
    description:
      'A 3-2-4 SSN written with dashes or spaces; invalid areas, groups, serials and published samples rejected.',
    trigger: { digits: 9 },
    pattern: /(?<![\w.-])(?<value>\d{3}(?<s>[- ])\d{2}\k<s>\d{4})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validSsn,
    context: ssnContext,
    examples: ex['us-ssn'],
  },
  {
    id: 'us-ssn-unformatted',
    name: 'US Social Security number (no separators)',
    category: 'pii',
    description: 'Nine bare digits passing the SSN area/group/serial rules; reported only near an SSN keyword.',
    trigger: { digits: 9 },
    pattern: /(?<![\w.-])(?<value>\d{9})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validSsn,
    context: ssnContext,
    requiresContext: true,
    examples: ex['us-ssn-unformatted'],
  },
  {
    id: 'us-itin',
    name: 'US Individual Taxpayer Identification number',
    category: 'pii',
    description:
      'A 9xx-xx-xxxx ITIN written with dashes or spaces whose group digits fall in the ranges the IRS issues.',
    trigger: { digits: 9 },
    pattern: /(?<![\w.-])(?<value>9\d{2}(?<s>[- ])\d{2}\k<s>\d{4})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validItin,
    context: ['itin', 'taxpayer identification', 'individual taxpayer', 'w-7'],
    examples: ex['us-itin'],
  },
  {
    id: 'passport-number',
    name: 'Passport number',
    category: 'pii',
    description:
      'A passport number (US: 9 digits or a letter and 8 digits; others: up to 2 letters and 6-9 digits) after a passport label.',
    trigger: { keywords: ['passport'] },
    pattern:
      /\bpassport(?:[ -]?(?:no|number|num|nr|#))?[.:]?[^\d\n]{0,30}?(?<![A-Za-z])(?<value>[A-Z]{1,2}\d{6,8}|\d{8,9})(?![\w-])/gi,
    confidence: 'medium',
    validate: plausibleDocNumber,
    context: ['nationality', 'date of birth', 'dob', 'expiry', 'expires', 'issued', 'place of birth', 'surname'],
    window: 200,
    examples: ex['passport-number'],
  },
  {
    id: 'us-drivers-license',
    name: "US driver's licence number",
    category: 'pii',
    description: "A driver's licence number (up to 2 letters and 5-13 digits) after a driver's licence label.",
    trigger: { keywords: ['licence', 'license', 'dl#', 'dln'] },
    pattern:
      /(?:\b(?:driver'?s?|driving)[ -]licen[cs]e|\bDL ?#|\bDLN)(?:[ -]?(?:no|number|num|#|id))?[.:]?[^\d\n]{0,30}?(?<![A-Za-z])(?<value>[A-Z]{1,2}\d{5,13}|\d{7,13})(?![\w-])/gi,
    confidence: 'medium',
    validate: plausibleDocNumber,
    context: ['dmv', 'date of birth', 'dob', 'expires', 'issued', 'motor vehicle'],
    window: 200,
    examples: ex['us-drivers-license'],
  },
];
