/** Health identifiers: NPI, DEA registration, Medicare MBI, medical record and member numbers, ICD-10-CM codes. */
import type { Detector } from '../../types.ts';
import { allSame, digitsOf, luhnValid } from '../pii/checks.ts';
import { healthExamples as ex } from './examples.ts';

/** NPI: 10 digits starting 1 or 2; Luhn over the digits prefixed with 80840 (the ISO health-card prefix). */
export function validNpi(value: string): boolean {
  return /^[12]\d{9}$/.test(value) && !allSame(value.slice(1)) && luhnValid(`80840${value}`);
}

/** DEA number: registrant letter, name letter (or 9), 7 digits; (d1+d3+d5) + 2·(d2+d4+d6) ends in d7. */
export function validDea(value: string): boolean {
  if (!/^[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}$/.test(value)) return false;
  const n = (i: number): number => value.charCodeAt(2 + i) - 48;
  return (n(0) + n(2) + n(4) + 2 * (n(1) + n(3) + n(5))) % 10 === n(6) && !allSame(value.slice(2));
}

const MBI_ALPHA = '[AC-HJKMNP-RT-Y]';
const MBI_ALNUM = '[AC-HJKMNP-RT-Y0-9]';

/** MBI: 11 positions (digit, letter, alnum, digit, letter, alnum, digit, letter, letter, digit, digit), no S L O I B Z. */
export function validMbi(value: string): boolean {
  const v = value.replace(/-/g, '');
  return new RegExp(`^[1-9]${MBI_ALPHA}${MBI_ALNUM}\\d${MBI_ALPHA}${MBI_ALNUM}\\d${MBI_ALPHA}{2}\\d{2}$`).test(v);
}

/** A record number after its label: 5-10 digits, not one repeated digit. */
export const plausibleRecordNumber = (v: string): boolean => !allSame(digitsOf(v)) && digitsOf(v).length >= 5;

/** ICD-10-CM code; a code without the decimal part must directly follow an ICD/dx/diagnosis label. */
export function validIcd10(value: string, match?: RegExpExecArray): boolean {
  if (!/^[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?$/.test(value)) return false;
  if (value.includes('.')) return true;
  if (!match) return false;
  const before = match.input.slice(Math.max(0, match.index - 40), match.index);
  return /\b(?:icd(?:-?10)?(?:-cm)?|dx|diagnos[a-z]{0,6})(?:[ -]codes?)?[ \t]{0,3}[:#(]?[ \t]{0,3}$/i.test(before);
}

const clinical = [
  'patient',
  'hospital',
  'admission',
  'admitted',
  'discharge',
  'clinic',
  'diagnosis',
  'date of birth',
  'dob',
];

export const healthDetectors: Detector[] = [
  {
    id: 'us-npi',
    name: 'US National Provider Identifier (NPI)',
    category: 'health',
    description:
      'Ten digits starting 1 or 2 whose Luhn check (with the 80840 prefix) passes; reported only near an NPI keyword.',
    trigger: { digits: 10 },
    pattern: /(?<![\w.-])(?<value>[12]\d{9})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validNpi,
    context: [
      'npi',
      'national provider',
      'provider id',
      'prescriber',
      'nppes',
      'rendering provider',
      'billing provider',
    ],
    requiresContext: true,
    examples: ex['us-npi'],
  },
  {
    id: 'dea-number',
    name: 'DEA registration number',
    category: 'health',
    description:
      'A registrant-type letter, a name letter and seven digits with the DEA checksum; reported only near a DEA keyword.',
    trigger: { digits: 7 },
    pattern: /(?<![\w-])(?<value>[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7})(?![\w-])/g,
    confidence: 'medium',
    validate: validDea,
    context: [
      'dea ',
      'dea:',
      'dea#',
      'dea number',
      'dea registration',
      'prescriber',
      'controlled substance',
      'schedule ii',
    ],
    requiresContext: true,
    examples: ex['dea-number'],
  },
  {
    id: 'medicare-mbi',
    name: 'Medicare Beneficiary Identifier (MBI)',
    category: 'health',
    description: 'The 11-character MBI (fixed digit/letter positions, no S L O I B Z), with or without dashes.',
    trigger: { digits: 2 },
    pattern: new RegExp(
      `(?<![\\w-])(?<value>[1-9]${MBI_ALPHA}${MBI_ALNUM}\\d-?${MBI_ALPHA}${MBI_ALNUM}\\d-?${MBI_ALPHA}{2}\\d{2})(?![\\w-])`,
      'g',
    ),
    confidence: 'medium',
    validate: validMbi,
    context: ['medicare', 'mbi', 'beneficiary', 'cms', 'part a', 'part b'],
    examples: ex['medicare-mbi'],
  },
  {
    id: 'medical-record-number',
    name: 'Medical record number (MRN)',
    category: 'health',
    description:
      'A record number (up to 3 letters and 5-10 digits) after an MRN, medical-record, chart or patient-id label.',
    trigger: { keywords: ['mrn', 'medical record', 'chart', 'patient id', 'patient no', 'patient number'] },
    pattern:
      /\b(?:MRN|medical[ -]record(?:[ -](?:number|no|num|#))?|chart[ -](?:number|no|#)|patient[ -](?:id|no|number|#))[.:#]?[ \t]{0,3}[:#=]?[ \t]{0,3}(?<value>[A-Z]{0,3}-?\d{5,10})(?![\w-])/gi,
    confidence: 'medium',
    validate: plausibleRecordNumber,
    context: clinical,
    examples: ex['medical-record-number'],
  },
  {
    id: 'health-plan-member-id',
    name: 'Health plan member ID',
    category: 'health',
    description:
      'A member or subscriber id (letters and digits, 6-15 characters) after its label, reported near an insurance word.',
    trigger: { keywords: ['member id', 'subscriber id', 'member number', 'subscriber number', 'member #'] },
    pattern:
      /\b(?:member|subscriber)[ -]?(?:id|number|no|#)[.:#]?[ \t]{0,3}[:#=]?[ \t]{0,3}(?<value>[A-Z]{0,4}\d{6,12}(?:-\d{2})?)(?![\w-])/gi,
    confidence: 'medium',
    validate: plausibleRecordNumber,
    context: [
      'insurance',
      'health plan',
      'insurer',
      'payer',
      'copay',
      'deductible',
      'coverage',
      'medicaid',
      'blue cross',
    ],
    requiresContext: true,
    examples: ex['health-plan-member-id'],
  },
  {
    id: 'icd-10-code',
    name: 'ICD-10-CM diagnosis code',
    category: 'health',
    description:
      'An ICD-10-CM code (letter, digit, character, optional .xxxx) reported only in clinical context (diagnosis, ICD, dx).',
    trigger: { keywords: ['icd', 'diagnos', 'dx', 'ddx', 'comorbid', 'problem list', 'assessment'] },
    pattern: /(?<![\w.-])(?<value>[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?![\w-]|\.\w)/g,
    confidence: 'low',
    validate: validIcd10,
    context: ['icd', 'diagnosis', 'diagnosed', 'diagnoses', 'dx', 'ddx', 'comorbid', 'problem list', 'assessment'],
    requiresContext: true,
    contextWindow: 150,
    examples: ex['icd-10-code'],
  },
];
