import { describe, expect, it } from 'vitest';
import { piiGenerators, seedGenerators } from '../generators-pii.ts';
import { validCpf, validCuil, validCurp, validRfc, validSin } from './americas.ts';
import { validAadhaar, validMyNumber, validNric, validPan, validRic, validRrn } from './asia.ts';
import { bumpDigitFrom, bumpLastDigit } from './detector-checks.ts';
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
import { piiDetectors } from './index.ts';
import { mrzCheckDigit, validTd1, validTd3 } from './mrz.ts';
import { validMedicare, validTcKimlik, validTeudatZehut, validTfn, validZaId } from './other.ts';
import { validNhs, validNino, validPps } from './uk-ie.ts';
import { validItin, validSsn } from './us.ts';

/** [validator, a valid value from this project's generator, the same value with one character changed]. */
const vectors: [string, (v: string) => boolean, string, string][] = [
  ['nhs', validNhs, '767 864 4221', '767 864 4231'],
  ['pps', validPps, '1788182BA', '1788183BA'],
  ['sin', validSin, '206 178 790', '206 178 791'],
  ['cpf', validCpf, '030.110.021-77', '030.110.021-78'],
  ['curp', validCurp, 'HITW950706MVZZFQ04', 'HITW950706MVZZFQ05'],
  ['rfc', validRfc, 'PSIJ920123J33', 'PSIJ920123J34'],
  ['cuil', validCuil, '27-40245412-7', '27-40245412-8'],
  ['aadhaar', validAadhaar, '8252 8935 9249', '8252 8935 9248'],
  ['resident id', validRic, '310104198904118002', '310104198904118003'],
  ['rrn', validRrn, '760723-2124546', '760723-2124547'],
  ['nric S', validNric, 'S0210945Z', 'S0210945A'],
  ['nric T', validNric, 'T1157269Z', 'T1157279Z'],
  ['nric F', validNric, 'F6229530U', 'F6229530W'],
  ['nric G', validNric, 'G3767911P', 'G3767912P'],
  ['nric M', validNric, 'M1538785P', 'M1538786P'],
  ['my number', validMyNumber, '2239 9851 9615', '2239 9851 9616'],
  ['dni', validDni, '81483277G', '81483277H'],
  ['nie', validNie, 'X6412334A', 'X6412334B'],
  ['codice fiscale', validCodiceFiscale, 'NHWWWB88L56A798I', 'NHWWWB88L56A798J'],
  ['nir', validNir, '2 94 12 76 416 970 63', '2 94 12 76 416 970 64'],
  ['steuer-id', validSteuerId, '30954126848', '30954126849'],
  ['bsn', validBsn, '679331918', '679331919'],
  ['be national number', validBeNationalNumber, '80.04.14-947.50', '80.04.14-947.51'],
  ['pt nif', validPtNif, '115718010', '115718011'],
  ['ahv', validAhv, '756.0947.3657.07', '756.0947.3657.08'],
  ['pesel', validPesel, '50021941460', '50021941461'],
  ['personnummer', validPersonnummer, '941203-7450', '941203-7451'],
  ['hetu', validHetu, '140252-326K', '140252-326L'],
  ['fodselsnummer', validFodselsnummer, '20109217027', '20109217028'],
  ['tfn', validTfn, '805 479 169', '805 479 168'],
  ['medicare', validMedicare, '6667 95207 4', '6667 95217 4'],
  ['za id', validZaId, '5404140460188', '5404140460189'],
  ['teudat zehut', validTeudatZehut, '369854757', '369854758'],
  ['tc kimlik', validTcKimlik, '22216462960', '22216462961'],
];

