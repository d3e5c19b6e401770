import { describe, expect, it } from 'vitest';
import { piiGenerators, seedGenerators } from '../generators-pii.ts';
import { bumpLastDigit } from '../pii/detector-checks.ts';
import { healthDetectors, validDea, validIcd10, validMbi, validNpi } from './health.ts';

describe('health validators', () => {
  it('checks NPI with the 80840 Luhn prefix', () => {
    expect(validNpi('1681771279')).toBe(true);
    expect(validNpi('1681771270')).toBe(false);
    expect(validNpi('3681771279')).toBe(false);
  });

  it('checks the DEA checksum and registrant letters', () => {
    expect(validDea('FS4757730')).toBe(true);
    expect(validDea('FS4757731')).toBe(false);
    expect(validDea('IS4757730')).toBe(false);
  });

  it('checks MBI positions and excluded letters', () => {
    expect(validMbi('4WH6-NX4-KR86')).toBe(true);
    expect(validMbi('4WH6NX4KR86')).toBe(true);
    expect(validMbi('4SH6-NX4-KR86')).toBe(false);
    expect(validMbi('4WH6-NX4-K186')).toBe(false);
  });

  it('needs an ICD label right before a code without decimals', () => {
    expect(validIcd10('F41.1')).toBe(true);
    expect(validIcd10('F411.1')).toBe(false);
    const re = healthDetectors.find((d) => d.id === 'icd-10-code')!.pattern;
    const run = (text: string) => {
      const r = new RegExp(re.source, re.flags);
      const m = r.exec(text)!;
      return validIcd10(m.groups!.value!, m);
    };
    expect(run('Primary dx: I10 essential hypertension')).toBe(true);
    expect(run('see section I10 of the manual')).toBe(false);
  });

  it('rejects one-digit changes of generated NPI and DEA values', () => {
    seedGenerators(21);
    for (let i = 0; i < 30; i++) {
      const npi = piiGenerators['us-npi']!();
      expect(validNpi(npi)).toBe(true);
      expect(validNpi(bumpLastDigit(npi))).toBe(false);
      const dea = piiGenerators['dea-number']!();
      expect(validDea(dea)).toBe(true);
      expect(validDea(bumpLastDigit(dea))).toBe(false);
    }
  });
});
