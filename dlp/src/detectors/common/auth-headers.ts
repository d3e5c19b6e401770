import type { Detector } from '../../types.ts';
import { decodeBase64, isPrintableAscii } from '../../validators/base64.ts';
import { charClasses, shannonEntropy } from '../../validators/entropy.ts';
import { realPassword } from './connection-strings.ts';

/** True when a Basic credential decodes to printable `user:password` with a real password. */
export function basicCredentialValid(value: string): boolean {
  const decoded = decodeBase64(value);
  if (decoded === null || !isPrintableAscii(decoded)) return false;
  const colon = decoded.indexOf(':');
  return colon > 0 && colon < decoded.length - 1 && realPassword(decoded.slice(colon + 1));
}

/** `Authorization: Basic` credentials and `Bearer` tokens in headers, curl commands and code. */
export const authHeaderDetectors: Detector[] = [
  {
    id: 'http-basic-auth',
    name: 'HTTP Basic credentials',
    category: 'secret',
    description: 'Basic authorization values that base64-decode to printable user:password.',
    trigger: { keywords: ['basic'] },
    window: 40,
    pattern: /(?<![A-Za-z0-9_])Basic\s{1,4}(?<value>[A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/g,
    confidence: 'high',
    validate: basicCredentialValid,
    context: ['authorization', 'auth', 'header', 'curl'],
    examples: {
      positive: ['curl -H "Authorization: Basic ZGVwbG95OlI0bmQwbS1QYXNzLTIwMjQ=" https://ci.acmecorp.net'],
      negative: ['Basic understanding of the domain', 'Authorization: Basic dXNlcjpwYXNzd29yZA=='],
    },
  },
  {
    id: 'http-bearer-token',
    name: 'HTTP Bearer token',
    category: 'secret',
    description: 'Bearer tokens of 16+ random-looking characters; a token a specific detector knows wins.',
    trigger: { keywords: ['bearer'] },
    window: 40,
    pattern: /(?<![A-Za-z0-9_])[Bb]earer\s{1,4}(?<value>[A-Za-z0-9._~+/-]{16,2000}={0,2})(?![A-Za-z0-9._~+/=-])/g,
    confidence: 'high',
    generic: true,
    validate: (value) => charClasses(value) >= 2 && /[0-9]/.test(value) && shannonEntropy(value) >= 3.2,
    context: ['authorization', 'header', 'curl'],
    examples: {
      positive: ['Authorization: Bearer 9f8Kq2LzR7vXw3Nc5TbY1mHd4'],
      negative: [
        'Authorization: Bearer <YOUR_TOKEN>',
        'the bearer instrument was returned',
        'Bearer aaaaaaaaaaaaaaaaaaaa',
      ],
    },
  },
];
