/** Okta records (apps, app users, System Log events, scope consent grants) → observations and people. Pure. */
import { z } from 'zod';
import type { ObservationInput, PersonInput } from '../src/types.ts';

const date = z.union([z.date(), z.string().transform((s) => new Date(s))]);
const optionalDate = date.optional().nullable();

export const oktaAppSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  label: z.string(),
  status: z.string().optional(),
  signOnMode: z.string().optional(),
  created: optionalDate,
  lastUpdated: optionalDate,
  credentials: z.object({ oauthClient: z.object({ client_id: z.string().optional() }).optional() }).optional(),
  settings: z
    .object({
      app: z.looseObject({ url: z.string().optional().nullable() }).optional().nullable(),
      oauthClient: z
        .object({ redirect_uris: z.array(z.string()).optional(), initiate_login_uri: z.string().optional() })
        .optional(),
      signOn: z.object({ ssoAcsUrl: z.string().optional(), audience: z.string().optional() }).optional(),
    })
    .optional(),
});
export type OktaApp = z.infer<typeof oktaAppSchema>;

export const oktaAppUserSchema = z.object({
  id: z.string(),
  scope: z.string().optional(),
  status: z.string().optional(),
  created: optionalDate,
  lastUpdated: optionalDate,
  credentials: z.object({ userName: z.string().optional() }).optional().nullable(),
  _embedded: z
    .object({
      user: z
        .object({
          id: z.string().optional(),
          profile: z.looseObject({}).optional(),
        })
        .optional(),
    })
    .optional()
    .nullable(),
});
export type OktaAppUser = z.infer<typeof oktaAppUserSchema>;

export const oktaLogEventSchema = z.object({
  uuid: z.string(),
  published: date,
  eventType: z.string(),
  actor: z
    .object({ id: z.string(), alternateId: z.string().optional(), displayName: z.string().optional() })
    .optional(),
  client: z.object({ ipAddress: z.string().optional().nullable() }).optional().nullable(),
  outcome: z.object({ result: z.string().optional() }).optional().nullable(),
  target: z
    .array(
      z.object({
        id: z.string(),
        type: z.string(),
        alternateId: z.string().optional().nullable(),
        displayName: z.string().optional().nullable(),
      }),
    )
    .optional()
    .nullable(),
  debugContext: z
    .object({ debugData: z.looseObject({}).optional().nullable() })
    .optional()
    .nullable(),
});
export type OktaLogEvent = z.infer<typeof oktaLogEventSchema>;

export const oktaGrantSchema = z.object({
  id: z.string(),
  clientId: z.string().optional(),
  scopeId: z.string(),
  status: z.string().optional(),
  userId: z.string().optional().nullable(),
  created: optionalDate,
  lastUpdated: optionalDate,
});
export type OktaGrant = z.infer<typeof oktaGrantSchema>;

/** The System Log event types the connector reads. */
export const oktaEventTypes = ['user.authentication.sso', 'app.oauth2.consent.grant'] as const;

const emailLike = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function hostOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    return new URL(uri).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** The app as the catalog matcher sees it: label, OAuth client id, redirect URIs and sign-on hosts. */
export function oktaAppRecord(app: OktaApp): NonNullable<ObservationInput['app']> {
  const redirectUris = (app.settings?.oauthClient?.redirect_uris ?? []).slice(0, 50);
  const appUrl = app.settings?.app?.url ?? undefined;
  const hosts = [
    hostOf(app.settings?.signOn?.ssoAcsUrl),
    hostOf(app.settings?.oauthClient?.initiate_login_uri),
    hostOf(appUrl),
  ].filter((h): h is string => h !== undefined);
  const record: NonNullable<ObservationInput['app']> = { name: app.label.slice(0, 300) };
  const clientId = app.credentials?.oauthClient?.client_id;
  if (clientId) record.clientId = clientId;
  if (redirectUris.length > 0) record.redirectUris = redirectUris;
  if (hosts.length > 0) record.domains = [...new Set(hosts)];
  return record;
}

function personOf(email: string | undefined, externalId: string): ObservationInput['person'] {
  return email && emailLike.test(email) ? { email: email.toLowerCase() } : { externalId };
}

