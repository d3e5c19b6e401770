/** Spain, Italy, France, Germany, Netherlands, Belgium, Portugal and Switzerland personal identifiers. */
import * as nn from 'stdnum/lib/esm/be/nn.js';
import * as ahv from 'stdnum/lib/esm/ch/ssn.js';
import * as idnr from 'stdnum/lib/esm/de/idnr.js';
import * as dni from 'stdnum/lib/esm/es/dni.js';
import * as nie from 'stdnum/lib/esm/es/nie.js';
import * as nir from 'stdnum/lib/esm/fr/nir.js';
import * as cf from 'stdnum/lib/esm/it/codicefiscale.js';
import * as bsn from 'stdnum/lib/esm/nl/bsn.js';
import * as ptNif from 'stdnum/lib/esm/pt/nif.js';
import type { Detector } from '../../types.ts';
import { allSame, digitsOf, isDate, stdnumCheck } from './checks.ts';
import { europeWestExamples as ex } from './examples-europe-west.ts';

const stdDni = stdnumCheck(dni.validate);
const stdNie = stdnumCheck(nie.validate);
const stdCf = stdnumCheck(cf.validate);
const stdNir = stdnumCheck(nir.validate);
const stdIdnr = stdnumCheck(idnr.validate);
const stdBsn = stdnumCheck(bsn.validate);
const stdNn = stdnumCheck(nn.validate);
const stdPtNif = stdnumCheck(ptNif.validate);
const stdAhv = stdnumCheck(ahv.validate);

export const validDni = (v: string): boolean => !allSame(digitsOf(v)) && stdDni(v);
export const validNie = (v: string): boolean => !allSame(digitsOf(v)) && stdNie(v);
export const validCodiceFiscale = (v: string): boolean => stdCf(v);

/** NIR: sex digit 1/2 (3, 7, 8 for provisional numbers), month, department (2A/2B for Corsica), key 97 - n mod 97. */
export function validNir(value: string): boolean {
  const v = value.replace(/ /g, '');
  return v.length === 15 && /^[12378]/.test(v) && stdNir(v);
}

/** Steuer-ID: 11 digits, no leading 0, one digit twice or three times (never three in a row) in the first ten, ISO 7064 mod 11,10. */
export function validSteuerId(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || !stdIdnr(d)) return false;
  const head = d.slice(0, 10);
  const counts = new Map<string, number>();
  for (const c of head) counts.set(c, (counts.get(c) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  if (repeated.length !== 1 || (repeated[0] ?? 0) > 3) return false;
  return !/(\d)\1\1/.test(head);
}

/** BSN: 9 digits passing the 11-proof (weights 9..2 and -1). */
export const validBsn = (v: string): boolean => !allSame(digitsOf(v)) && stdBsn(digitsOf(v));

/** Belgian national number: a real YYMMDD birth date, serial, 2-digit mod-97 check (19xx or 20xx births). */
export function validBeNationalNumber(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || !stdNn(d)) return false;
  const yy = Number(d.slice(0, 2));
  const mm = Number(d.slice(2, 4));
  const dd = Number(d.slice(4, 6));
  return isDate(1900 + yy, mm, dd) || isDate(2000 + yy, mm, dd);
}

/** Portuguese NIF of a person: 9 digits starting 1, 2 or 3, mod-11 check digit. */
export const validPtNif = (v: string): boolean => /^[123]/.test(digitsOf(v)) && !allSame(digitsOf(v)) && stdPtNif(v);

/** Swiss AHV/AVS number: 756, nine digits and an EAN-13 check digit. */
export const validAhv = (v: string): boolean => stdAhv(v);

