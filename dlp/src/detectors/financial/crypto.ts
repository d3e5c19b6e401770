/** Cryptocurrency wallet addresses confirmed by their checksums. */
import type { Detector } from '../../types.ts';
import { validBase58Address, validEip55Address, validPlainEthAddress, validSegwitAddress } from './crypto-checks.ts';
import { financialExamples as ex } from './examples.ts';

const walletWords = ['bitcoin', 'btc', 'wallet', 'address', 'addr', 'send', 'pay', 'deposit', 'withdraw', 'payout'];
const walletMore = [
  'crypto',
  'coin',
  'receive',
  'transfer',
  'donat',
  'sats',
  'satoshi',
  'ledger',
  'exchange',
  'refund',
];
const ethContext = [
  'ethereum',
  'eth ',
  'eth:',
  'wallet',
  'metamask',
  'erc20',
  'erc-20',
  'usdt',
  'usdc',
  'etherscan',
  'web3',
];

export const cryptoDetectors: Detector[] = [
  {
    id: 'bitcoin-address-base58',
    name: 'Bitcoin address (Base58Check)',
    category: 'financial',
    description:
      'A legacy (1…) or P2SH (3…) Bitcoin address whose Base58Check double-SHA-256 checksum and version byte verify.',
    trigger: { keywords: [...walletWords, ...walletMore] },
    pattern: /(?<![\w])(?<value>[13][1-9A-HJ-NP-Za-km-z]{25,33})(?![\w])/g,
    confidence: 'high',
    validate: validBase58Address,
    context: ['bitcoin', 'btc', 'wallet'],
    examples: ex['bitcoin-address-base58'],
  },
  {
    id: 'bitcoin-address-bech32',
    name: 'Bitcoin address (Bech32/Bech32m)',
    category: 'financial',
    description: 'A bc1… segwit address whose Bech32 (v0) or Bech32m (v1+) checksum and program length verify.',
    trigger: { keywords: ['bc1'] },
    pattern: /(?<![\w])(?<value>bc1[02-9ac-hj-np-z]{39,59}|BC1[02-9AC-HJ-NP-Z]{39,59})(?![\w])/g,
    confidence: 'high',
    validate: validSegwitAddress,
    context: ['bitcoin', 'btc', 'wallet'],
    examples: ex['bitcoin-address-bech32'],
  },
  {
    id: 'ethereum-address',
    name: 'Ethereum address (EIP-55 checksummed)',
    category: 'financial',
    description: 'A 0x… address in mixed case whose capitalisation matches its EIP-55 keccak-256 checksum.',
    trigger: { keywords: ['0x'] },
    pattern: /(?<![\w])(?<value>0x[0-9a-fA-F]{40})(?![\w])/g,
    confidence: 'high',
    validate: validEip55Address,
    context: ethContext,
    examples: ex['ethereum-address'],
  },
  {
    id: 'ethereum-address-plain',
    name: 'Ethereum address (single case)',
    category: 'financial',
    description:
      'A 0x… address of 40 hex digits in one case (no checksum to confirm), reported only near a wallet keyword.',
    trigger: { keywords: ['0x'] },
    pattern: /(?<![\w])(?<value>0x[0-9a-fA-F]{40})(?![\w])/g,
    confidence: 'medium',
    validate: validPlainEthAddress,
    context: ethContext,
    requiresContext: true,
    contextWindow: 120,
    examples: ex['ethereum-address-plain'],
  },
];
