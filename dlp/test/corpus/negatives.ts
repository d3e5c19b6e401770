import { luhnValid } from '../../src/validators/luhn.ts';
import { ALNUM, BASE64, chars, DIGITS, HEX, int, pick } from './random.ts';

function luhnInvalid(length: number): string {
  for (;;) {
    const d = pick(['4', '5', '3', '6']) + chars(DIGITS, length - 1);
    if (!luhnValid(d)) return d;
  }
}

function uuid(): string {
  const h = chars(HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${pick(['8', '9', 'a', 'b'])}${h.slice(17, 20)}-${h.slice(20)}`;
}

function isbn13(): string {
  const body = `978${chars(DIGITS, 9)}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body.slice(0, 3)}-${body.slice(3, 4)}-${body.slice(4, 8)}-${body.slice(8)}-${(10 - (sum % 10)) % 10}`;
}

/** Hard negatives: look-alikes of sensitive values that no detector may report at medium or above. */
export const hardNegatives: readonly (() => string)[] = [
  () => `request id ${uuid()}`,
  () => `commit ${chars(HEX, 40)}`,
  () => `merged ${chars(HEX, 7)} into main`,
  () => `sha256:${chars(HEX, 64)}`,
  () => `md5 ${chars(HEX, 32)}`,
  () => `reference number ${luhnInvalid(16)}`,
  () => `batch ${luhnInvalid(int(13, 19))} processed`,
  () => `epoch ${int(1.6e9, 1.8e9)} / ${int(1.6e12, 1.8e12)} ms`,
  () =>
    `at 2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${int(10, 23)}:${int(10, 59)}:${int(10, 59)}.${int(100, 999)}Z`,
  () => `ISBN ${isbn13()}`,
  () => `upgraded to v${int(1, 20)}.${int(0, 40)}.${int(0, 99)} from ${int(1, 9)}.${int(0, 9)}.${int(0, 9)}`,
  () => `order #${int(10_000_000, 99_999_999)} shipped`,
  () => `Order ORD-${int(2019, 2025)}-${String(int(1, 999_999)).padStart(6, '0')}`,
  () => `invoice INV${chars(DIGITS, 8)} total $${int(10, 9999)}.${int(10, 99)}`,
  () => `<img src="data:image/png;base64,iVBORw0KGgo${chars(BASE64, int(200, 600))}=">`,
  () => `OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxx`,
  () => `api_key: <YOUR_API_KEY>`,
  () => `token: \${GITHUB_TOKEN}`,
  () => `password: {{ vault_db_password }}`,
  () => `aws_access_key_id = AKIAIOSFODNN7EXAMPLE`,
  () => `card 4111 1111 1111 1111 is the usual test card`,
  () => `ip ${int(10, 250)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)} port ${int(1024, 65_000)}`,
  () => `build ${int(1000, 99_999)} took ${int(1, 900)} s`,
  () => `tracking ${pick(['1Z', 'JD'])}${chars(`${DIGITS}ABCDEFGHJK`, 16)}`,
  () => `password = os.environ["DB_PASSWORD"]`,
  () => `const token = await getToken(${pick(['req', 'ctx', 'session'])});`,
  () => `session ${chars(ALNUM, 24)} expired`,
  () => `zip ${chars(DIGITS, 5)}, ${int(1, 999)} ${pick(['Main St', 'Oak Ave', 'High Street'])}`,
  () => `amount ${int(1, 999)},${String(int(0, 999)).padStart(3, '0')}.${int(10, 99)} EUR`,
  () => `user@localhost and icon@2x.png`,
  () => `npm i react@${int(16, 19)}.${int(0, 14)}.${int(0, 9)}`,
];
