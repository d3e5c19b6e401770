import { base, en, Faker } from '@faker-js/faker';

/** A seeded faker, so every run measures the same text. */
export function seededFaker(seed: number): Faker {
  return new Faker({ locale: [en, base], seed });
}

function fill(size: number, next: () => string): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const p = next();
    parts.push(p);
    length += p.length;
  }
  return parts.join('').slice(0, size);
}

/** English-like prose with names, dates, amounts and the odd number, as pasted into a chat. */
export function buildProse(size: number, seed = 1): string {
  const f = seededFaker(seed);
  const sentences = [
    () => f.hacker.phrase(),
    () => f.commerce.productDescription(),
    () =>
      `${f.person.fullName()} asked whether the ${f.commerce.productName()} launch could move to ${f.date.month()}.`,
    () =>
      `Revenue grew ${f.number.int({ min: 2, max: 40 })}% to $${f.finance.amount()} in Q${f.number.int({ min: 1, max: 4 })}.`,
    () =>
      `${f.company.catchPhrase()} is what ${f.company.name()} promised back in ${f.number.int({ min: 1998, max: 2024 })}.`,
    () => f.lorem.sentence(),
  ];
  return fill(size, () => {
    const para = Array.from({ length: f.number.int({ min: 3, max: 7 }) }, () => f.helpers.arrayElement(sentences)());
    return `${para.join(' ')}\n\n`;
  });
}

/** A TypeScript snippet that reads secrets the right way (env, config), as pasted into a chat. */
export function codeBlock(f: Faker): string {
  const name = f.hacker.verb().replace(/\W/g, '') + f.hacker.noun().replace(/\W/g, '');
  const n = f.number.int({ min: 1, max: 500 });
  return [
    `import { ${name}Client } from './clients/${f.hacker.noun().replace(/\W/g, '-')}.ts';`,
    `const apiKey = process.env.${name.toUpperCase()}_API_KEY;`,
    `const token = await auth.getToken({ scope: 'read:${f.hacker.noun()}' });`,
    `export async function ${name}(id: string, limit = ${n}): Promise<Result[]> {`,
    `  const url = \`https://api.${f.internet.domainName()}/v2/items/\${id}?limit=\${limit}\`;`,
    `  const res = await fetch(url, { headers: { Authorization: \`Bearer \${token}\` } });`,
    `  if (!res.ok) throw new Error(\`request failed: \${res.status}\`); // retry ${n} times`,
    `  const password = config.get('db.password');`,
    `  return (await res.json()).items.map((x: Item) => ({ ...x, key: x.id, total: x.price * ${n} }));`,
    '}',
    '',
  ].join('\n');
}

/** A YAML service config with placeholders and digests. */
export function configBlock(f: Faker): string {
  return [
    `service: ${f.hacker.noun().replace(/\W/g, '-')}`,
    `version: ${f.system.semver()}`,
    'database:',
    `  host: db-${f.number.int(99)}.internal`,
    `  port: ${f.internet.port()}`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a YAML placeholder, as real configs hold
    '  password: ${DB_PASSWORD}',
    `  pool_size: ${f.number.int({ min: 2, max: 64 })}`,
    `cache_key_prefix: ${f.word.noun()}`,
    `image: registry.internal/${f.word.noun()}@sha256:${f.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' })}`,
    '',
  ].join('\n');
}

/** One application log line: timestamps, ids, IPs, hashes. */
export function logLine(f: Faker): string {
  const ts = f.date.recent({ days: 30 }).toISOString();
  const level = f.helpers.arrayElement(['INFO', 'INFO', 'INFO', 'WARN', 'DEBUG', 'ERROR']);
  return f.helpers.arrayElement([
    () =>
      `${ts} ${level} [worker-${f.number.int(16)}] GET /api/v1/orders/${f.number.int(99999)} ${f.internet.httpStatusCode()} ${f.number.int(900)}ms req=${f.string.uuid()}\n`,
    () => `${ts} ${level} token refreshed for session ${f.string.alphanumeric(24)} ip=${f.internet.ipv4()}\n`,
    () =>
      `${ts} ${level} commit ${f.git.commitSha()} deployed to ${f.hacker.noun()} in ${f.number.float({ max: 90, fractionDigits: 2 })}s\n`,
    () => `${ts} ${level} cache miss key=user:${f.number.int(1e6)}:profile size=${f.number.int(1e5)} bytes\n`,
  ])();
}

/** Source code, YAML configs and application logs in roughly equal parts. */
export function buildCodeAndLogs(size: number, seed = 2): string {
  const f = seededFaker(seed);
  return fill(size, () => {
    const kind = f.number.int(2);
    if (kind === 0) return codeBlock(f);
    if (kind === 1) return configBlock(f);
    return Array.from({ length: 12 }, () => logLine(f)).join('');
  });
}

/**
 * Inputs built to hurt a backtracking scanner: long runs of the characters patterns accept, digit walls,
 * trigger keywords back to back, and near-miss tokens, each in blocks of a few kilobytes.
 */
export function buildAdversarial(size: number, keywords: readonly string[] = [], seed = 3): string {
  const f = seededFaker(seed);
  const triggerWall = keywords.length > 0 ? `${keywords.join(' ')} ` : 'key secret ';
  const blocks = [
    () => 'a'.repeat(4096),
    () => f.string.alphanumeric(4096),
    () => f.string.numeric(4096),
    () => Array.from({ length: 800 }, () => f.string.numeric(4)).join(' '),
    () => 'password='.repeat(400),
    () => 'token: '.repeat(500),
    () => 'eyJ'.repeat(1200),
    () => '@'.repeat(4096),
    () => `${'a.'.repeat(1500)}@${'b.'.repeat(500)}`,
    () => `-----BEGIN RSA PRIVATE KEY-----\n${'A'.repeat(4000)}`,
    () => '+1 '.repeat(1300),
    () => 'postgres://user:'.repeat(250),
    () => `${f.string.alphanumeric(36)} `.repeat(110),
    () => triggerWall.repeat(Math.max(1, Math.ceil(4096 / triggerWall.length))).slice(0, 4096),
  ];
  return fill(size, () => `${f.helpers.arrayElement(blocks)()}\n`);
}