/** An SSO app (kind `app`); its window runs from creation to this sync. */
export function mapOktaApp(app: OktaApp, now: Date): ObservationInput {
  return {
    source: 'okta',
    sourceRef: `app:${app.id}`,
    kind: 'app',
    app: oktaAppRecord(app),
    windowStart: app.created ?? now,
    windowEnd: now,
    details: { oktaAppId: app.id, template: app.name, signOnMode: app.signOnMode, status: app.status },
  };
}

/** A person assigned to an app (kind `assignment`), and the person with their department when embedded. */
export function mapOktaAppUser(
  app: OktaApp,
  user: OktaAppUser,
  now: Date,
): { observation: ObservationInput; person?: PersonInput } {
  const profile: Record<string, unknown> = user._embedded?.user?.profile ?? {};
  const str = (k: string) => (typeof profile[k] === 'string' ? (profile[k] as string) : undefined);
  const email = (str('email') ?? user.credentials?.userName)?.toLowerCase();
  const observation: ObservationInput = {
    source: 'okta',
    sourceRef: `assign:${app.id}:${user.id}`,
    kind: 'assignment',
    app: oktaAppRecord(app),
    person: personOf(email, user.id),
    windowStart: user.created ?? app.created ?? now,
    windowEnd: user.lastUpdated ?? now,
    details: { oktaAppId: app.id, oktaUserId: user.id, scope: user.scope, status: user.status },
  };
  if (!email || !emailLike.test(email)) return { observation };
  const name = [str('firstName'), str('lastName')].filter(Boolean).join(' ') || str('displayName');
  const person: PersonInput = { personKey: email, email };
  if (name) person.name = name;
  const department = str('department');
  if (department) person.department = department;
  return { observation, person };
}

function scopesOf(debugData: Record<string, unknown> | undefined | null): string[] {
  const raw = debugData?.['grantedScopes'] ?? debugData?.['scopes'];
  if (typeof raw !== 'string') return [];
  return raw
    .split(/[\s,]+/)
    .filter((s) => s.length > 0)
    .slice(0, 200);
}

/** An SSO sign-in (`sign_in`) or a consent (`oauth_grant`) from the System Log; null for other events. */
export function mapOktaLogEvent(event: OktaLogEvent): ObservationInput | null {
  const kind =
    event.eventType === 'user.authentication.sso'
      ? 'sign_in'
      : event.eventType === 'app.oauth2.consent.grant'
        ? 'oauth_grant'
        : null;
  const target = event.target?.find((t) => t.type === 'AppInstance');
  if (!kind || !target) return null;
  const app: NonNullable<ObservationInput['app']> = {
    name: (target.displayName ?? target.alternateId ?? target.id).slice(0, 300),
  };
  const clientId = event.target?.find((t) => t.type === 'OAuth2Client' || t.type === 'Client')?.id;
  if (clientId) app.clientId = clientId;
  const observation: ObservationInput = {
    source: 'okta',
    sourceRef: `log:${event.uuid}`,
    kind,
    app,
    windowStart: event.published,
    windowEnd: event.published,
    details: {
      eventType: event.eventType,
      oktaAppId: target.id,
      outcome: event.outcome?.result,
      ip: event.client?.ipAddress,
    },
  };
  if (event.actor) observation.person = personOf(event.actor.alternateId, event.actor.id);
  if (kind === 'oauth_grant') observation.scopes = scopesOf(event.debugContext?.debugData);
  return observation;
}

/** An OAuth scope consent grant on an app (kind `oauth_grant`), with the grantee's e-mail when the caller knows it. */
export function mapOktaGrant(app: OktaApp, grant: OktaGrant, now: Date, email?: string): ObservationInput {
  const observation: ObservationInput = {
    source: 'okta',
    sourceRef: `grant:${grant.id}`,
    kind: 'oauth_grant',
    app: oktaAppRecord(app),
    windowStart: grant.created ?? now,
    windowEnd: grant.lastUpdated ?? now,
    scopes: [grant.scopeId],
    details: { oktaAppId: app.id, status: grant.status, clientId: grant.clientId },
  };
  if (email || grant.userId) observation.person = personOf(email, grant.userId ?? '');
  return observation;
}
