/** Machine-readable zones of passports (TD3) and ID cards (TD1, TD2), confirmed by their 7-3-1 check digits. */
import type { Detector } from '../../types.ts';
import { mrzExamples as ex } from './examples-mrz.ts';

/** ICAO 9303 check digit: digits as-is, A-Z as 10-35, `<` as 0; weights 7 3 1 repeating; sum mod 10. */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += v * (weights[i % 3] ?? 0);
  }
  return sum % 10;
}

/** True when `check` is the check digit of `field` (a `<` check is accepted only for an all-filler field). */
function checks(field: string, check: string | undefined): boolean {
  if (check === '<') return /^<+$/.test(field);
  return check !== undefined && Number(check) === mrzCheckDigit(field);
}

function lines(value: string): string[] {
  return value.split(/\r?\n/);
}

/** TD3 (passport, 2 × 44): document number, birth date, expiry, personal number and composite check digits. */
export function validTd3(value: string): boolean {
  const [, l2 = ''] = lines(value);
  if (l2.length !== 44) return false;
  return (
    checks(l2.slice(0, 9), l2[9]) &&
    checks(l2.slice(13, 19), l2[19]) &&
    checks(l2.slice(21, 27), l2[27]) &&
    checks(l2.slice(28, 42), l2[42]) &&
    checks(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), l2[43])
  );
}

/** TD2 (2 × 36): document number, birth date, expiry and composite check digits. */
export function validTd2(value: string): boolean {
  const [, l2 = ''] = lines(value);
  if (l2.length !== 36) return false;
  return (
    checks(l2.slice(0, 9), l2[9]) &&
    checks(l2.slice(13, 19), l2[19]) &&
    checks(l2.slice(21, 27), l2[27]) &&
    checks(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35), l2[35])
  );
}

/** TD1 (ID card, 3 × 30): document number, birth date, expiry and composite check digits. */
export function validTd1(value: string): boolean {
  const [l1 = '', l2 = ''] = lines(value);
  if (l1.length !== 30 || l2.length !== 30) return false;
  return (
    checks(l1.slice(5, 14), l1[14]) &&
    checks(l2.slice(0, 6), l2[6]) &&
    checks(l2.slice(8, 14), l2[14]) &&
    checks(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2[29])
  );
}

const mrzContext = ['passport', 'mrz', 'machine readable', 'identity card', 'id card', 'travel document'];

export const mrzDetectors: Detector[] = [
  {
    id: 'mrz-td3',
    name: 'Passport machine-readable zone (TD3)',
    category: 'pii',
    description: 'Two 44-character MRZ lines of a passport whose five 7-3-1 check digits all pass.',
    trigger: { char: '<' },
    pattern:
      /(?<![A-Z0-9<])(?<value>P[A-Z<][A-Z<]{3}[A-Z<]{39}\r?\n[A-Z0-9<]{9}\d[A-Z<]{3}\d{7}[MFX<]\d{7}[A-Z0-9<]{14}[\d<]\d)(?![A-Z0-9<])/g,
    confidence: 'high',
    validate: validTd3,
    context: mrzContext,
    examples: ex['mrz-td3'],
  },
  {
    id: 'mrz-td2',
    name: 'ID document machine-readable zone (TD2)',
    category: 'pii',
    description: 'Two 36-character MRZ lines of an ID card or visa whose four 7-3-1 check digits all pass.',
    trigger: { char: '<' },
    pattern:
      /(?<![A-Z0-9<])(?<value>[ACIV][A-Z<][A-Z<]{3}[A-Z<]{31}\r?\n[A-Z0-9<]{9}\d[A-Z<]{3}\d{7}[MFX<]\d{7}[A-Z0-9<]{7}\d)(?![A-Z0-9<])/g,
    confidence: 'high',
    validate: validTd2,
    context: mrzContext,
    examples: ex['mrz-td2'],
  },
  {
    id: 'mrz-td1',
    name: 'ID card machine-readable zone (TD1)',
    category: 'pii',
    description: 'Three 30-character MRZ lines of an ID card whose four 7-3-1 check digits all pass.',
    trigger: { char: '<' },
    pattern:
      /(?<![A-Z0-9<])(?<value>[ACI][A-Z<][A-Z<]{3}[A-Z0-9<]{9}[\d<][A-Z0-9<]{15}\r?\n\d{7}[MFX<]\d{7}[A-Z<]{3}[A-Z0-9<]{11}\d\r?\n[A-Z<]{30})(?![A-Z0-9<])/g,
    confidence: 'high',
    validate: validTd1,
    context: mrzContext,
    examples: ex['mrz-td1'],
  },
];
