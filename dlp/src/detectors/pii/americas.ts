/** Canada, Brazil, Mexico and Argentina personal identifiers. */
import * as cuit from 'stdnum/lib/esm/ar/cuit.js';
import * as cpf from 'stdnum/lib/esm/br/cpf.js';
import * as sin from 'stdnum/lib/esm/ca/sin.js';
import * as curp from 'stdnum/lib/esm/mx/curp.js';
import * as rfc from 'stdnum/lib/esm/mx/rfc.js';
import type { Detector } from '../../types.ts';
import { allSame, digitsOf, stdnumCheck } from './checks.ts';
import { americasExamples as ex } from './examples-americas.ts';

const stdSin = stdnumCheck(sin.validate);
const stdCpf = stdnumCheck(cpf.validate);
const stdCurp = stdnumCheck(curp.validate);
const stdRfc = stdnumCheck(rfc.validate);
const stdCuit = stdnumCheck(cuit.validate);

/** SIN: 9 digits, Luhn, first digit not 0 or 8. */
export function validSin(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 9 && !allSame(d) && stdSin(d);
}

/** CPF: 11 digits with two mod-11 check digits; repeated digits rejected. */
export function validCpf(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 11 && !allSame(d) && stdCpf(d);
}

/** CURP: 18 characters (name letters, birth date, sex, state, consonants) and a final check digit. */
export function validCurp(value: string): boolean {
  return stdCurp(value);
}

/** RFC of a person: 4 letters, birth date, 3-character homoclave ending in a mod-11 check character. */
export function validRfc(value: string): boolean {
  return value.length === 13 && stdRfc(value);
}

/** CUIT/CUIL of a person: prefix 20, 23, 24 or 27, 8-digit DNI, mod-11 check digit. */
export function validCuil(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 11 && /^(?:20|23|24|27)/.test(d) && stdCuit(d);
}

const curpStates = 'AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE';

export const americasDetectors: Detector[] = [
  {
    id: 'ca-sin',
    name: 'Canadian Social Insurance number',
    category: 'pii',
    description: 'Nine digits (often 3-3-3) passing Luhn, first digit not 0 or 8; reported only near a SIN keyword.',
    trigger: { digits: 9 },
    pattern: /(?<![\w.-])(?<value>[1-79]\d{2}(?<s>[ -]?)\d{3}\k<s>\d{3})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validSin,
    context: ['social insurance', 'sin number', 'sin no', 'sin#', 'sin:', 'assurance sociale', 'service canada'],
    requiresContext: true,
    examples: ex['ca-sin'],
  },
  {
    id: 'br-cpf',
    name: 'Brazilian CPF',
    category: 'pii',
    description: 'A CPF written 000.000.000-00 whose two mod-11 check digits pass (stdnum).',
    trigger: { digits: 11 },
    pattern: /(?<![\w.-])(?<value>\d{3}\.\d{3}\.\d{3}-\d{2})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validCpf,
    context: ['cpf', 'cadastro de pessoas', 'pessoa física', 'pessoa fisica', 'receita federal'],
    examples: ex['br-cpf'],
  },
  {
    id: 'br-cpf-unformatted',
    name: 'Brazilian CPF (no separators)',
    category: 'pii',
    description: 'Eleven bare digits whose two CPF check digits pass; reported only near a CPF keyword.',
    trigger: { digits: 11 },
    pattern: /(?<![\w.-])(?<value>\d{11})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validCpf,
    context: ['cpf', 'cadastro de pessoas', 'pessoa física', 'pessoa fisica'],
    requiresContext: true,
    examples: ex['br-cpf-unformatted'],
  },
  {
    id: 'mx-curp',
    name: 'Mexican CURP',
    category: 'pii',
    description: 'The 18-character CURP (name letters, birth date, sex, state code, consonants) with its check digit.',
    trigger: { digits: 6 },
    // Four letters before the date digits, eight characters after them.
    window: 10,
    pattern: new RegExp(
      `(?<![\\w-])(?<value>[A-Z][AEIOUX][A-Z]{2}\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])[HMX](?:${curpStates})[B-DF-HJ-NP-TV-Z]{3}[A-Z\\d]\\d)(?![\\w-])`,
      'g',
    ),
    confidence: 'high',
    validate: validCurp,
    context: ['curp', 'clave única', 'clave unica', 'registro de población'],
    examples: ex['mx-curp'],
  },
  {
    id: 'mx-rfc',
    name: 'Mexican RFC (individual)',
    category: 'pii',
    description:
      'The 13-character RFC of a person: name letters, birth date and a homoclave whose last character is a mod-11 check.',
    trigger: { digits: 6 },
    // Four letters before the date digits, the three-character homoclave after them.
    window: 6,
    pattern:
      /(?<![\w&-])(?<value>[A-ZÑ&]{4}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[1-9A-V][1-9A-Z][\dA])(?![\w-])/g,
    confidence: 'medium',
    validate: validRfc,
    context: ['rfc', 'registro federal de contribuyentes', 'factura', 'contribuyente'],
    examples: ex['mx-rfc'],
  },
  {
    id: 'ar-cuil',
    name: 'Argentine CUIT/CUIL (individual)',
    category: 'pii',
    description:
      'A CUIT/CUIL of a person written 20-12345678-9 (prefix 20, 23, 24 or 27) whose mod-11 check digit passes.',
    trigger: { digits: 11 },
    pattern: /(?<![\w.-])(?<value>(?:20|23|24|27)-\d{8}-\d)(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validCuil,
    context: ['cuit', 'cuil', 'afip', 'anses', 'dni'],
    examples: ex['ar-cuil'],
  },
];
