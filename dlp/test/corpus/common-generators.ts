import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { judgeValue } from '../../src/engine/placeholder.ts';
import { mod97 } from '../../src/validators/iban.ts';
import { luhnCheckDigit } from '../../src/validators/luhn.ts';
import { ALNUM, BASE64, chars, DIGITS, HEX, int, pick } from './random.ts';

type Generator = () => string;

/** Retries `make` until the value is not something the placeholder filter would drop. */
function clean(make: Generator): Generator {
  return () => {
    for (let i = 0; i < 100; i++) {
      const v = make();
      if (judgeValue(v) === 'keep') return v;
    }
    throw new Error('generator kept producing placeholder-looking values');
  };
}

function card(prefixes: readonly string[], length: number, group: (d: string) => string): Generator {
  return clean(() => {
    const prefix = pick(prefixes);
    const body = prefix + chars(DIGITS, length - prefix.length - 1);
    const digits = body + luhnCheckDigit(body);
    return pick([digits, group(digits)]);
  });
}

const fours = (d: string) => d.replace(/(\d{4})(?=\d)/g, '$1 ');
const amex = (d: string) => `${d.slice(0, 4)} ${d.slice(4, 10)} ${d.slice(10)}`;
const diners = (d: string) => `${d.slice(0, 4)} ${d.slice(4, 10)} ${d.slice(10)}`;

function iban(): string {
  const [cc, bban] = pick([
    ['DE', () => chars(DIGITS, 18)],
    ['GB', () => pick(['NWBK', 'BARC', 'HBUK', 'LOYD']) + chars(DIGITS, 14)],
    ['NL', () => pick(['ABNA', 'RABO', 'INGB']) + chars(DIGITS, 10)],
    ['FR', () => chars(DIGITS, 10) + chars(`${DIGITS}ABCDEFGHJK`, 11) + chars(DIGITS, 2)],
    ['ES', () => chars(DIGITS, 20)],
    ['CH', () => chars(DIGITS, 17)],
  ] as const);
  const b = bban();
  const check = String(98 - mod97(`${b}${cc}00`)).padStart(2, '0');
  const compact = `${cc}${check}${b}`;
  return pick([compact, compact.replace(/(.{4})(?=.)/g, '$1 ')]);
}

function phone(international: boolean): string {
  for (;;) {
    const [country, make] = pick([
      ['US', () => `${int(2, 9)}${chars(DIGITS, 2)}${int(2, 9)}${chars(DIGITS, 6)}`],
      ['GB', () => `7${int(4, 9)}${chars(DIGITS, 8)}`],
      ['DE', () => `15${int(1, 7)}${chars(DIGITS, 8)}`],
      ['FR', () => `${int(6, 7)}${chars(DIGITS, 8)}`],
      ['IN', () => `${int(7, 9)}${chars(DIGITS, 9)}`],
      ['AU', () => `4${chars(DIGITS, 8)}`],
    ] as const);
    if (!international && country !== 'US') continue;
    const parsed = parsePhoneNumberFromString(make(), country);
    if (!parsed?.isValid()) continue;
    const text = international ? parsed.formatInternational() : parsed.formatNational();
    if (judgeValue(text) === 'keep' && (international || isValidPhoneNumber(text, 'US'))) return text;
  }
}

