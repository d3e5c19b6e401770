/** The benchmark tenant, generated on demand: users with OAuth tokens and a long token-activity report. */
import type { GoogleDataset } from './dataset.ts';
import { activity } from './fixture.ts';

export interface LargeGoogleSizes {
  users: number;
  /** Token report events (authorize and activity), EVENT_STEP_MS apart. */
  events: number;
}

const EVENT_STEP_MS = 1_000;
const calendar = 'https://www.googleapis.com/auth/calendar.readonly';
const gmail = 'https://www.googleapis.com/auth/gmail.readonly';
const apps: [string, string, string[]][] = [
  ['Otter.ai', '111-otter.apps.googleusercontent.com', [calendar]],
  ['ChatGPT', '222-chatgpt.apps.googleusercontent.com', [gmail]],
  ['Fireflies.ai Notetaker', '444-ff.apps.googleusercontent.com', [calendar]],
  ['MailGenie AI Writer', '555-mail.apps.googleusercontent.com', [gmail]],
  ['Zoom', '333-zoom.apps.googleusercontent.com', [calendar]],
  ['Slack', '777-slack.apps.googleusercontent.com', ['openid']],
];
const departments = ['Engineering', 'Sales', 'Support', 'Finance', 'Legal', 'Marketing', 'Research', 'Operations'];

/** A generated tenant whose events end at `end` (event 0 is the oldest). */
export class LargeGoogleDataset implements GoogleDataset {
  constructor(
    readonly sizes: LargeGoogleSizes,
    readonly end = Date.parse('2026-03-10T00:00:00Z'),
  ) {}

  private email(i: number): string {
    return `user${i}@example.com`;
  }
  userCount(): number {
    return this.sizes.users;
  }
  user(i: number): object {
    const department = departments[i % departments.length]!;
    return {
      id: String(100000 + i),
      primaryEmail: this.email(i),
      name: { fullName: `User ${i}` },
      orgUnitPath: `/${department}`,
      organizations: [{ department, primary: true }],
    };
  }
  tokens(email: string): object[] | undefined {
    const m = /^user(\d+)@example\.com$/.exec(email);
    const i = m ? Number(m[1]) : Number.NaN;
    if (!(i >= 0 && i < this.sizes.users)) return undefined;
    // Two grants per user, rotating through the apps.
    return [0, 1].map((k) => {
      const [displayText, clientId, scopes] = apps[(i + k * 3) % apps.length]!;
      return { kind: 'admin#directory#token', clientId, displayText, scopes, nativeApp: false, anonymous: false };
    });
  }
  activities(application: string, startMs: number, endMs: number) {
    const total = application === 'token' ? this.sizes.events : 0;
    const first = this.end - (total - 1) * EVENT_STEP_MS;
    const lo = Math.max(0, Math.ceil((startMs - first) / EVENT_STEP_MS));
    const hi = Math.min(total - 1, Math.floor((endMs - first) / EVENT_STEP_MS));
    const count = Math.max(0, hi - lo + 1);
    return { count, at: (i: number) => this.event(hi - i, first + (hi - i) * EVENT_STEP_MS) };
  }
  private event(n: number, time: number): object {
    const [name, clientId, scopes] = apps[n % apps.length]!;
    const kind = n % 4 === 0 ? 'authorize' : 'activity';
    const parameters = [
      { name: 'app_name', value: name },
      { name: 'client_id', value: clientId },
      ...(kind === 'authorize' ? [{ name: 'scope', multiValue: scopes }] : []),
    ];
    const user = this.email((n * 7919) % this.sizes.users);
    return activity('token', new Date(time).toISOString(), user, [{ type: 'auth', name: kind, parameters }], `q${n}`);
  }
}
