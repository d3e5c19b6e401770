/** US and Brazilian organisation and bank identifiers: EIN, ABA routing number, CNPJ, SWIFT/BIC, account numbers. */
import * as cnpj from 'stdnum/lib/esm/br/cnpj.js';
import * as ein from 'stdnum/lib/esm/us/ein.js';
import type { Detector } from '../../types.ts';
import { allSame, digitsOf, stdnumCheck } from '../pii/checks.ts';
import { countryCodes } from './countries.ts';
import { financialExamples as ex } from './examples.ts';

const stdEin = stdnumCheck(ein.validate);
const stdCnpj = stdnumCheck(cnpj.validate);

/** EIN: 9 digits whose 2-digit prefix is one the IRS assigns (stdnum's prefix list). */
export const validEin = (v: string): boolean => !allSame(digitsOf(v)) && stdEin(v);

/** ABA routing number: prefix 01-12, 21-32, 61-72 or 80, and 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10. */
export function validAba(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || allSame(d)) return false;
  const p = Number(d.slice(0, 2));
  if (!((p >= 1 && p <= 12) || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80)) return false;
  const n = (i: number): number => d.charCodeAt(i) - 48;
  return (3 * (n(0) + n(3) + n(6)) + 7 * (n(1) + n(4) + n(7)) + n(2) + n(5) + n(8)) % 10 === 0;
}

/** CNPJ: 14 digits with two mod-11 check digits (stdnum). */
export const validCnpj = (v: string): boolean => !allSame(digitsOf(v)) && stdCnpj(v);

/** BIC: upper-case bank code, an assigned country code, a location not ending in 0 (test BICs), optional branch. */
export function validBic(value: string): boolean {
  if (!/^[A-Z]{6}[A-Z2-9][A-NP-Z1-9](?:[A-Z0-9]{3})?$/.test(value)) return false;
  return countryCodes.has(value.slice(4, 6));
}

/** A bank account number after its label: 6-17 digits, not one repeated digit. */
export const plausibleAccount = (v: string): boolean => !allSame(digitsOf(v));

const bankContext = [
  'bank',
  'routing',
  'checking account',
  'savings account',
  'wire transfer',
  'direct deposit',
  'iban',
  'sort code',
];

/** What kind of account a label names; with such a word (or acct, a/c) no "number" needs to follow. */
const ACCOUNT_KIND = '(?:checking|chequing|savings|current|deposit|bank|business|joint|personal|payroll|settlement)';
/**
 * After the account word: "no"/"number"/"#" and up to 12 non-digits, or just a separator (`:`, `#`, `=`, `-`, a
 * space), optionally "is", as in `checking account: 419880544621` or `routing 037920768, account 95479933`.
 */
const ACCOUNT_TAIL =
  '(?:[ .]?(?:no|number|num|nr|#)[.:#]?[^\\d\\n]{0,12}?|[ \\t]{0,2}[:#=-]?[ \\t]{0,3}(?:is[ \\t]{1,3})?)';

export const bankingDetectors: Detector[] = [
  {
    id: 'us-ein',
    name: 'US Employer Identification number',
    category: 'financial',
    description: 'An EIN (NN-NNNNNNN) with an IRS-assigned prefix; reported only near an EIN or tax-id keyword.',
    trigger: { digits: 9 },
    pattern: /(?<![\w.-])(?<value>\d{2}-?\d{7})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validEin,
    context: ['ein', 'employer identification', 'fein', 'federal tax id', 'tax id', 'taxpayer identification', 'irs'],
    requiresContext: true,
    examples: ex['us-ein'],
  },
  {
    id: 'aba-routing-number',
    name: 'ABA routing number',
    category: 'financial',
    description:
      'Nine digits with a Federal Reserve prefix and the 3-7-1 checksum; reported only near a routing keyword.',
    trigger: { digits: 9 },
    pattern: /(?<![\w.-])(?<value>[0-38]\d{8})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validAba,
    context: ['routing', 'aba ', 'aba:', 'aba#', 'rtn', 'transit number', 'wire transfer', 'direct deposit', 'bank'],
    requiresContext: true,
    examples: ex['aba-routing-number'],
  },
  {
    id: 'br-cnpj',
    name: 'Brazilian CNPJ (company tax id)',
    category: 'financial',
    description: 'A CNPJ written 00.000.000/0000-00 whose two mod-11 check digits pass (stdnum).',
    trigger: { digits: 14 },
    pattern: /(?<![\w.-])(?<value>\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validCnpj,
    context: ['cnpj', 'razão social', 'razao social', 'empresa', 'receita federal'],
    examples: ex['br-cnpj'],
  },
  {
    id: 'br-cnpj-unformatted',
    name: 'Brazilian CNPJ (no separators)',
    category: 'financial',
    description: 'Fourteen bare digits whose two CNPJ check digits pass; reported only near a CNPJ keyword.',
    trigger: { digits: 14 },
    pattern: /(?<![\w.-])(?<value>\d{14})(?![\w-]|\.\d)/g,
    confidence: 'medium',
    validate: validCnpj,
    context: ['cnpj', 'razão social', 'razao social'],
    requiresContext: true,
    examples: ex['br-cnpj-unformatted'],
  },
  {
    id: 'swift-bic',
    name: 'SWIFT/BIC code',
    category: 'financial',
    description: 'An 8 or 11-character BIC with an assigned country code, after a SWIFT or BIC label.',
    trigger: { keywords: ['swift', 'bic'] },
    pattern:
      /\b(?:swift|bic)(?:[ _/-]?(?:code|bic|address|id))?["']?[ \t]{0,3}[:#=-]?[ \t]{0,3}["']?(?:is[ \t]{1,3})?(?<value>[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)(?![\w-])/gi,
    confidence: 'medium',
    validate: validBic,
    context: bankContext.concat(['beneficiary', 'iban', 'transfer', 'swift']),
    examples: ex['swift-bic'],
  },
  {
    id: 'bank-account-number',
    name: 'Bank account number',
    category: 'financial',
    description:
      'Six to seventeen digits after an account label (account no., acct, a/c, checking or savings account, a routing and account pair); needs a banking word nearby.',
    trigger: { keywords: ['account', 'acct', 'a/c'] },
    pattern: new RegExp(
      `\\b(?:${ACCOUNT_KIND}[ \\t])?(?:account|acct|a\\/c)${ACCOUNT_TAIL}(?<![\\d-])(?<value>\\d{6,17})(?![\\w-]|\\.\\d)`,
      'gi',
    ),
    confidence: 'low',
    validate: plausibleAccount,
    context: bankContext,
    requiresContext: true,
    examples: ex['bank-account-number'],
  },
];