function base64url(bytes: string): string {
  return btoa(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jwt(): string {
  const header = base64url(JSON.stringify({ alg: pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' }));
  const claims = { sub: chars(HEX, 12), org: chars(ALNUM, 8), iat: int(1.6e9, 1.75e9), exp: int(1.75e9, 1.8e9) };
  return `${header}.${base64url(JSON.stringify(claims))}.${chars(`${ALNUM}-_`, 43)}`;
}

function pem(label: string, head: string): Generator {
  return () => {
    const body = head + chars(BASE64, int(8, 20) * 64 - head.length);
    return `-----BEGIN ${label}-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----`;
  };
}

const password = clean(() => chars(ALNUM, int(6, 10)) + pick(['!', '#', '%', '_', '-', '']) + chars(DIGITS, 2));
const host = () =>
  `${pick(['db', 'pg', 'data', 'core', 'main'])}-${int(1, 40)}.${pick(['internal', 'corp.lan', 'prod.acmecorp.net'])}`;
const user = () => pick(['app', 'svc_etl', 'reporting', 'admin', 'orders_rw', 'analytics']);
const token = (n: number) => clean(() => chars(ALNUM, n));

/** Valid values (or snippets the detector's pattern matches on its own) for the common detectors. */
export const commonGenerators: Record<string, Generator> = {
  'email-address': () =>
    `${pick(['maria', 'j', 'kwame', 'li', 'anna', 'tomasz'])}.${pick(['gonzalez', 'okafor', 'chen', 'novak', 'smith'])}${int(1, 99)}@${pick(['northwind.io', 'acmecorp.net', 'gmail.com', 'contoso-mail.de'])}`,
  'phone-number-international': () => phone(true),
  'phone-number': () => phone(false),
  'payment-card-visa': card(['4'], 16, fours),
  'payment-card-mastercard': card(['51', '52', '53', '54', '55', '2221', '2720'], 16, fours),
  'payment-card-amex': card(['34', '37'], 15, amex),
  'payment-card-discover': card(['6011', '644', '65'], 16, fours),
  'payment-card-jcb': card(['3528', '3589'], 16, fours),
  'payment-card-diners': card(['300', '305', '36'], 14, diners),
  'payment-card-unionpay': card(['621', '623', '627'], 16, fours),
  'payment-card-maestro': card(['5018', '5020', '6304', '6759'], 16, fours),
  iban: clean(iban),
  jwt: clean(jwt),
  'private-key-rsa': pem('RSA PRIVATE KEY', 'MIIEowIBAAKCAQEA'),
  'private-key-ec': pem('EC PRIVATE KEY', 'MHcCAQEEI'),
  'private-key-dsa': pem('DSA PRIVATE KEY', 'MIIBuwIBAAKBgQ'),
  'private-key-pkcs8': pem('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'),
  'private-key-pkcs8-encrypted': pem('ENCRYPTED PRIVATE KEY', 'MIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkq'),
  'private-key-openssh': pem('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ'),
  'private-key-pgp': pem('PGP PRIVATE KEY BLOCK', 'lQOYBGX'),
  'private-key-putty': () =>
    `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n${chars(BASE64, 64)}\nPrivate-MAC: ${chars(HEX, 64)}`,
  'postgres-connection-uri': () => `postgresql://${user()}:${password()}@${host()}:5432/${pick(['orders', 'crm'])}`,
  'mysql-connection-uri': () => `mysql://${user()}:${password()}@${host()}:3306/sales`,
  'mongodb-connection-uri': () =>
    `mongodb+srv://${user()}:${password()}@cluster${int(0, 9)}.${chars(HEX, 5)}.mongodb.net/prod`,
  'redis-connection-uri': () => `rediss://:${password()}@${host()}:6380/0`,
  'amqp-connection-uri': () => `amqps://${user()}:${password()}@${host()}:5671/jobs`,
  'database-connection-uri': () =>
    `${pick(['sqlserver', 'clickhouse', 'neo4j+s'])}://${user()}:${password()}@${host()}`,
  'url-embedded-credentials': () => `https://${user()}:${password()}@${pick(['git', 'nexus', 'ci'])}.acmecorp.net/repo`,
  'jdbc-connection-password': () => `jdbc:postgresql://${host()}:5432/app?user=${user()}&password=${password()}`,
  'ado-net-connection-password': () =>
    `Server=tcp:${host()},1433;Initial Catalog=crm;User ID=${user()};Password=${password()};`,
  'http-basic-auth': () => `Authorization: Basic ${btoa(`${user()}:${password()}`)}`,
  'http-bearer-token': () => `Authorization: Bearer ${chars(ALNUM, 8)}${chars(DIGITS, 2)}${token(28)()}`,
  'generic-secret-assignment': () =>
    `${pick(['INTERNAL_API_KEY', 'client_secret', 'SERVICE_TOKEN', 'db_password', 'signingSecret'])}=${token(int(24, 40))()}`,
};
