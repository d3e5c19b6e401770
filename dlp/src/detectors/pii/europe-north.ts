/** Poland, Sweden, Denmark, Finland and Norway personal identifiers. */
import * as cpr from 'stdnum/lib/esm/dk/cpr.js';
import * as hetu from 'stdnum/lib/esm/fi/hetu.js';
import * as fnr from 'stdnum/lib/esm/no/fodselsnummer.js';
import * as pesel from 'stdnum/lib/esm/pl/pesel.js';
import * as pnr from 'stdnum/lib/esm/se/personnummer.js';
import type { Detector } from '../../types.ts';
import { allSame, digitsOf, stdnumCheck } from './checks.ts';
import { europeNorthExamples as ex } from './examples-europe-north.ts';

const stdPesel = stdnumCheck(pesel.validate);
const stdPnr = stdnumCheck(pnr.validate);
const stdCpr = stdnumCheck(cpr.validate);
const stdHetu = stdnumCheck(hetu.validate);
const stdFnr = stdnumCheck(fnr.validate);

/** PESEL: YYMMDD (century in the month), serial, sex digit, check digit with weights 1 3 7 9. */
export const validPesel = (v: string): boolean => !allSame(v) && stdPesel(v);

/** Personnummer: (YY)YYMMDD, separator - or + (added when absent), 4 digits; Luhn over the last 10 digits. */
export function validPersonnummer(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 && d.length !== 12) return false;
  const sep = value.includes('+') ? '+' : '-';
  return !allSame(d) && stdPnr(`${d.slice(0, -4)}${sep}${d.slice(-4)}`);
}

/** CPR: DDMMYY-SSSS with a real birth date (the 7th digit fixes the century). */
export const validCpr = (v: string): boolean => !allSame(digitsOf(v)) && stdCpr(v);

/** HETU: DDMMYY, century sign, 3-digit individual number, mod-31 check character. */
export const validHetu = (v: string): boolean => stdHetu(v);

/** Fødselsnummer: DDMMYY (D/H-number offsets allowed), 3-digit individual number, two mod-11 check digits. */
export const validFodselsnummer = (v: string): boolean => !allSame(digitsOf(v)) && stdFnr(digitsOf(v));

export const europeNorthDetectors: Detector[] = [
  {
    id: 'pl-pesel',
    name: 'Polish PESEL',
    category: 'pii',
    description:
      'Eleven digits: birth date (century coded in the month), serial and a weighted check digit (stdnum); needs a PESEL keyword.',
    trigger: { digits: 11 },
    pattern: /(?<![\w.-])(?<value>\d{11})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validPesel,
    context: ['pesel', 'numer ewidencyjny', 'dowód osobisty', 'dowod osobisty'],
    requiresContext: true,
    examples: ex['pl-pesel'],
  },
  {
    id: 'se-personnummer',
    name: 'Swedish personal identity number',
    category: 'pii',
    description:
      'YYMMDD-NNNN, YYMMDD+NNNN or YYYYMMDD-NNNN with a real (or coordination) date and Luhn over 10 digits; needs a keyword.',
    trigger: { digits: 10 },
    pattern: /(?<![\w.-])(?<value>(?:19|20)?\d{2}(?:0[1-9]|1[0-2])\d{2}[-+]?\d{4})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validPersonnummer,
    context: ['personnummer', 'personnr', 'samordningsnummer', 'skatteverket'],
    requiresContext: true,
    examples: ex['se-personnummer'],
  },
  {
    id: 'dk-cpr',
    name: 'Danish CPR number',
    category: 'pii',
    description: 'DDMMYY-SSSS with a real birth date (no checksum since 2007), so reported only near a CPR keyword.',
    trigger: { digits: 10 },
    pattern: /(?<![\w.-])(?<value>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validCpr,
    context: ['cpr', 'cpr-nummer', 'cpr-nr', 'personnummer', 'sundhedskort'],
    requiresContext: true,
    examples: ex['dk-cpr'],
  },
  {
    id: 'fi-hetu',
    name: 'Finnish personal identity code (HETU)',
    category: 'pii',
    description:
      'DDMMYY, a century sign (- + A-F U-Y), three digits and the mod-31 check character (stdnum); needs a keyword.',
    trigger: { digits: 6 },
    pattern:
      /(?<![\w.-])(?<value>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-+A-FU-Y]\d{3}[\dA-FHJ-NPR-Y])(?![\w-])/g,
    confidence: 'medium',
    validate: validHetu,
    context: ['hetu', 'henkilötunnus', 'henkilotunnus', 'personal identity code', 'sotu', 'personbeteckning'],
    requiresContext: true,
    examples: ex['fi-hetu'],
  },
  {
    id: 'no-fodselsnummer',
    name: 'Norwegian national identity number (fødselsnummer)',
    category: 'pii',
    description: 'Eleven digits: birth date (D/H offsets), individual number and two mod-11 check digits (stdnum).',
    trigger: { digits: 11 },
    pattern: /(?<![\w.-])(?<value>[0-7]\d[0-5]\d{3} ?\d{5})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validFodselsnummer,
    context: ['fødselsnummer', 'fodselsnummer', 'personnummer', 'f.nr', 'fnr'],
    examples: ex['no-fodselsnummer'],
  },
];
