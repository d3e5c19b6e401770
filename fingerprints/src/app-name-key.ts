/**
 * App names in IdP and SaaS admin records carry decorations that say nothing about which service it is:
 * the protocol ("(SAML)", "OIDC", "SSO"), the plan ("Enterprise", "Team", "for Work"), the environment
 * ("- Production", "[PROD]") and trademark signs. `appNameKey` strips them so that "ChatGPT Enterprise (SAML)",
 * "chatgpt" and "Chat GPT™" share one key.
 */

const trademarks = /[\u2122\u00ae\u00a9\u2120]/g;
const bracketed = /[([{<][^)\]}>]*[)\]}>]/g;
const combiningMarks = /\p{M}+/gu;
const nonAlphanumeric = /[^\p{L}\p{N}]+/u;
const hasAlphanumeric = /[\p{L}\p{N}]/u;

/** Words that only say how, for whom or where an app is deployed; removed from the end (and protocol/env words from the start). */
const decorationSuffixes = new Set([
  'saml',
  'saml2',
  'oidc',
  'sso',
  'scim',
  'oauth',
  'oauth2',
  'openid',
  'enterprise',
  'business',
  'team',
  'edu',
  'education',
  'pro',
  'plus',
  'premium',
  'app',
  'apps',
  'application',
  'production',
  'prod',
  'staging',
  'stage',
  'sandbox',
  'test',
  'dev',
  'uat',
  'qa',
  'integration',
  'connector',
]);
const decorationPrefixes = new Set([
  'saml',
  'oidc',
  'sso',
  'oauth',
  'prod',
  'production',
  'staging',
  'dev',
  'test',
  'sandbox',
]);
/** "for <audience>" at the end: "for Work", "for Business". */
const audiences = new Set(['work', 'business', 'enterprise', 'enterprises', 'education', 'teams', 'government', 'edu']);

/** Splits an app name into lower-case words, without diacritics, trademark signs or bracketed remarks. */
export function appNameWords(name: string): string[] {
  // Trademark signs go first: NFKD would turn ™ into the letters TM.
  let text = name.replace(trademarks, '').normalize('NFKD').replace(combiningMarks, '').toLowerCase();
  const unbracketed = text.replace(bracketed, ' ');
  if (hasAlphanumeric.test(unbracketed)) text = unbracketed;
  const words = text.split(nonAlphanumeric);
  const out: string[] = [];
  for (const w of words) if (w.length > 0) out.push(w);
  return out;
}

/** Removes deployment decorations from both ends of a word list, never leaving it empty. */
export function stripDecorations(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  for (;;) {
    if (end - start > 2 && words[end - 2] === 'for' && audiences.has(words[end - 1]!)) end -= 2;
    else if (end - start > 1 && decorationSuffixes.has(words[end - 1]!)) end--;
    else if (end - start > 1 && decorationPrefixes.has(words[start]!)) start++;
    else break;
  }
  return start === 0 && end === words.length ? words : words.slice(start, end);
}

/** Keys that name a kind of tool rather than one service; the catalog never indexes them (see README). */
export const genericAppKeys: ReadonlySet<string> = new Set(
  'gpt llm chat chatbot copilot assistant agent agents bot flow notes studio search translate translator writer docs meet video voice image code'.split(
    ' ',
  ),
);

/**
 * The normalised key of an app name: words without decorations, joined without spaces ("" for no words).
 * When stripping leaves only a generic word ("GPT for Work" → "gpt"), the decorations were part of the name
 * and the undecorated words are kept ("gptforwork").
 */
export function appNameKey(name: string): string {
  const words = appNameWords(name);
  const key = stripDecorations(words).join('');
  return genericAppKeys.has(key) ? words.join('') : key;
}
