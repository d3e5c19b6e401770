/** Random valid values for the financial detectors. */
import { chars, digits, int, pick, until } from '../pii/random.ts';
import { validAba, validBic, validCnpj, validEin } from './banking.ts';
import { base58Checksum, base58Encode, eip55, encodeSegwit } from './crypto-checks.ts';

function bytes(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => int(0, 255));
}

function base58Address(): string {
  const payload = new Uint8Array(21);
  payload[0] = pick([0x00, 0x05]);
  payload.set(bytes(20), 1);
  const full = new Uint8Array(25);
  full.set(payload);
  full.set(base58Checksum(payload), 21);
  return base58Encode(full);
}

function segwit(): string {
  const kind = int(0, 2);
  if (kind === 0) return encodeSegwit(0, bytes(20));
  if (kind === 1) return encodeSegwit(0, bytes(32));
  return encodeSegwit(1, bytes(32));
}

function hex40(): string {
  return chars('0123456789abcdef', 40);
}

const banks = ['NWBK', 'CHAS', 'BOFA', 'DEUT', 'BNPA', 'UBSW', 'HSBC', 'CITI', 'RABO', 'INGB'];
const bicCountries = ['GB', 'US', 'DE', 'FR', 'CH', 'NL', 'SG', 'JP', 'CA', 'AU'];

export const financialValueGenerators: Record<string, () => string> = {
  'us-ein': () =>
    until(() => `${pick(['12', '20', '27', '45', '46', '52', '61', '74', '81', '94'])}-${digits(7)}`, validEin),
  'aba-routing-number': () =>
    until(() => `${pick(['01', '02', '03', '06', '07', '11', '12', '21', '26', '31'])}${digits(7)}`, validAba),
  'br-cnpj': () => until(() => `${digits(2)}.${digits(3)}.${digits(3)}/0001-${digits(2)}`, validCnpj),
  'br-cnpj-unformatted': () => until(() => `${digits(8)}0001${digits(2)}`, validCnpj),
  'swift-bic': () =>
    until(
      () =>
        `${pick(banks)}${pick(bicCountries)}${chars('ABCDEFGHJKLMNPQRSTUVWYZ23456789', 2)}${pick(['', 'XXX', chars('ABCDEFGHJK', 1) + digits(2)])}`,
      validBic,
    ),
  'bank-account-number': () => String(int(1, 9)) + digits(int(7, 11)),
  'bitcoin-address-base58': base58Address,
  'bitcoin-address-bech32': segwit,
  'ethereum-address': () =>
    until(
      () => `0x${eip55(hex40())}`,
      (v) => v.slice(2) !== v.slice(2).toLowerCase(),
    ),
  'ethereum-address-plain': () => `0x${hex40()}`,
};
