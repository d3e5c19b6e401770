import { describe, expect, it } from 'vitest';
import { piiGenerators, seedGenerators } from '../generators-pii.ts';
import { bumpLastDigit } from '../pii/detector-checks.ts';
import { validAba, validBic, validCnpj, validEin } from './banking.ts';
import {
  base58Decode,
  base58Encode,
  eip55,
  validBase58Address,
  validEip55Address,
  validPlainEthAddress,
  validSegwitAddress,
} from './crypto-checks.ts';

describe('bank and organisation identifiers', () => {
  it('checks ABA routing numbers (prefix and 3-7-1)', () => {
    expect(validAba('037920768')).toBe(true);
    expect(validAba('037920769')).toBe(false);
    expect(validAba('137920768')).toBe(false);
    expect(validAba('507920768')).toBe(false);
  });

  it('checks EIN prefixes, CNPJ check digits and BIC structure', () => {
    expect(validEin('45-4061167')).toBe(true);
    expect(validEin('00-4061167')).toBe(false);
    expect(validCnpj('98.709.191/0001-60')).toBe(true);
    expect(validCnpj('98.709.191/0001-61')).toBe(false);
    expect(validBic('RABOCAW4')).toBe(true);
    expect(validBic('CHASAUM2XXX')).toBe(true);
    expect(validBic('CHASQQM2XXX')).toBe(false);
    expect(validBic('CHASAUM0')).toBe(false);
    expect(validBic('chasaum2')).toBe(false);
  });

  it('rejects one-digit changes of generated ABA, CNPJ values', () => {
    seedGenerators(5);
    for (const id of ['aba-routing-number', 'br-cnpj', 'br-cnpj-unformatted']) {
      for (let i = 0; i < 30; i++) {
        const v = piiGenerators[id]!();
        const check = id === 'aba-routing-number' ? validAba : validCnpj;
        expect(check(v), v).toBe(true);
        expect(check(bumpLastDigit(v)), v).toBe(false);
      }
    }
  });
});

describe('crypto addresses', () => {
  it('round-trips Base58 with leading zero bytes', () => {
    const data = Uint8Array.from([0, 0, 1, 2, 255, 128]);
    expect(base58Decode(base58Encode(data))).toEqual(data);
    expect(base58Decode('0OIl')).toBeNull();
  });

  it('verifies Base58Check addresses', () => {
    expect(validBase58Address('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe(true);
    expect(validBase58Address('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toBe(false);
    expect(validBase58Address('35nBXpJRvT6VKxzV3VPZ7A3e5eC1KW3Uzd')).toBe(true);
    expect(validBase58Address('35nBXpJRvT6VKxzV3VPZ7A3e5eC1KW3Uze')).toBe(false);
  });

  it('verifies Bech32 (v0) and Bech32m (v1) addresses from the BIP-173/350 specifications', () => {
    expect(validSegwitAddress('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBe(true);
    expect(validSegwitAddress('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toBe(true);
    expect(validSegwitAddress('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toBe(false);
    expect(validSegwitAddress('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0')).toBe(true);
    expect(validSegwitAddress('bc1Qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBe(false);
  });

  it('rejects a v1 address checksummed with Bech32 instead of Bech32m, and generated values validate', () => {
    seedGenerators(11);
    for (let i = 0; i < 30; i++) {
      const v = piiGenerators['bitcoin-address-bech32']!();
      expect(validSegwitAddress(v), v).toBe(true);
      const last = v.at(-1) === 'q' ? 'p' : 'q';
      expect(validSegwitAddress(v.slice(0, -1) + last)).toBe(false);
      const b58 = piiGenerators['bitcoin-address-base58']!();
      expect(validBase58Address(b58), b58).toBe(true);
    }
  });

  it('applies EIP-55 capitalisation (specification vector and generated values)', () => {
    expect(validEip55Address('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe(true);
    expect(validEip55Address('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false);
    expect(eip55('5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe('5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
    expect(validPlainEthAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(true);
    expect(validPlainEthAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe(false);
    seedGenerators(3);
    for (let i = 0; i < 20; i++) expect(validEip55Address(piiGenerators['ethereum-address']!())).toBe(true);
  });
});
