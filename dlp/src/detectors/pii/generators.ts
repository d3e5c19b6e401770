/** Random valid values for the personal-identifier detectors (fictional: drawn at random, checked by the validators). */

import { validCpf, validCuil, validCurp, validRfc, validSin } from './americas.ts';
import { myNumberCheck, validAadhaar, validNric, validPan, validRic, validRrn } from './asia.ts';
import { validCpr, validFodselsnummer, validHetu, validPersonnummer, validPesel } from './europe-north.ts';
import {
  validAhv,
  validBeNationalNumber,
  validBsn,
  validCodiceFiscale,
  validDni,
  validNie,
  validNir,
  validPtNif,
  validSteuerId,
} from './europe-west.ts';
import { mrzCheckDigit } from './mrz.ts';
import { validMedicare, validTcKimlik, validTeudatZehut, validTfn, validZaId } from './other.ts';
import { chars, date, digits, int, pad, pick, until } from './random.ts';
import { validNhs, validNino, validPps } from './uk-ie.ts';
import { validItin, validSsn } from './us.ts';

const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CONS = 'BCDFGHJKLMNPQRSTVWXZ';
const yymmdd = (from: number, to: number): string => {
  const [y, m, d] = date(from, to);
  return pad(y % 100, 2) + pad(m, 2) + pad(d, 2);
};
const ddmmyy = (from: number, to: number): string => {
  const [y, m, d] = date(from, to);
  return pad(d, 2) + pad(m, 2) + pad(y % 100, 2);
};
const surnames = ['OKAFOR', 'LINDQVIST', 'MARTINEZ', 'NAKAMURA', 'BRENNAN', 'KOWALCZYK', 'DUBOIS', 'HALVORSEN'];
const givens = ['AMARA', 'JONAS', 'LUCIA', 'KENJI', 'NIAMH', 'TOMASZ', 'CLAIRE', 'INGRID'];
const states = ['UTO', 'D<<', 'FRA', 'NLD', 'CAN', 'GBR', 'SWE', 'ESP'];
const sex = (): string => pick(['M', 'F']);
const chk = (f: string): string => String(mrzCheckDigit(f));
const fill = (s: string, n: number): string => s.padEnd(n, '<').slice(0, n);

function td3(): string {
  const l1 = fill(`P<${pick(states)}${pick(surnames)}<<${pick(givens)}`, 44);
  const doc = chars(`${UP}0123456789`, 2) + digits(7);
  const dob = yymmdd(1950, 2005);
  const exp = yymmdd(2026, 2035);
  const personal = '<<<<<<<<<<<<<<';
  const body = `${doc}${chk(doc)}${pick(states)}${dob}${chk(dob)}${sex()}${exp}${chk(exp)}${personal}<`;
  const comp = body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43);
  return `${l1}\n${body}${chk(comp)}`;
}

function td2(): string {
  const l1 = fill(`I<${pick(states)}${pick(surnames)}<<${pick(givens)}`, 36);
  const doc = chars(UP, 1) + digits(8);
  const dob = yymmdd(1950, 2005);
  const exp = yymmdd(2026, 2035);
  const body = `${doc}${chk(doc)}${pick(states)}${dob}${chk(dob)}${sex()}${exp}${chk(exp)}<<<<<<<`;
  const comp = body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 35);
  return `${l1}\n${body}${chk(comp)}`;
}

function td1(): string {
  const doc = chars(UP, 3) + digits(6);
  const l1 = fill(`I<${pick(states)}${doc}${chk(doc)}`, 30);
  const dob = yymmdd(1950, 2005);
  const exp = yymmdd(2026, 2035);
  const l2head = `${dob}${chk(dob)}${sex()}${exp}${chk(exp)}${pick(states)}<<<<<<<<<<<`;
  const comp = l1.slice(5, 30) + l2head.slice(0, 7) + l2head.slice(8, 15) + l2head.slice(18, 29);
  const l3 = fill(`${pick(surnames)}<<${pick(givens)}`, 30);
  return `${l1}\n${l2head}${chk(comp)}\n${l3}`;
}

