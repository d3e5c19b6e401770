import { charClasses, shannonEntropy } from '../../validators/entropy.ts';

/** Names ending in a secret word that still hold no secret. */
const NAME_STOPS = new Set([
  'cache_key',
  'cachekey',
  'sort_key',
  'sortkey',
  'primary_key',
  'primarykey',
  'foreign_key',
  'partition_key',
  'partitionkey',
  'row_key',
  'rowkey',
  'hash_key',
  'range_key',
  'idempotency_key',
  'idempotencykey',
  'public_key',
  'publickey',
  'pub_key',
  'publishable_key',
  'publishablekey',
  'site_key',
  'sitekey',
  'object_key',
  'objectkey',
  's3_key',
  'bucket_key',
  'hotkey',
  'monkey',
  'turkey',
  'donkey',
  'next_token',
  'nexttoken',
  'page_token',
  'pagetoken',
  'next_page_token',
  'continuation_token',
  'continuationtoken',
  'sync_token',
  'csrf_token',
  'csrftoken',
  'max_token',
  'bypass',
  'compass',
  'encompass',
  'trespass',
  'overpass',
  'underpass',
  'byPass',
]);

/** Values that are words, types, references or stand-ins rather than secrets. */
const VALUE_STOPS = new Set([
  'none',
  'null',
  'nil',
  'undefined',
  'true',
  'false',
  'yes',
  'no',
  'required',
  'optional',
  'string',
  'str',
  'bytes',
  'number',
  'integer',
  'boolean',
  'default',
  'empty',
  'hidden',
  'masked',
  'secret',
  'password',
  'token',
  'changeit',
  'letmein',
  'unknown',
  'unset',
  'env',
  'environment',
  'readonly',
  'sensitive',
  'process',
]);

/** Words a value may contain only when it names a secret instead of holding one (`prod/db/password`). */
const VALUE_REFERENCE_WORDS = [
  'secret',
  'password',
  'passwd',
  'token',
  'api_key',
  'apikey',
  'vault',
  'getenv',
  'environ',
];
const DOTTED_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,80}(?:\.[A-Za-z_][A-Za-z0-9_]{0,80}){1,8}$/;
const PATH_LIKE = /^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)|\.(?:pem|key|json|txt|yaml|yml|env|crt|p12|pfx|cfg|conf|ini)$/i;
const IDENTIFIER =
  /^(?:[a-z]{1,40}(?:[_-][a-z]{1,40}){0,8}|[A-Z]{1,40}(?:_[A-Z0-9]{1,40}){0,8}|[a-z]{1,40}(?:[A-Z][a-z]{1,40}){1,8})$/;

/** Kind of secret a name announces: passwords may be short and plain, keys and tokens must look random. */
export function nameKind(name: string): 'password' | 'key' | 'bare-key' | 'stop' {
  const n = name.toLowerCase().replace(/^[-$@.]{1,4}/, '');
  if (NAME_STOPS.has(n) || NAME_STOPS.has(n.replace(/-/g, '_'))) return 'stop';
  if (/(?:password|passwd|pwd|pass)$/.test(n)) return 'password';
  if (n === 'key') return 'bare-key';
  return 'key';
}

/** True when an assigned value can be a secret for a name of that kind (entropy, classes, stop-words). */
export function plausibleSecret(value: string, kind: ReturnType<typeof nameKind>): boolean {
  if (kind === 'stop') return false;
  const lower = value.toLowerCase();
  if (VALUE_STOPS.has(lower) || /^[0-9]{1,200}$/.test(value)) return false;
  if (VALUE_REFERENCE_WORDS.some((w) => lower.includes(w))) return false;
  if (DOTTED_IDENTIFIER.test(value) || PATH_LIKE.test(value) || IDENTIFIER.test(value)) return false;
  if (/^[$%&*@!#]/.test(value) || value.includes('://') || /=[^=]/.test(value) || /[()[\]{}]/.test(value)) return false;
  // Entropy last: it is the costliest check.
  if (kind === 'password') return value.length >= 6 && charClasses(value) >= 2 && shannonEntropy(value) >= 2.2;
  if (kind === 'bare-key') return value.length >= 20 && charClasses(value) >= 2 && shannonEntropy(value) >= 3.5;
  return value.length >= 12 && charClasses(value) >= 2 && shannonEntropy(value) >= 3.0;
}
