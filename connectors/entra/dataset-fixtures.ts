/** The small Entra tenant (mutable, for incremental tests) and the generated benchmark tenant. */
import {
  assignmentJson,
  copilotRowJson,
  type EntraDataset,
  entraApps,
  guid,
  type Json,
  signInJson,
  spJson,
  userJson,
} from './dataset.ts';

const scopesFor = (i: number) =>
  i < 9
    ? 'openid profile email offline_access User.Read Mail.Read Files.Read.All'
    : i < 11
      ? 'User.Read Calendars.Read'
      : 'openid profile User.Read';

/** 20 service principals, 40 users, grants with data scopes, 60 sign-ins in February 2025, 8 Copilot seats. */
export class SmallEntraDataset implements EntraDataset {
  readonly sps: { json: Json; version: number }[] = entraApps.map(([n, p, h], i) => ({
    json: spJson(i, n, p, h),
    version: 0,
  }));
  readonly signIns: Json[] = [];
  private v = 0;

  constructor() {
    this.addSignIns(60, Date.parse('2025-02-01T00:00:00Z'), 11 * 3_600_000);
  }
  /** Appends sign-ins after `startMs`, `stepMs` apart. */
  addSignIns(count: number, startMs: number, stepMs: number): void {
    for (let k = 0; k < count; k++) {
      const n = this.signIns.length;
      const sp = (n * 3) % this.sps.length;
      this.signIns.push(
        signInJson(n, startMs + k * stepMs, (n * 7) % 40, sp, String(this.sps[sp]!.json['displayName'])),
      );
    }
  }
  /** Adds a service principal in a new delta version. */
  addServicePrincipal(name: string, publisher: string, host: string): void {
    this.v++;
    this.sps.push({ json: spJson(this.sps.length, name, publisher, host), version: this.v });
  }
  userCount = () => 40;
  user = (i: number) => userJson(i);
  spCount = () => this.sps.length;
  sp = (i: number) => this.sps[i]!.json;
  spVersion = (i: number) => this.sps[i]!.version;
  version = () => this.v;
  spIndex = (id: string) => {
    const i = this.sps.findIndex((s) => s.json['id'] === id);
    return i < 0 ? undefined : i;
  };
  assignedTo = (sp: number) =>
    Array.from({ length: 2 + (sp % 4) }, (_, k) =>
      assignmentJson(sp, String(this.sp(sp)['displayName']), (sp * 3 + k * 7) % 40, '2024-12-01T00:00:00Z'),
    );
  grantCount = () => this.sps.length;
  grant = (i: number): Json => ({
    id: `grant-${guid('grant', i).slice(0, 18)}`,
    clientId: this.sp(i)['id'],
    consentType: i % 3 === 0 ? 'AllPrincipals' : 'Principal',
    principalId: i % 3 === 0 ? null : userJson(i % 40)['id'],
    resourceId: guid('graph-sp', 0),
    scope: scopesFor(i),
  });
  signInCount = () => this.signIns.length;
  signIn = (i: number) => this.signIns[i]!;
  copilotRows = () =>
    Array.from({ length: 8 }, (_, k) => copilotRowJson(k * 5, k % 4 === 3 ? null : `2025-02-${10 + k}`));
}

export interface LargeEntraSizes {
  people: number;
  apps: number;
  events: number;
}

/** The benchmark tenant, generated per request: nothing is held in memory. */
export class LargeEntraDataset implements EntraDataset {
  constructor(
    readonly sizes: LargeEntraSizes = { people: 100_000, apps: 5_000, events: 1_000_000 },
    readonly start = Date.parse('2025-01-01T00:00:00Z'),
  ) {}
  private name(i: number): [string, string, string] {
    return entraApps[i] ?? [`Business App ${i}`, `Vendor ${i % 700}`, `app${i}.saas.example`];
  }
  userCount = () => this.sizes.people;
  user = (i: number) => userJson(i);
  spCount = () => this.sizes.apps;
  sp = (i: number) => spJson(i, ...this.name(i));
  spVersion = () => 0;
  version = () => 0;
  private ids: Map<string, number> | undefined;
  spIndex = (id: string) => {
    this.ids ??= new Map(Array.from({ length: this.sizes.apps }, (_, i) => [guid('sp', i), i]));
    return this.ids.get(id);
  };
  assignedTo = (sp: number) => {
    const out: Json[] = [];
    for (let u = sp; u < this.sizes.people; u += this.sizes.apps)
      out.push(assignmentJson(sp, this.name(sp)[0], u, '2024-12-01T00:00:00Z'));
    return out;
  };
  grantCount = () => this.sizes.apps;
  grant = (i: number): Json => ({
    id: `grant-${i}`,
    clientId: guid('sp', i),
    consentType: 'AllPrincipals',
    principalId: null,
    resourceId: guid('graph-sp', 0),
    scope: scopesFor(i % 20),
  });
  signInCount = () => this.sizes.events;
  signIn = (n: number) => {
    const sp = (n * 31) % this.sizes.apps;
    return signInJson(n, this.start + n * 2000, (n * 7919) % this.sizes.people, sp, this.name(sp)[0]);
  };
  copilotRows = () => [];
}