function myNumber(): string {
  const body = String(int(1, 9)) + digits(10);
  const d = body + String(myNumberCheck(body));
  return `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}`;
}

function nric(): string {
  const p = pick(['S', 'T', 'F', 'G', 'M']);
  return until(() => p + digits(7) + chars(UP, 1), validNric);
}

function curp(): string {
  const st = pick(['DF', 'JC', 'NL', 'PL', 'VZ', 'YN', 'GT', 'MC']);
  const make = (): string =>
    chars(UP, 1) +
    pick(['A', 'E', 'I', 'O', 'U']) +
    chars(UP, 2) +
    yymmdd(1950, 1999) +
    pick(['H', 'M']) +
    st +
    chars(CONS, 3) +
    '0' +
    digits(1);
  return until(make, validCurp);
}

function codiceFiscale(): string {
  const month = 'ABCDEHLMPRST';
  const make = (): string => {
    const [y, m, d] = date(1950, 2004);
    const day = pad(d + pick([0, 40]), 2);
    return (
      chars(CONS, 6) + pad(y % 100, 2) + month[m - 1] + day + pick(['F', 'H', 'L', 'A']) + digits(3) + chars(UP, 1)
    );
  };
  return until(make, validCodiceFiscale);
}

function nir(): string {
  const make = (): string => {
    const body = `${int(1, 2)}${pad(int(50, 99), 2)}${pad(int(1, 12), 2)}${pad(int(1, 95), 2)}${digits(3)}${digits(3)}`;
    const key = 97 - (Number(body) % 97);
    return `${body.slice(0, 1)} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10)} ${pad(key, 2)}`;
  };
  return until(make, validNir);
}

function steuerId(): string {
  const make = (): string => {
    const pool = '0123456789'.split('').sort(() => int(0, 2) - 1);
    const head = pool.slice(0, 9);
    head.splice(int(1, 8), 0, head[int(0, 8)] ?? '1');
    const s = head.join('');
    return s + digits(1);
  };
  return until(make, (v) => v[0] !== '0' && validSteuerId(v));
}

function personnummer(): string {
  return until(() => `${yymmdd(1950, 2004)}-${digits(4)}`, validPersonnummer);
}

function medicare(): string {
  return until(() => `${int(2, 6)}${digits(3)} ${digits(5)} ${int(1, 9)}`, validMedicare);
}

