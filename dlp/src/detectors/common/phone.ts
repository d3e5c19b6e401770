import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Detector } from '../../types.ts';

/** Countries tried for numbers written without a country code. */
const NATIONAL_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'IN', 'CA', 'AU', 'ES', 'IT', 'NL', 'BR', 'JP', 'MX'] as const;
const PHONE_CONTEXT = [
  'phone',
  'tel',
  'tel.',
  'mobile',
  'cell',
  'call',
  'fax',
  'whatsapp',
  'sms',
  'text me',
  'contact',
];
/** Dates and times shaped like phone numbers. */
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;

/** Phone numbers in international format (`+` and country code), validated with libphonenumber metadata. */
export const phoneNumberInternational: Detector = {
  id: 'phone-number-international',
  name: 'Phone number (international format)',
  category: 'pii',
  description: 'Numbers written with + and a country code that libphonenumber validates for that country.',
  trigger: { digits: 6 },
  window: 12,
  pattern: /(?<![\w+])(?<value>\+[1-9](?:[ .()-]{0,2}[0-9]){6,14})(?![0-9]|[.-][0-9])/g,
  confidence: 'medium',
  validate: (value) => parsePhoneNumberFromString(value)?.isValid() === true,
  context: PHONE_CONTEXT,
  examples: {
    positive: ['Reach me on +44 20 7946 0321 after lunch.', 'mobile: +49 151 27384910'],
    negative: ['build +1 2024-05-06', 'offset +1234567 bytes', 'Call +1 555 0100 now'],
  },
};

/** Phone numbers in national format: only next to a phone word, validated for common countries. */
export const phoneNumberNational: Detector = {
  id: 'phone-number',
  name: 'Phone number (national format)',
  category: 'pii',
  description: 'National-format numbers (separators allowed) next to a phone word, valid for a common country.',
  trigger: { digits: 7 },
  window: 8,
  pattern:
    /(?<![\w+.-])(?<value>\(?[2-9][0-9]{2}\)?[ .-]?[2-9][0-9]{2}[ .-][0-9]{4}|0[1-9][0-9]{1,4}[ -]?[0-9]{3,4}[ -]?[0-9]{3,4})(?![\w-]|\.[0-9])/g,
  confidence: 'medium',
  requiresContext: true,
  contextWindow: 40,
  validate: (value) => {
    if (DATE_LIKE.test(value)) return false;
    const digits = value.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 12) return false;
    return NATIONAL_COUNTRIES.some((c) => isValidPhoneNumber(value, c));
  },
  context: PHONE_CONTEXT,
  examples: {
    positive: ['Call me at (415) 867-2291 tomorrow.', 'Tel: 020 7946 0321', 'mobile: 0151 2738 4910'],
    negative: [
      'order 415 867 2291 shipped',
      'released 2024-05-06',
      'ID (415) 867-2291 assigned',
      'mobile app build 43954758',
    ],
  },
};
