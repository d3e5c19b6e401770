/** Helpers for the secret token generators: checksummed and structured formats, shortcuts for plain shapes. */
import { BECH32_CHARSET, base62Crc32, bech32Checksum } from './checksums.ts';
import { ALNUM, B64URL, base64Url, DIGITS, HEX, plausible, rand, randInt } from './random.ts';
import { isMixedAlnum } from './validators.ts';

export type Generator = () => string;

export const pick = <T>(items: readonly T[]): T => items[randInt(items.length)] as T;
export const mixed = (alphabet: string, n: number): Generator => plausible(() => rand(alphabet, n), isMixedAlnum);
export const hexMix = (n: number): Generator =>
  plausible(
    () => rand(HEX, n),
    (v) => /[a-f]/.test(v) && /[0-9]/.test(v),
  );

/** GitHub-style token: prefix + 30 base62 characters + base62 CRC-32 of them. */
export function generateBase62Token(prefix: string): string {
  const body = plausible(() => rand(ALNUM, 30))();
  return prefix + body + base62Crc32(body);
}

/** age secret key: Bech32 of 32 random bytes under `age-secret-key-`, upper case. */
export function generateAgeSecretKey(): string {
  const data: number[] = [];
  for (let i = 0; i < 52; i++) data.push(randInt(32));
  data[51] = (data[51] as number) & 0x10;
  const body = data.map((v) => BECH32_CHARSET[v]).join('') + bech32Checksum('age-secret-key-', data);
  return `AGE-SECRET-KEY-1${body}`.toUpperCase();
}

/** Discord bot token: base64 of a snowflake id, a timestamp part and an HMAC part. */
export function generateDiscordBotToken(): string {
  const id = pick(['1', '2', '4', '7', '9']) + rand(DIGITS, 17 + randInt(2));
  return `${base64Url(id)}.${rand(B64URL, 6)}.${rand(B64URL, pick([27, 38]))}`;
}

export const jsonToken = (prefix: string, payload: () => object, suffix = ''): Generator =>
  plausible(() => `${prefix}${base64Url(JSON.stringify(payload()))}${suffix}`);

export const gitlab = (prefix: string): Generator => plausible(() => prefix + rand(B64URL, 20));