export const piiValueGenerators: Record<string, () => string> = {
  'us-ssn': () => until(() => `${pad(int(1, 899), 3)}-${pad(int(1, 99), 2)}-${pad(int(1, 9999), 4)}`, validSsn),
  'us-ssn-unformatted': () =>
    until(() => `${pad(int(1, 899), 3)}${pad(int(1, 99), 2)}${pad(int(1, 9999), 4)}`, validSsn),
  'us-itin': () => until(() => `9${digits(2)}-${pick(['7', '8', '9'])}${digits(1)}-${digits(4)}`, validItin),
  'passport-number': () => pick([() => digits(1).replace('0', '5') + digits(8), () => chars(UP, 1) + digits(8)])(),
  'us-drivers-license': () => chars(UP, 1) + digits(int(7, 12)),
  'uk-nino': () =>
    until(
      () => `${chars('ABCEGHJKLMNPRSTWXYZ', 1)}${chars('ABCEGHJKLMNPRSTWXYZ', 1)}${digits(6)}${chars('ABCD', 1)}`,
      validNino,
    ),
  'uk-nhs-number': () => until(() => `${pick(['4', '6', '7'])}${digits(2)} ${digits(3)} ${digits(4)}`, validNhs),
  'ie-pps': () => until(() => digits(7) + chars('ABCDEFGHIJKLMNOPQRSTUVW', 1) + pick(['', 'A']), validPps),
  'ca-sin': () => until(() => `${int(1, 7)}${digits(2)} ${digits(3)} ${digits(3)}`, validSin),
  'br-cpf': () => until(() => `${digits(3)}.${digits(3)}.${digits(3)}-${digits(2)}`, validCpf),
  'br-cpf-unformatted': () => until(() => digits(11), validCpf),
  'mx-curp': curp,
  'mx-rfc': () =>
    until(
      () => chars(UP, 4) + yymmdd(1950, 2000) + chars('123456789ABCDEFGHIJ', 2) + chars('0123456789A', 1),
      validRfc,
    ),
  'ar-cuil': () => until(() => `${pick(['20', '23', '27'])}-${int(10, 45)}${digits(6)}-${digits(1)}`, validCuil),
  'in-aadhaar': () => until(() => `${int(2, 9)}${digits(3)} ${digits(4)} ${digits(4)}`, validAadhaar),
  'in-pan': () => until(() => chars(UP, 3) + 'P' + chars(UP, 1) + pad(int(1, 9999), 4) + chars(UP, 1), validPan),
  'cn-resident-id': () =>
    until(
      () =>
        `${pick(['110105', '310104', '440305', '510107'])}${1950 + int(0, 54)}${yymmdd(2000, 2000).slice(2)}${digits(4)}`,
      validRic,
    ),
  'kr-rrn': () => until(() => `${yymmdd(1950, 1999)}-${pick(['1', '2'])}${digits(6)}`, validRrn),
  'sg-nric': nric,
  'jp-my-number': myNumber,
  'es-dni': () => until(() => pad(int(1000000, 99999999), 8) + chars('TRWAGMYFPDXBNJZSQVHLCKE', 1), validDni),
  'es-nie': () => until(() => pick(['X', 'Y', 'Z']) + digits(7) + chars('TRWAGMYFPDXBNJZSQVHLCKE', 1), validNie),
  'it-codice-fiscale': codiceFiscale,
  'fr-nir': nir,
  'de-steuer-id': steuerId,
  'nl-bsn': () => until(() => String(int(1, 6)) + digits(8), validBsn),
  'be-national-number': () =>
    until(() => {
      const d = yymmdd(1950, 1999) + pad(int(1, 997), 3);
      const v = d + pad(97 - (Number(d) % 97), 2);
      return `${v.slice(0, 2)}.${v.slice(2, 4)}.${v.slice(4, 6)}-${v.slice(6, 9)}.${v.slice(9)}`;
    }, validBeNationalNumber),
  'pt-nif': () => until(() => String(int(1, 3)) + digits(8), validPtNif),
  'ch-ahv': () => until(() => `756.${digits(4)}.${digits(4)}.${digits(2)}`, validAhv),
  'pl-pesel': () => until(() => yymmdd(1950, 1999) + digits(5), validPesel),
  'se-personnummer': personnummer,
  'dk-cpr': () => until(() => `${ddmmyy(1950, 1999)}-${int(0, 3)}${digits(3)}`, validCpr),
  'fi-hetu': () =>
    until(
      () => `${ddmmyy(1950, 1999)}-${pad(int(2, 899), 3)}${chars('0123456789ABCDEFHJKLMNPRSTUVWXY', 1)}`,
      validHetu,
    ),
  'no-fodselsnummer': () => until(() => ddmmyy(1950, 1999) + pad(int(0, 499), 3) + digits(2), validFodselsnummer),
  'au-tfn': () => until(() => `${digits(3)} ${digits(3)} ${digits(3)}`, validTfn),
  'au-medicare': medicare,
  'za-id': () => until(() => yymmdd(1950, 2004) + digits(4) + pick(['0', '1']) + '8' + digits(1), validZaId),
  'il-teudat-zehut': () => until(() => String(int(1, 3)) + digits(8), validTeudatZehut),
  'tr-tc-kimlik': () => until(() => String(int(1, 9)) + digits(10), validTcKimlik),
  'mrz-td3': td3,
  'mrz-td2': td2,
  'mrz-td1': td1,
};
