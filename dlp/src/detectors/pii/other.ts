/** Australia, South Africa, Israel and Turkey personal identifiers. */
import * as tfn from 'stdnum/lib/esm/au/tfn.js';
import * as ilId from 'stdnum/lib/esm/il/idnr.js';
import * as tck from 'stdnum/lib/esm/tr/tckimlik.js';
import * as zaId from 'stdnum/lib/esm/za/idnr.js';
import type { Detector } from '../../types.ts';
import { allSame, digitsOf, stdnumCheck } from './checks.ts';
import { otherExamples as ex } from './examples-other.ts';

const stdTfn = stdnumCheck(tfn.validate);
const stdZa = stdnumCheck(zaId.validate);
const stdIl = stdnumCheck(ilId.validate);
const stdTck = stdnumCheck(tck.validate);

/** TFN: 8 or 9 digits, weighted sum (1 4 3 7 5 8 6 9 10) divisible by 11. */
export const validTfn = (v: string): boolean => !allSame(digitsOf(v)) && stdTfn(digitsOf(v));

/** Medicare card: first digit 2-6, weights 1 3 7 9 1 3 7 9 on 8 digits → 9th digit (sum mod 10), then issue number 1-9. */
export function validMedicare(value: string): boolean {
  const d = digitsOf(value);
  if ((d.length !== 10 && d.length !== 11) || !/^[2-6]/.test(d) || d[9] === '0' || allSame(d.slice(0, 8))) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (d.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum % 10 === d.charCodeAt(8) - 48 && (d.length === 10 || d[10] !== '0');
}

/** South African ID: YYMMDD birth date, gender sequence, citizenship 0/1, a digit, Luhn check (stdnum). */
export const validZaId = (v: string): boolean => stdZa(v);

/** Teudat Zehut: 9 digits (leading zeros kept) with the Luhn-style check (stdnum). */
export const validTeudatZehut = (v: string): boolean => {
  const d = digitsOf(v);
  return d.length === 9 && !allSame(d) && !d.startsWith('000') && stdIl(d);
};

/** TC Kimlik: 11 digits, no leading 0, 10th digit (7·odd − even) mod 10, 11th digit sum mod 10 (stdnum). */
export const validTcKimlik = (v: string): boolean => !allSame(v) && stdTck(v);

export const otherDetectors: Detector[] = [
  {
    id: 'au-tfn',
    name: 'Australian tax file number',
    category: 'pii',
    description:
      'Eight or nine digits (often 3-3-3) passing the TFN weighted mod-11 check (stdnum); needs a TFN keyword.',
    trigger: { digits: 8 },
    pattern: /(?<![\w.-])(?<value>\d{3}(?<s> ?)\d{3}\k<s>\d{2,3})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validTfn,
    context: ['tfn', 'tax file number', 'tax file', 'australian taxation'],
    requiresContext: true,
    examples: ex['au-tfn'],
  },
  {
    id: 'au-medicare',
    name: 'Australian Medicare card number',
    category: 'pii',
    description:
      'Ten digits (plus an optional reference digit), first 2-6, weighted check digit and issue number; needs a Medicare keyword.',
    trigger: { digits: 10 },
    pattern: /(?<![\w.-])(?<value>[2-6]\d{3} ?\d{5} ?\d(?:[ /-]?[1-9])?)(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validMedicare,
    context: ['medicare', 'irn', 'individual reference number', 'services australia'],
    requiresContext: true,
    examples: ex['au-medicare'],
  },
  {
    id: 'za-id',
    name: 'South African identity number',
    category: 'pii',
    description:
      'Thirteen digits: birth date, gender sequence, citizenship 0/1 and a Luhn check (stdnum); needs an ID keyword.',
    trigger: { digits: 13 },
    pattern: /(?<![\w.-])(?<value>\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{4}[01]\d{2})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validZaId,
    context: ['identity number', 'id number', 'id no', 'rsa id', 'south african id', 'home affairs'],
    requiresContext: true,
    examples: ex['za-id'],
  },
  {
    id: 'il-teudat-zehut',
    name: 'Israeli identity number (Teudat Zehut)',
    category: 'pii',
    description: 'Nine digits with the Luhn-style check digit (stdnum); needs an identity keyword.',
    trigger: { digits: 9 },
    pattern: /(?<![\w.-])(?<value>\d{9})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validTeudatZehut,
    context: ['teudat zehut', 'תעודת זהות', 'ת.ז', 'mispar zehut', 'israeli id', 'zehut'],
    requiresContext: true,
    examples: ex['il-teudat-zehut'],
  },
  {
    id: 'tr-tc-kimlik',
    name: 'Turkish identity number (TC Kimlik No)',
    category: 'pii',
    description: 'Eleven digits, no leading 0, with the two TC Kimlik check digits (stdnum); needs a Kimlik keyword.',
    trigger: { digits: 11 },
    pattern: /(?<![\w.-])(?<value>[1-9]\d{10})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validTcKimlik,
    context: ['tc kimlik', 't.c. kimlik', 'kimlik no', 'kimlik numarası', 'tckn', 'nüfus'],
    requiresContext: true,
    examples: ex['tr-tc-kimlik'],
  },
];
