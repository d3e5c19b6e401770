import type { Detector } from '../../types.ts';

/** File extensions that follow `@` in asset names (`icon@2x.png`), never a top-level domain of a mailbox. */
const NOT_TLDS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'js', 'ts', 'css', 'map', 'json', 'md']);
/** Domains of machine identities, not people (cloud service accounts, commit e-mail relays). */
const ROBOT_DOMAINS = ['.gserviceaccount.com', 'users.noreply.github.com'];
/** Local parts of service addresses that are not a person (SSH remotes). */
const SERVICE_LOCALS = new Set(['git']);

/** E-mail addresses: RFC-shaped local part and domain, a letter TLD that is not a file extension. */
export const emailAddress: Detector = {
  id: 'email-address',
  name: 'E-mail address',
  category: 'pii',
  description:
    'E-mail addresses with a dotted domain and an alphabetic top-level domain; not asset names or URL user info.',
  trigger: { char: '@' },
  window: 100,
  pattern:
    /(?<![A-Za-z0-9._%+/=-])(?<!:\/\/[^\s/@]{0,128}:[^\s/@]{0,128})(?<value>[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24})(?![A-Za-z0-9-]|\.[A-Za-z0-9])/g,
  confidence: 'medium',
  validate: (value) => {
    const [local = '', domain = ''] = value.split('@');
    const tld = domain.slice(domain.lastIndexOf('.') + 1).toLowerCase();
    const robot = ROBOT_DOMAINS.some((d) => domain.toLowerCase().endsWith(d));
    return !NOT_TLDS.has(tld) && !SERVICE_LOCALS.has(local.toLowerCase()) && !local.includes('..') && !robot;
  },
  context: ['email', 'e-mail', 'mail', 'contact', 'address', 'reach'],
  examples: {
    positive: ['Please forward it to maria.gonzalez@northwind-traders.com today.', 'contact: j.okafor+billing@acme.io'],
    negative: [
      'retina asset icon@2x.png',
      'git@github.com:org/repo.git',
      'npm install lodash@4.17.21',
      'write to someone@example.com',
      'postgres://admin:pw@db.internal.net/app',
    ],
  },
};
