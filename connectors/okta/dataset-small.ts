/** A small, realistic Okta org: AI and ordinary SaaS apps, people in departments, SSO and consent events. */
import {
  type AppKind,
  appJson,
  appUserJson,
  firstIndexAfter,
  grantJson,
  type Json,
  logEventJson,
  type OktaDataset,
  type PersonSeed,
  uuidFor,
} from './dataset.ts';

/** Catalog AI apps as admins name them in Okta (label, sign-on mode, domain). */
export const oktaAiApps: [string, AppKind, string][] = [
  ['ChatGPT Enterprise', 'saml', 'auth0.openai.com'],
  ['Claude Enterprise', 'saml', 'claude.ai'],
  ['Otter.ai', 'oidc', 'otter.ai'],
  ['Perplexity Enterprise Pro', 'saml', 'perplexity.ai'],
  ['Notion AI', 'saml', 'notion.so'],
  ['Grammarly Business', 'saml', 'grammarly.com'],
  ['Fireflies.ai', 'oidc', 'app.fireflies.ai'],
  ['Cursor Business', 'oidc', 'cursor.com'],
  ['GitHub Copilot Business', 'bookmark', 'github.com'],
  ['Jasper', 'saml', 'jasper.ai'],
  ['DeepL Pro', 'saml', 'deepl.com'],
  ['Gemini for Google Workspace', 'bookmark', 'gemini.google.com'],
];

/** AI-looking apps the catalog does not know (expected to become suspected services). */
export const oktaSuspectedApps: [string, AppKind, string][] = [
  ['Acme GPT Assistant', 'oidc', 'gpt.acme-internal.example'],
  ['MeetingMind AI Notetaker', 'oidc', 'meetingmind.example'],
  ['DocuBot LLM Copilot', 'saml', 'docubot.example'],
];

/** Ordinary SaaS (expected to be ignored as not AI). */
export const oktaPlainApps: [string, AppKind, string][] = [
  ['Salesforce', 'saml', 'acme.my.salesforce.com'],
  ['Workday', 'saml', 'wd5.myworkday.com'],
  ['Slack', 'saml', 'acme.slack.com'],
  ['Zoom', 'saml', 'acme.zoom.us'],
  ['Box', 'saml', 'acme.app.box.com'],
  ['Atlassian Cloud', 'saml', 'acme.atlassian.net'],
  ['DocuSign', 'saml', 'account.docusign.com'],
  ['ServiceNow', 'saml', 'acme.service-now.com'],
  ['Zendesk', 'saml', 'acme.zendesk.com'],
  ['BambooHR', 'saml', 'acme.bamboohr.com'],
  ['Expensify', 'saml', 'www.expensify.com'],
  ['Dropbox Business', 'saml', 'www.dropbox.com'],
  ['Asana', 'saml', 'app.asana.com'],
  ['Figma', 'saml', 'www.figma.com'],
  ['Tableau Cloud', 'saml', 'sso.online.tableau.com'],
  ['AWS IAM Identity Center', 'saml', 'signin.aws.amazon.com'],
  ['Intranet', 'bookmark', 'intranet.acme.example'],
];

export const departments = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Legal', 'Support', 'HR', 'Product'];
const firstNames = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam'];
const lastNames = ['Okafor', 'Schmidt', 'Nguyen', 'Patel', 'Garcia', 'Kowalski', 'Haddad', 'Tanaka', 'Silva', 'Berg'];

/** Person number `i` of a fixture org (deterministic). */
export function personSeed(i: number, domain = 'acme.example'): PersonSeed {
  const firstName = firstNames[i % firstNames.length]!;
  const lastName = lastNames[Math.floor(i / firstNames.length) % lastNames.length]!;
  return {
    id: `00u${i.toString(36).padStart(8, '0')}`,
    email: `${firstName}.${lastName}${i}@${domain}`.toLowerCase(),
    firstName,
    lastName,
    department: departments[i % departments.length]!,
  };
}

export const smallBase = new Date('2025-03-01T00:00:00Z');

/** The small fixture: 32 apps, 40 people, ~120 assignments, 90 SSO and consent events in February 2025. */
export class SmallOktaDataset implements OktaDataset {
  readonly apps: Json[];
  readonly people: PersonSeed[];
  readonly logs: Json[] = [];
  readonly grants = new Map<number, Json[]>();

  constructor() {
    const all = [...oktaAiApps, ...oktaSuspectedApps, ...oktaPlainApps];
    this.apps = all.map(([label, kind, domain], i) =>
      appJson(`0oa${i.toString(36).padStart(14, '0')}`, label, kind, new Date(Date.UTC(2024, i % 12, 1)), domain),
    );
    this.people = Array.from({ length: 40 }, (_, i) => personSeed(i));
    // Consents to AI apps with data scopes (OIDC apps only).
    this.apps.forEach((app, i) => {
      if (app['signOnMode'] !== 'OPENID_CONNECT') return;
      const scopes =
        i < oktaAiApps.length + oktaSuspectedApps.length ? ['okta.users.read', 'okta.groups.read'] : ['openid'];
      this.grants.set(
        i,
        scopes.map((s, k) =>
          grantJson(`oag${i}x${k}`, String(app['id']), s, this.people[k]!.id, new Date(Date.UTC(2025, 0, 5 + k))),
        ),
      );
    });
    this.addLogEvents(90, new Date('2025-02-01T00:00:00Z').getTime(), 7 * 60 * 60 * 1000);
  }

  /** Appends `count` events after `startMs`, `stepMs` apart (every 9th is a consent grant). */
  addLogEvents(count: number, startMs: number, stepMs: number): void {
    for (let k = 0; k < count; k++) {
      const n = this.logs.length;
      const p = this.people[(n * 7) % this.people.length]!;
      const appIdx = (n * 5) % this.apps.length;
      const app = this.apps[appIdx]!;
      const consent = n % 9 === 4;
      this.logs.push(
        logEventJson(
          uuidFor(n, 17),
          new Date(startMs + k * stepMs),
          consent ? 'app.oauth2.consent.grant' : 'user.authentication.sso',
          p,
          { id: String(app['id']), label: String(app['label']) },
          consent ? 'openid profile email offline_access' : undefined,
        ),
      );
    }
  }

  appCount(): number {
    return this.apps.length;
  }
  app(index: number): Json {
    return this.apps[index]!;
  }
  appIndex(id: string): number | undefined {
    const i = this.apps.findIndex((a) => a['id'] === id);
    return i < 0 ? undefined : i;
  }
  appUsers(index: number): Json[] {
    const app = this.apps[index]!;
    // Every app has 2-7 people, AI apps more often in Engineering and Marketing.
    const count = 2 + (index % 6);
    return Array.from({ length: count }, (_, k) => {
      const p = this.people[(index * 3 + k * 5) % this.people.length]!;
      return appUserJson(String(app['id']), p, new Date(Date.UTC(2024, 11, 1 + k)));
    });
  }
  appGrants(index: number): Json[] {
    return this.grants.get(index) ?? [];
  }
  logCount(): number {
    return this.logs.length;
  }
  log(index: number): Json {
    return this.logs[index]!;
  }
  firstLogAfter(ms: number): number {
    return firstIndexAfter(this.logs.length, (i) => Date.parse(String(this.logs[i]!['published'])), ms);
  }
}