export const europeWestDetectors: Detector[] = [
  {
    id: 'es-dni',
    name: 'Spanish DNI',
    category: 'pii',
    description: 'Eight digits and the mod-23 control letter (stdnum).',
    trigger: { digits: 8 },
    pattern: /(?<![\w.-])(?<value>\d{8}-?[A-HJ-NP-TV-Z])(?![\w-])/g,
    confidence: 'medium',
    validate: validDni,
    context: ['dni', 'nif', 'documento nacional', 'identidad'],
    examples: ex['es-dni'],
  },
  {
    id: 'es-nie',
    name: 'Spanish NIE (foreigner id)',
    category: 'pii',
    description: 'X, Y or Z, seven digits and the mod-23 control letter (stdnum).',
    trigger: { digits: 7 },
    pattern: /(?<![\w.-])(?<value>[XYZ]-?\d{7}-?[A-HJ-NP-TV-Z])(?![\w-])/g,
    confidence: 'medium',
    validate: validNie,
    context: ['nie', 'extranjero', 'tarjeta de residencia', 'residencia'],
    examples: ex['es-nie'],
  },
  {
    id: 'it-codice-fiscale',
    name: 'Italian codice fiscale',
    category: 'pii',
    description:
      'Sixteen characters (surname and name letters, birth date and sex, municipality) ending in the check character (stdnum).',
    trigger: { digits: 2 },
    pattern: /(?<![\w-])(?<value>[A-Z]{6}[\dLMNP-V]{2}[A-EHLMPR-T][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z])(?![\w-])/g,
    confidence: 'high',
    validate: validCodiceFiscale,
    context: ['codice fiscale', 'cod. fisc', 'c.f.', 'tessera sanitaria', 'agenzia delle entrate'],
    examples: ex['it-codice-fiscale'],
  },
  {
    id: 'fr-nir',
    name: 'French social security number (NIR)',
    category: 'pii',
    description:
      'Fifteen digits (sex, birth year and month, department incl. 2A/2B, commune, order) with key 97 - n mod 97.',
    trigger: { digits: 6 },
    pattern:
      /(?<![\w.-])(?<value>[12378](?<s> ?)\d{2}\k<s>(?:0[1-9]|1[0-2]|[2-9]\d)\k<s>(?:\d{2}|2[AB])\k<s>\d{3}\k<s>\d{3}\k<s>\d{2})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validNir,
    context: ['sécurité sociale', 'securite sociale', 'numéro de sécu', 'nir', 'insee', 'carte vitale', 'ameli'],
    examples: ex['fr-nir'],
  },
  {
    id: 'de-steuer-id',
    name: 'German tax identification number (Steuer-ID)',
    category: 'pii',
    description:
      'Eleven digits with the digit-repetition rule and the ISO 7064 mod 11,10 check; reported only near a tax-id keyword.',
    trigger: { digits: 11 },
    pattern: /(?<![\w.-])(?<value>[1-9]\d(?<s> ?)\d{3}\k<s>\d{3}\k<s>\d{3})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validSteuerId,
    context: ['steuer-id', 'steuerid', 'identifikationsnummer', 'steuerliche', 'idnr', 'tax id', 'finanzamt'],
    requiresContext: true,
    examples: ex['de-steuer-id'],
  },
  {
    id: 'nl-bsn',
    name: 'Dutch citizen service number (BSN)',
    category: 'pii',
    description: 'Nine digits passing the 11-proof (stdnum); reported only near a BSN keyword.',
    trigger: { digits: 9 },
    pattern: /(?<![\w.-])(?<value>\d{4}\.?\d{2}\.?\d{3}|\d{3} \d{3} \d{3})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validBsn,
    context: ['bsn', 'burgerservicenummer', 'sofinummer', 'citizen service number'],
    requiresContext: true,
    examples: ex['nl-bsn'],
  },
  {
    id: 'be-national-number',
    name: 'Belgian national register number',
    category: 'pii',
    description: 'YY.MM.DD-SSS.CC: a real birth date, a serial and a mod-97 check (stdnum).',
    trigger: { digits: 11 },
    pattern: /(?<![\w.-])(?<value>\d{2}(?<s>\.?)\d{2}\k<s>\d{2}[- ]?\d{3}\k<s>\d{2})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validBeNationalNumber,
    context: [
      'rijksregisternummer',
      'rijksregister',
      'registre national',
      'numéro national',
      'national number',
      'insz',
      'niss',
    ],
    examples: ex['be-national-number'],
  },
  {
    id: 'pt-nif',
    name: 'Portuguese tax number (NIF) of a person',
    category: 'pii',
    description: 'Nine digits starting 1-3 with a mod-11 check digit (stdnum); reported only near a NIF keyword.',
    trigger: { digits: 9 },
    pattern: /(?<![\w.-])(?<value>[123]\d{2} ?\d{3} ?\d{3})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validPtNif,
    context: ['nif', 'contribuinte', 'número fiscal', 'numero fiscal', 'finanças'],
    requiresContext: true,
    examples: ex['pt-nif'],
  },
  {
    id: 'ch-ahv',
    name: 'Swiss social security number (AHV/AVS)',
    category: 'pii',
    description: '756.XXXX.XXXX.XX: the Swiss prefix, nine digits and an EAN-13 check digit (stdnum).',
    trigger: { digits: 13 },
    pattern: /(?<![\w.-])(?<value>756(?<s>\.?)\d{4}\k<s>\d{4}\k<s>\d{2})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validAhv,
    context: ['ahv', 'avs', 'sozialversicherung', 'assurance-vieillesse', 'social security'],
    examples: ex['ch-ahv'],
  },
];
