/**
 * Placeholder and test-value recognition. A value that is itself a placeholder is dropped; a value in
 * placeholder or test context (or one that merely mentions a test word) is lowered one level.
 */

/** Substrings that make a value a placeholder (checked lowercased). */
const PLACEHOLDER_PARTS = [
  'example',
  'sample',
  'dummy',
  'placeholder',
  '****',
  '....',
  '____',
  'your_',
  'your-',
  'yourkey',
  'yoursecret',
  'yourtoken',
  'yourpassword',
  '${',
  '{{',
  '}}',
  '%s',
  '%(',
  'changeme',
  'change_me',
  'redacted',
  'lorem',
  'notreal',
  'not_real',
  'not-a-real',
  'replace_me',
  'replaceme',
  'insert_',
];

/** `<YOUR_KEY>`, `<token>`: a name in angle brackets. */
const ANGLE_PLACEHOLDER = /<[A-Za-z][\w -]{0,40}>/;

/** `xxxx` as a field of its own (`sk-xxxx`, `XXXX-XXXX`) or six x in a row; a BIC's `XXX` branch is fine. */
const X_RUN = /(?:^|[^A-Za-z])[xX]{4}|[xX]{6}/;

/** Documented sample values that are published everywhere (normalised: alphanumerics only, uppercase). */
const DOCUMENTED_VALUES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  '4111111111111111',
  '4242424242424242',
  '4012888888881881',
  '5555555555554444',
  '5105105105105100',
  '378282246310005',
  '371449635398431',
  '6011111111111117',
  '3530111333300000',
  '30569309025904',
  '078051120',
  '219099999',
  'GB82WEST12345698765432',
  'DE89370400440532013000',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
]);

/** Words that, near a value, mark it as an example or test value (lower one level). */
const CONTEXT_WORDS = ['example', 'sample', 'dummy', 'fake', 'test', 'placeholder', 'mock', 'e.g.', 'lorem'];
/** Words inside a value that lower it one level (test-mode keys, fixtures). */
const VALUE_LOWER_WORDS = ['test', 'fake', 'mock', 'demo'];

function normalise(value: string): string {
  return value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

/** True when the value is mostly one character or a short unit repeated (`aaaaaaa`, `4242424242`). */
export function isRepetitive(value: string): boolean {
  const v = normalise(value);
  if (v.length < 6) return false;
  if (new Set(v).size <= 2) return true;
  let run = 1;
  let longest = 1;
  for (let i = 1; i < v.length; i++) {
    run = v[i] === v[i - 1] ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  if (longest * 2 >= v.length) return true;
  for (let p = 2; p <= 4; p++) {
    let same = 0;
    for (let i = p; i < v.length; i++) if (v[i] === v[i - p]) same++;
    if (same >= (v.length - p) * 0.9) return true;
  }
  return false;
}

/** True when the value holds an ascending or descending run of 6+ letters or digits (`123456`, `abcdef`). */
export function hasSequence(value: string): boolean {
  const v = normalise(value);
  let up = 1;
  let down = 1;
  for (let i = 1; i < v.length; i++) {
    const d = v.charCodeAt(i) - v.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (up >= 6 || down >= 6) return true;
  }
  return false;
}

/** `drop` for placeholder values, `lower` for test-looking values, `keep` otherwise. */
export function judgeValue(value: string): 'drop' | 'lower' | 'keep' {
  const lower = value.toLowerCase();
  for (const part of PLACEHOLDER_PARTS) if (lower.includes(part)) return 'drop';
  if (ANGLE_PLACEHOLDER.test(value) || X_RUN.test(value)) return 'drop';
  if (DOCUMENTED_VALUES.has(normalise(value))) return 'drop';
  if (isRepetitive(value) || hasSequence(value)) return 'drop';
  for (const word of VALUE_LOWER_WORDS) if (lower.includes(word)) return 'lower';
  return 'keep';
}

/** The part of `s` after its last line break (searches stay within the given slice: linear time). */
function lineTail(s: string): string {
  return s.slice(s.lastIndexOf('\n') + 1);
}

/** The part of `s` before its first line break. */
function lineHead(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}

/** True when a placeholder or test word stands just before the value or right after it on the same line. */
export function inPlaceholderContext(text: string, start: number, end: number): boolean {
  const before = lineTail(text.slice(Math.max(0, start - 80), start)).toLowerCase();
  const after = lineHead(text.slice(end, end + 40)).toLowerCase();
  return CONTEXT_WORDS.some((w) => hasWordStart(before, w) || hasWordStart(after, w));
}

/** True when `word` occurs in `haystack` not preceded by a letter (so `latest` does not hold `test`). */
export function hasWordStart(haystack: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(word, from);
    if (at < 0) return false;
    const prev = at > 0 ? haystack.charCodeAt(at - 1) : 32;
    if (!((prev >= 97 && prev <= 122) || (prev >= 65 && prev <= 90))) return true;
    from = at + 1;
  }
}

const HEX_OR_UUID =
  /^(?:[0-9a-fA-F]{7,128}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Labels that announce a digest or an identifier rather than a secret. */
const DIGEST_WORDS = [
  'commit',
  'sha',
  'md5',
  'hash',
  'digest',
  'checksum',
  'etag',
  'revision',
  'req=',
  'request',
  'trace',
  'span',
  'uuid',
];

/** True when a hex or UUID value directly follows a digest or id label on its line (`commit 3f2a…`, `req=…`). */
export function inDigestContext(text: string, start: number, value: string): boolean {
  if (!HEX_OR_UUID.test(value)) return false;
  const before = lineTail(text.slice(Math.max(0, start - 24), start)).toLowerCase();
  return DIGEST_WORDS.some((w) => before.includes(w));
}
