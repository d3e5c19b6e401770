import type { AccountType } from '@sightline/backend/protocol';
import type { AccountHint } from '@sightline/fingerprints';

/** The account the page is signed in with: type, and the e-mail domain when the page shows an address. */
export interface AccountInfo {
  accountType: AccountType;
  accountDomain?: string;
}

export interface AccountPage {
  host: string;
  path: string;
  doc: ParentNode;
  cookie: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/;
const CONSUMER_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'proton.me',
  'protonmail.com',
]);

function hostMatches(host: string, path: string, rule: string): boolean {
  const slash = rule.indexOf('/');
  const ruleHost = slash === -1 ? rule : rule.slice(0, slash);
  const rulePath = slash === -1 ? '' : rule.slice(slash);
  const hostOk = host === ruleHost || host.endsWith(`.${ruleHost}`);
  return hostOk && (rulePath === '' || path === rulePath || path.startsWith(`${rulePath}/`));
}

function safeQuery(doc: ParentNode, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

/**
 * Applies the catalog's account hints in order: an e-mail shown in the page decides by the organisation's
 * domains; host, path, selector and cookie hints give their signal. Nothing conclusive gives `unknown`.
 */
export function detectAccount(
  hints: readonly AccountHint[],
  page: AccountPage,
  orgDomains: readonly string[],
): AccountInfo {
  const domains = new Set(orgDomains.map((d) => d.toLowerCase()));
  for (const hint of hints) {
    if (hint.kind !== 'email') continue;
    const el = safeQuery(page.doc, hint.value);
    const text = el
      ? `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''} ${el.textContent ?? ''}`
      : '';
    const found = EMAIL.exec(text);
    if (!found) continue;
    const accountDomain = found[1]!.toLowerCase();
    const corporate = [...domains].some((d) => accountDomain === d || accountDomain.endsWith(`.${d}`));
    if (corporate) return { accountType: 'corporate', accountDomain };
    if (domains.size > 0 || CONSUMER_DOMAINS.has(accountDomain)) return { accountType: 'personal', accountDomain };
    return { accountType: 'unknown', accountDomain };
  }
  for (const hint of hints) {
    const hit =
      (hint.kind === 'host' && hostMatches(page.host, page.path, hint.value)) ||
      (hint.kind === 'path' &&
        (page.path === hint.value || page.path.startsWith(`${hint.value.replace(/\/$/, '')}/`))) ||
      (hint.kind === 'selector' && safeQuery(page.doc, hint.value) !== null) ||
      (hint.kind === 'cookie' && page.cookie.split(';').some((c) => c.trim().startsWith(`${hint.value}=`)));
    if (hit) return { accountType: hint.signal };
  }
  return { accountType: 'unknown' };
}
