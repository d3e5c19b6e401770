import type { Detector } from '../../types.ts';
import { luhnValid } from '../../validators/luhn.ts';

interface Network {
  id: string;
  name: string;
  /** Regex source for the first four digits. */
  head: string;
  /** Inclusive prefix ranges on the leading digits, e.g. [2221, 2720]. */
  ranges: readonly (readonly [number, number])[];
  lengths: readonly number[];
  positive: string;
  negative: string;
}

const CARD_CONTEXT = [
  'card',
  'credit',
  'debit',
  'visa',
  'mastercard',
  'amex',
  'american express',
  'discover',
  'jcb',
  'diners',
  'unionpay',
  'maestro',
  'cvv',
  'cvc',
  'expiry',
  'expires',
  'exp',
  'payment',
  'billing',
  'pan',
];

/** Allowed digit groupings when separators are used: 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4. */
function groupingOk(value: string): boolean {
  const seps = value.match(/[ -]/g);
  if (!seps) return true;
  if (new Set(seps).size > 1) return false;
  const groups = value.split(/[ -]/).map((g) => g.length);
  const shape = groups.join('-');
  if (shape === '4-6-5' || shape === '4-6-4') return true;
  return groups.slice(0, -1).every((g) => g === 4) && groups[groups.length - 1]! <= 4;
}

function inRanges(digits: string, ranges: Network['ranges']): boolean {
  return ranges.some(([lo, hi]) => {
    const width = String(lo).length;
    const head = Number(digits.slice(0, width));
    return head >= lo && head <= hi;
  });
}

function cardDetector(n: Network, exclude: Network['ranges'] = []): Detector {
  return {
    id: `payment-card-${n.id}`,
    name: `${n.name} card number`,
    category: 'financial',
    description: `${n.name} card numbers: issuer prefix, length ${n.lengths.join('/')} and the Luhn checksum, not inside a longer run of digit groups.`,
    trigger: { digits: 12 },
    pattern: new RegExp(
      `(?<![0-9A-Za-z.,_/-])(?<![0-9][ -])(?<value>${n.head}(?:[ -]?[0-9]){8,15})(?![0-9A-Za-z_]|[.,/-][0-9])`,
      'g',
    ),
    confidence: 'medium',
    validate: (value) => {
      const digits = value.replace(/[ -]/g, '');
      return (
        n.lengths.includes(digits.length) &&
        inRanges(digits, n.ranges) &&
        !inRanges(digits, exclude) &&
        groupingOk(value) &&
        luhnValid(digits)
      );
    },
    context: CARD_CONTEXT,
    examples: { positive: [n.positive], negative: [n.negative] },
  };
}

const DISCOVER_RANGES = [
  [6011, 6011],
  [644, 649],
  [65, 65],
  [622126, 622925],
] as const;

/** One detector per card network, each with its own prefix, lengths and the Luhn check. */
export const paymentCardDetectors: Detector[] = [
  cardDetector({
    id: 'visa',
    name: 'Visa',
    head: '4[0-9]{3}',
    ranges: [[4, 4]],
    lengths: [13, 16, 19],
    positive: 'Card: 4539 8262 3472 1702 exp 09/27',
    negative: 'Card: 4539 8262 3472 1703 exp 09/27',
  }),
  cardDetector({
    id: 'mastercard',
    name: 'Mastercard',
    head: '(?:5[1-5][0-9]{2}|2[2-7][0-9]{2})',
    ranges: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
    positive: 'paid with mastercard 5425-8462-1918-2005',
    negative: 'paid with mastercard 5425-8462-1918-2006',
  }),
  cardDetector({
    id: 'amex',
    name: 'American Express',
    head: '3[47][0-9]{2}',
    ranges: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
    positive: 'Amex 3714 037708 60465 on file',
    negative: 'Amex 3714 037708 60466 on file',
  }),
  cardDetector({
    id: 'discover',
    name: 'Discover',
    head: '6[0-9]{3}',
    ranges: DISCOVER_RANGES,
    lengths: [16, 19],
    positive: 'discover card 6011 3024 6525 4674',
    negative: 'discover card 6011 3024 6525 4675',
  }),
  cardDetector({
    id: 'jcb',
    name: 'JCB',
    head: '35[0-9]{2}',
    ranges: [[3528, 3589]],
    lengths: [16, 17, 18, 19],
    positive: 'JCB card 3566 3700 0892 7524',
    negative: 'JCB card 3566 3700 0892 7525',
  }),
  cardDetector({
    id: 'diners',
    name: 'Diners Club',
    head: '3[0689][0-9]{2}',
    ranges: [
      [300, 305],
      [36, 36],
      [38, 39],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
    positive: 'Diners card 3056 345548 4023',
    negative: 'Diners card 3056 345548 4024',
  }),
  cardDetector(
    {
      id: 'unionpay',
      name: 'UnionPay',
      head: '62[0-9]{2}',
      ranges: [[62, 62]],
      lengths: [16, 17, 18, 19],
      positive: 'UnionPay card 6200 5044 2544 8756',
      negative: 'UnionPay card 6200 5044 2544 8757',
    },
    DISCOVER_RANGES,
  ),
  cardDetector({
    id: 'maestro',
    name: 'Maestro',
    head: '(?:50[0-9]{2}|5[6-8][0-9]{2}|6[0-9]{3})',
    ranges: [
      [5018, 5018],
      [5020, 5020],
      [5038, 5038],
      [5893, 5893],
      [6304, 6304],
      [6759, 6759],
      [6761, 6763],
    ],
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
    positive: 'maestro card 6759 1355 7475 1321',
    negative: 'maestro card 6759 1355 7475 1322',
  }),
];
