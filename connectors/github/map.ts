import { z } from 'zod';
import type { ObservationInput, PersonInput } from '../src/types.ts';

export const source = 'github';

const permissions = z.record(z.string(), z.unknown()).nullish();

export const installationSchema = z.object({
  id: z.number(),
  app_slug: z.string(),
  client_id: z.string().nullish(),
  target_type: z.string().nullish(),
  repository_selection: z.string().nullish(),
  permissions,
  events: z.array(z.string()).nullish(),
  created_at: z.string(),
  updated_at: z.string(),
  suspended_at: z.string().nullish(),
});

const userSchema = z.object({
  login: z.string(),
  id: z.number(),
  email: z.string().nullish(),
  name: z.string().nullish(),
});

export const seatSchema = z.object({
  assignee: userSchema.nullish(),
  assigning_team: z.object({ slug: z.string() }).nullish(),
  plan_type: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  last_activity_at: z.string().nullish(),
  last_activity_editor: z.string().nullish(),
  pending_cancellation_date: z.string().nullish(),
});

export const patGrantSchema = z.object({
  id: z.number(),
  owner: userSchema,
  token_name: z.string().nullish(),
  token_id: z.number().nullish(),
  token_expired: z.boolean().nullish(),
  token_expires_at: z.string().nullish(),
  token_last_used_at: z.string().nullish(),
  repository_selection: z.string().nullish(),
  access_granted_at: z.string(),
  permissions: z.record(z.string(), permissions).nullish(),
});

/** GitHub permission maps (`{ contents: 'read' }`, or nested by resource kind) as sorted `name:level` scopes. */
export function permissionScopes(perms: Record<string, unknown> | null | undefined, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, level] of Object.entries(perms ?? {})) {
    if (typeof level === 'string') out.push(`${prefix}${name}:${level}`);
    else if (level && typeof level === 'object')
      out.push(...permissionScopes(level as Record<string, unknown>, `${name}.`));
  }
  return out.sort().slice(0, 200);
}

/** The newest of some ISO timestamps (ignoring missing ones), as epoch ms; 0 when none. */
export function newest(...times: (string | null | undefined)[]): number {
  return Math.max(0, ...times.map((t) => (t ? Date.parse(t) : 0)).filter((n) => !Number.isNaN(n)));
}

const person = (u: z.infer<typeof userSchema>) =>
  u.email ? { email: u.email.toLowerCase() } : { externalId: u.login.toLowerCase() };

/** A GitHub user as a person: e-mail when the API gives one, else `ext:github:<login>`. */
export function mapPerson(raw: unknown): PersonInput {
  const u = userSchema.parse(raw);
  const email = u.email?.toLowerCase();
  return {
    personKey: email ?? `ext:github:${u.login.toLowerCase()}`,
    ...(email ? { email } : {}),
    name: u.name ?? u.login,
  };
}

/** An organisation app installation as an `install` of the app (slug as the marketplace id). */
export function mapInstallation(raw: unknown): ObservationInput {
  const i = installationSchema.parse(raw);
  return {
    source,
    sourceRef: `installation:${i.id}`,
    kind: 'install',
    app: { name: i.app_slug, clientId: i.app_slug },
    windowStart: new Date(i.created_at),
    windowEnd: new Date(i.updated_at),
    scopes: permissionScopes(i.permissions),
    details: {
      appClientId: i.client_id ?? null,
      targetType: i.target_type ?? null,
      repositorySelection: i.repository_selection ?? null,
      suspended: Boolean(i.suspended_at),
      events: i.events ?? [],
    },
  };
}

/** A Copilot seat as a `seat` of GitHub Copilot, its window from assignment to last activity. */
export function mapSeat(raw: unknown): { observation: ObservationInput; person: PersonInput } | null {
  const s = seatSchema.parse(raw);
  if (!s.assignee) return null;
  const start = new Date(s.created_at);
  const last = s.last_activity_at ? new Date(s.last_activity_at) : start;
  return {
    observation: {
      source,
      sourceRef: `copilot-seat:${s.assignee.id}`,
      kind: 'seat',
      app: { name: 'GitHub Copilot' },
      person: person(s.assignee),
      windowStart: start,
      windowEnd: last < start ? start : last,
      details: {
        login: s.assignee.login,
        planType: s.plan_type ?? null,
        lastActivityAt: s.last_activity_at ?? null,
        lastActivityEditor: s.last_activity_editor ?? null,
        pendingCancellationDate: s.pending_cancellation_date ?? null,
        assigningTeam: s.assigning_team?.slug ?? null,
      },
    },
    person: mapPerson(s.assignee),
  };
}

/** A fine-grained personal access token's access to the organisation as an `oauth_grant` named by the token. */
export function mapPatGrant(raw: unknown): { observation: ObservationInput; person: PersonInput } {
  const g = patGrantSchema.parse(raw);
  const start = new Date(g.access_granted_at);
  const lastUsed = g.token_last_used_at ? new Date(g.token_last_used_at) : start;
  return {
    observation: {
      source,
      sourceRef: `pat-grant:${g.id}`,
      kind: 'oauth_grant',
      ...(g.token_name ? { app: { name: g.token_name.slice(0, 300) } } : {}),
      person: person(g.owner),
      windowStart: start,
      windowEnd: lastUsed < start ? start : lastUsed,
      scopes: permissionScopes(g.permissions),
      details: {
        tokenId: g.token_id ?? null,
        login: g.owner.login,
        expired: g.token_expired ?? false,
        expiresAt: g.token_expires_at ?? null,
        lastUsedAt: g.token_last_used_at ?? null,
        repositorySelection: g.repository_selection ?? null,
      },
    },
    person: mapPerson(g.owner),
  };
}