describe('personal-identifier validators', () => {
  it.each(vectors)('%s: accepts the valid value and rejects the one-character change', (_n, validate, good, bad) => {
    expect(validate(good)).toBe(true);
    expect(validate(bad)).toBe(false);
  });

  it('applies the SSN rules and rejects published sample numbers', () => {
    expect(validSsn('622-35-5384')).toBe(true);
    for (const v of [
      '000-35-5384',
      '666-35-5384',
      '922-35-5384',
      '622-00-5384',
      '622-35-0000',
      '078-05-1120',
      '219-09-9999',
    ]) {
      expect(validSsn(v), v).toBe(false);
    }
  });

  it('applies the ITIN group ranges', () => {
    for (const v of ['904-50-1798', '904-65-1798', '904-70-1798', '904-88-1798', '904-92-1798', '904-99-1798'])
      expect(validItin(v), v).toBe(true);
    for (const v of ['904-49-1798', '904-66-1798', '904-89-1798', '904-93-1798', '804-81-1798'])
      expect(validItin(v), v).toBe(false);
  });

  it('applies the NINO prefix rules and the PAN holder types', () => {
    expect(validNino('JY791774B')).toBe(true);
    for (const v of [
      'BG791774B',
      'GB791774B',
      'NK791774B',
      'TN791774B',
      'ZZ791774B',
      'DY791774B',
      'JO791774B',
      'JY791774E',
    ]) {
      expect(validNino(v), v).toBe(false);
    }
    expect(validPan('WGEPP0692A')).toBe(true);
    expect(validPan('WGEXP0692A')).toBe(false);
  });

  it('accepts the 12-digit and + forms of a personnummer', () => {
    for (const v of ['19941203-7450', '199412037450', '941203+7450', '9412037450'])
      expect(validPersonnummer(v), v).toBe(true);
    expect(validPersonnummer('19941203-7451')).toBe(false);
  });

  it('checks CPR dates (no checksum)', () => {
    expect(validCpr('190196-0458')).toBe(true);
    expect(validCpr('310296-0458')).toBe(false);
  });

  it('computes MRZ check digits with weights 7-3-1', () => {
    expect(mrzCheckDigit('000000000')).toBe(0);
    expect(mrzCheckDigit('A')).toBe(0);
    expect(mrzCheckDigit('B')).toBe(7);
    expect(mrzCheckDigit('<<1')).toBe(1);
    expect(mrzCheckDigit('12')).toBe(3);
  });

  it('rejects an MRZ with any broken check digit', () => {
    seedGenerators(9);
    for (let i = 0; i < 20; i++) {
      const td3 = piiGenerators['mrz-td3']!();
      expect(validTd3(td3)).toBe(true);
      const l2 = td3.indexOf('\n') + 1;
      for (const at of [0, 13, 21, 28]) expect(validTd3(bumpDigitFrom(td3, l2 + at))).toBe(false);
      const td1 = piiGenerators['mrz-td1']!();
      expect(validTd1(td1)).toBe(true);
      expect(validTd1(bumpDigitFrom(td1, td1.indexOf('\n') + 1))).toBe(false);
    }
  });
});

/** Detectors without a checksum: a changed digit may still be a valid value. */
const noChecksum = new Set([
  'us-ssn',
  'us-ssn-unformatted',
  'us-itin',
  'passport-number',
  'us-drivers-license',
  'uk-nino',
  'in-pan',
  'dk-cpr',
]);
/** RFC check characters are accepted in two alphabets (official and legacy), so a change slips through now and then. */
const lenient = new Set(['mx-rfc']);
/** Where the check digit is not the last digit. */
const mutate: Record<string, (v: string) => string> = {
  'au-medicare': (v) => bumpDigitFrom(v, 0),
  'mrz-td3': (v) => bumpDigitFrom(v, v.indexOf('\n') + 14),
  'mrz-td2': (v) => bumpDigitFrom(v, v.indexOf('\n') + 14),
  'mrz-td1': (v) => bumpDigitFrom(v, v.indexOf('\n') + 1),
};

describe('one-digit changes of generated values fail the checksum', () => {
  it.each(piiDetectors.filter((d) => !noChecksum.has(d.id)).map((d) => [d.id, d] as const))('%s', (id, d) => {
    seedGenerators(77);
    let caught = 0;
    for (let i = 0; i < 40; i++) {
      const value = piiGenerators[id]!();
      expect(d.validate!(value), value).toBe(true);
      const changed = (mutate[id] ?? bumpLastDigit)(value);
      if (!d.validate!(changed)) caught++;
      else expect(lenient.has(id), `${value} → ${changed}`).toBe(true);
    }
    expect(caught).toBeGreaterThanOrEqual(lenient.has(id) ? 32 : 40);
  });
});
