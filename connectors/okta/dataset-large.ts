/** The benchmark org, generated on demand: 100,000 people, 5,000 apps, 1,000,000 SSO events (nothing held in memory). */
import { type AppKind, appJson, appUserJson, type Json, logEventJson, type OktaDataset, uuidFor } from './dataset.ts';
import { oktaAiApps, oktaPlainApps, oktaSuspectedApps, personSeed } from './dataset-small.ts';

export interface LargeSizes {
  people: number;
  apps: number;
  events: number;
}

export const largeSizes: LargeSizes = { people: 100_000, apps: 5_000, events: 1_000_000 };

/** Apps each person is assigned to. */
const ASSIGNMENTS_PER_PERSON = 3;
const EVENT_STEP_MS = 2_000;

/** A generated org; `start` is the time of event 0 (events are EVENT_STEP_MS apart). */
export class LargeOktaDataset implements OktaDataset {
  private readonly named = [...oktaAiApps, ...oktaSuspectedApps, ...oktaPlainApps];

  constructor(
    readonly sizes: LargeSizes = largeSizes,
    readonly start = new Date('2025-01-01T00:00:00Z').getTime(),
  ) {}

  private appId(index: number): string {
    return `0oa${index.toString(36).padStart(14, '0')}`;
  }
  private appLabel(index: number): [string, AppKind, string] {
    const named = this.named[index];
    if (named) return named;
    const kinds: AppKind[] = ['saml', 'oidc', 'bookmark'];
    return [`Business App ${index}`, kinds[index % 3]!, `app${index}.saas.example`];
  }

  appCount(): number {
    return this.sizes.apps;
  }
  app(index: number): Json {
    const [label, kind, domain] = this.appLabel(index);
    return appJson(this.appId(index), label, kind, new Date(this.start - (index % 365) * 86_400_000), domain);
  }
  appIndex(id: string): number | undefined {
    if (!/^0oa[0-9a-z]{14}$/.test(id)) return undefined;
    const i = Number.parseInt(id.slice(3), 36);
    return i < this.sizes.apps ? i : undefined;
  }
  /** Person p is assigned to apps (p + t·stride) mod apps for t < ASSIGNMENTS_PER_PERSON; this inverts that. */
  appUsers(index: number): Json[] {
    const { apps, people } = this.sizes;
    const stride = Math.floor(apps / ASSIGNMENTS_PER_PERSON);
    const out: Json[] = [];
    const id = this.appId(index);
    for (let t = 0; t < ASSIGNMENTS_PER_PERSON; t++) {
      const first = (((index - t * stride) % apps) + apps) % apps;
      for (let p = first; p < people; p += apps)
        out.push(appUserJson(id, personSeed(p), new Date(this.start - 86_400_000)));
    }
    return out;
  }
  appGrants(): Json[] {
    return [];
  }
  logCount(): number {
    return this.sizes.events;
  }
  log(index: number): Json {
    const p = personSeed((index * 7919) % this.sizes.people);
    const appIdx = (index * 31) % this.sizes.apps;
    const [label] = this.appLabel(appIdx);
    return logEventJson(uuidFor(index), new Date(this.start + index * EVENT_STEP_MS), 'user.authentication.sso', p, {
      id: this.appId(appIdx),
      label,
    });
  }
  firstLogAfter(ms: number): number {
    const i = Math.floor((ms - this.start) / EVENT_STEP_MS) + 1;
    return Math.min(this.sizes.events, Math.max(0, i));
  }
}
