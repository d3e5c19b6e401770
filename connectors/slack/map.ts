import { z } from 'zod';
import type { ObservationInput, PersonInput } from '../src/types.ts';

export const source = 'slack';

const appSchema = z.object({
  id: z.string(),
  name: z.string(),
  app_homepage_url: z.string().nullish(),
  privacy_policy_url: z.string().nullish(),
  app_directory_url: z.string().nullish(),
  is_app_directory_approved: z.boolean().nullish(),
  is_internal: z.boolean().nullish(),
});
const scopeSchema = z.object({
  name: z.string(),
  is_sensitive: z.boolean().nullish(),
  token_type: z.string().nullish(),
});

export const approvedAppSchema = z.object({
  app: appSchema,
  scopes: z.array(scopeSchema).nullish(),
  date_updated: z.number(),
  last_resolved_by: z.object({ actor_id: z.string().nullish(), actor_type: z.string().nullish() }).nullish(),
  enterprise: z.object({ id: z.string() }).nullish(),
  team: z.object({ id: z.string() }).nullish(),
});

export const appRequestSchema = z.object({
  id: z.string(),
  app: appSchema,
  user: z.object({ id: z.string(), name: z.string().nullish(), email: z.string().nullish() }).nullish(),
  team: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
  scopes: z.array(scopeSchema).nullish(),
  message: z.string().nullish(),
  date_created: z.number(),
});

export const integrationLogSchema = z.object({
  app_id: z.string().nullish(),
  app_type: z.string().nullish(),
  service_id: z.union([z.string(), z.number()]).nullish(),
  service_type: z.string().nullish(),
  user_id: z.string(),
  user_name: z.string().nullish(),
  channel: z.string().nullish(),
  date: z.union([z.string(), z.number()]),
  change_type: z.string(),
  scope: z.string().nullish(),
  reason: z.string().nullish(),
});
export type IntegrationLog = z.infer<typeof integrationLogSchema>;

/** Hosts of an app's homepage and privacy policy (not slack.com), for domain matching. */
export function appDomains(app: z.infer<typeof appSchema>): string[] {
  const hosts = new Set<string>();
  for (const u of [app.app_homepage_url, app.privacy_policy_url]) {
    if (!u || !URL.canParse(u)) continue;
    const host = new URL(u).hostname.toLowerCase();
    if (host && !/(^|\.)slack\.com$/.test(host)) hosts.add(host);
  }
  return [...hosts].sort();
}

const appRecord = (app: z.infer<typeof appSchema>) => {
  const domains = appDomains(app);
  return { name: app.name.slice(0, 300), clientId: app.id, ...(domains.length > 0 ? { domains } : {}) };
};
const epoch = (s: number | string) => new Date(Number(s) * 1000);
const scopeNames = (scopes: z.infer<typeof scopeSchema>[] | null | undefined) =>
  (scopes ?? []).map((s) => s.name).slice(0, 200);

/** An app approved for the organisation or a workspace, as an `app` observation. */
export function mapApprovedApp(raw: unknown): ObservationInput {
  const a = approvedAppSchema.parse(raw);
  const where = a.enterprise?.id ?? a.team?.id ?? 'org';
  const at = epoch(a.date_updated);
  return {
    source,
    sourceRef: `approved:${where}:${a.app.id}`,
    kind: 'app',
    app: appRecord(a.app),
    windowStart: at,
    windowEnd: at,
    scopes: scopeNames(a.scopes),
    details: {
      status: 'approved',
      isInternal: a.app.is_internal ?? false,
      isAppDirectoryApproved: a.app.is_app_directory_approved ?? false,
      sensitiveScopes: (a.scopes ?? []).filter((s) => s.is_sensitive).map((s) => s.name),
      resolvedBy: a.last_resolved_by?.actor_id ?? null,
    },
  };
}

/** A person's request to install an app, as an `install` observation with status `requested`. */
export function mapAppRequest(raw: unknown): { observation: ObservationInput; person?: PersonInput } {
  const r = appRequestSchema.parse(raw);
  const at = epoch(r.date_created);
  const email = r.user?.email?.toLowerCase();
  const person = email ? { email } : r.user ? { externalId: r.user.id } : undefined;
  return {
    observation: {
      source,
      sourceRef: `request:${r.id}`,
      kind: 'install',
      app: appRecord(r.app),
      ...(person ? { person } : {}),
      windowStart: at,
      windowEnd: at,
      scopes: scopeNames(r.scopes),
      details: { status: 'requested', message: r.message ?? null, team: r.team?.id ?? null },
    },
    ...(r.user
      ? {
          person: {
            personKey: email ?? `ext:slack:${r.user.id}`,
            ...(email ? { email } : {}),
            ...(r.user.name ? { name: r.user.name } : {}),
          },
        }
      : {}),
  };
}

/** The stable id of an integration log entry (Slack gives none): app or service, user, time and change. */
export function logRef(l: IntegrationLog): string {
  return `log:${l.app_id ?? `service-${l.service_id ?? 'unknown'}`}:${l.user_id}:${l.date}:${l.change_type}`;
}

/** An integration log entry (app or service added, removed, enabled...) as an `install` observation of the user. */
export function mapIntegrationLog(raw: unknown): { observation: ObservationInput; person: PersonInput } {
  const l = integrationLogSchema.parse(raw);
  const at = epoch(l.date);
  const name = l.app_type ?? l.service_type ?? undefined;
  return {
    observation: {
      source,
      sourceRef: logRef(l),
      kind: 'install',
      app: { ...(name ? { name: name.slice(0, 300) } : {}), ...(l.app_id ? { clientId: l.app_id } : {}) },
      person: { externalId: l.user_id },
      windowStart: at,
      windowEnd: at,
      scopes: (l.scope ?? '').split(',').filter(Boolean).slice(0, 200),
      details: {
        changeType: l.change_type,
        channel: l.channel ?? null,
        reason: l.reason ?? null,
        userName: l.user_name ?? null,
      },
    },
    person: { personKey: `ext:slack:${l.user_id}`, ...(l.user_name ? { name: l.user_name } : {}) },
  };
}
