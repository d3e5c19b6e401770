import type { Detector } from '../../types.ts';
import { shannonEntropy } from '../../validators/entropy.ts';
import { nameKind, plausibleSecret } from './generic-secret-rules.ts';

/** `[A-Za-z0-9_]`: 2; `.`, `$`, `@`, `-`: 1 (name chars that a name may start after); other chars 0. */
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_]/.test(ch)) NAME_CHAR[c] = 2;
  else if ('.$@-'.includes(ch)) NAME_CHAR[c] = 1;
}

/**
 * Where a match holding the keyword at `at` may start: the keyword sits in the secret word that ends the name, at
 * most 8 chars into it (`private_key`), after at most 40 name chars, so a start lies within 48 chars before it,
 * with only name chars between, and not after a word char (the pattern's lookbehind).
 */
function nameStarts(text: string, at: number, out: number[]): void {
  const min = Math.max(0, at - 48);
  for (let s = at; s >= min; s--) {
    if (s === 0) {
      out.push(0);
      return;
    }
    const c = text.charCodeAt(s - 1);
    const kind = c < 128 ? NAME_CHAR[c]! : 0;
    if (kind !== 2) out.push(s);
    if (kind === 0) return;
  }
}

const SECRET_WORDS =
  'api[_.-]?key|apikey|secret[_.-]?key|access[_.-]?key|private[_.-]?key|client[_.-]?secret|auth[_.-]?token|access[_.-]?token|secret|password|passwd|pass|pwd|token|credentials?|key';

/**
 * Assignments of a random-looking value to a secret-named key, in code, YAML, JSON, .env and CLI flags:
 * `API_KEY=...`, `password: ...`, `"clientSecret": "..."`, `--token ...`.
 */
export const genericSecretAssignment: Detector = {
  id: 'generic-secret-assignment',
  name: 'Secret assigned to a key, password or token',
  category: 'secret',
  description:
    'A value assigned to a name ending in key/secret/password/token whose entropy and character mix look like a secret; stop-words, references and placeholders are rejected.',
  trigger: { keywords: ['key', 'secret', 'pass', 'pwd', 'token', 'credential'] },
  // The name ends in a keyword and holds at most 40 chars before it, so a match starts at most 40 chars before a
  // hit; its value may run past the window (regions end at whitespace, and a match cut there is re-checked).
  window: 48,
  pattern: new RegExp(
    String.raw`(?<![A-Za-z0-9_])(?<name>[A-Za-z0-9_.$@-]{0,40}?(?:${SECRET_WORDS}))(?:["'\]]{0,2}[ \t]{0,4}(?:=|:=|=>|:)|[ \t])[ \t]{0,4}[\[(]?[ \t]{0,2}(?:["'\x60]|[bru]["'])?(?<value>[^\s"'\x60,;(){}\[\]<>]{6,200})`,
    'gi',
  ),
  matchStarts: nameStarts,
  confidence: 'medium',
  generic: true,
  validate: (value, match) => {
    const name = match?.groups?.name ?? '';
    // A bare space between name and value only counts for CLI flags (`--token abc`), not prose.
    const gap = match ? match[0].slice(name.length, match[0].length - value.length) : '=';
    if (!/[=:]/.test(gap) && !name.startsWith('-')) return false;
    return plausibleSecret(value, nameKind(name));
  },
  confidenceOf: (value) => (value.length >= 20 && shannonEntropy(value) >= 4 ? 'high' : 'medium'),
  examples: {
    positive: [
      'STRIPE_WEBHOOK_SECRET=whk_9fK2qLm8ZxR4vT7nB3cW',
      'db:\n  password: "Tr0ub4dor&3x"',
      '{"clientSecret": "Qm8vX2kLp9RzT4nW7cY3bH6j"}',
      'deploy --api-key 7c2f9a4e1b8d3f6a0e5c9b2d7f4a1e8c',
      'internal_token = "4kR9mXq2Lz7vP3tN8wB5"',
    ],
    negative: [
      'password = os.environ["DB_PASSWORD"]',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the point of this example
      'api_key: ${API_KEY}',
      'SECRET_KEY=changeme',
      'token: <your-token-here>',
      'cache_key = "user:1234:profile:v2"',
      'password_length: 12345678',
      'the secret ingredient is love',
      'private_key_path: ~/.ssh/id_ed25519',
      'publicKey: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE8fJ"',
      'key: Enter',
    ],
  },
};
