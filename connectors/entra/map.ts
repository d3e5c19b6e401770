/** Graph records (service principals, grants, app role assignments, sign-ins, Copilot usage, users) → observations. Pure. */
import { z } from 'zod';
import type { ObservationInput, PersonInput } from '../src/types.ts';

export const spSchema = z.object({
  id: z.string(),
  appId: z.string().optional().nullable(),
  displayName: z.string().optional().nullable(),
  appDisplayName: z.string().optional().nullable(),
  publisherName: z.string().optional().nullable(),
  servicePrincipalType: z.string().optional().nullable(),
  replyUrls: z.array(z.string()).optional().nullable(),
  homepage: z.string().optional().nullable(),
  verifiedPublisher: z.object({ displayName: z.string().optional().nullable() }).optional().nullable(),
  '@removed': z.unknown().optional(),
});
export type ServicePrincipal = z.infer<typeof spSchema>;

export const grantSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  consentType: z.string().optional().nullable(),
  principalId: z.string().optional().nullable(),
  resourceId: z.string().optional().nullable(),
  scope: z.string().optional().nullable(),
});
export const assignmentSchema = z.object({
  id: z.string(),
  createdDateTime: z.string().optional().nullable(),
  principalId: z.string(),
  principalType: z.string().optional().nullable(),
  principalDisplayName: z.string().optional().nullable(),
  resourceId: z.string().optional().nullable(),
});
export const signInSchema = z.object({
  id: z.string(),
  createdDateTime: z.string(),
  userPrincipalName: z.string().optional().nullable(),
  userId: z.string().optional().nullable(),
  appId: z.string().optional().nullable(),
  appDisplayName: z.string().optional().nullable(),
  clientAppUsed: z.string().optional().nullable(),
  ipAddress: z.string().optional().nullable(),
  status: z.object({ errorCode: z.number().optional().nullable() }).optional().nullable(),
});
export const copilotRowSchema = z.object({
  reportRefreshDate: z.string(),
  userPrincipalName: z.string(),
  lastActivityDate: z.string().optional().nullable(),
});
export const userSchema = z.object({
  id: z.string(),
  mail: z.string().optional().nullable(),
  userPrincipalName: z.string().optional().nullable(),
  department: z.string().optional().nullable(),
  displayName: z.string().optional().nullable(),
});

/** The app identity the grants and assignments refer to (resolved from the service principal's object id). */
export interface SpRef {
  appId?: string;
  name: string;
}

const emailLike = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Delegated scopes that read content (mail, files, chats, calendars...), which make a grant a data grant. */
const dataScope =
  /^(Mail|Files|Sites|Calendars|Contacts|Notes|Chat|ChannelMessage|OnlineMeetingTranscript|Tasks|People)\./i;

function person(email: string | null | undefined, id: string): NonNullable<ObservationInput['person']> {
  return email && emailLike.test(email) ? { email: email.toLowerCase() } : { externalId: id };
}

/** A user → person with department. */
export function mapUser(u: z.infer<typeof userSchema>): PersonInput {
  const email = (u.mail ?? u.userPrincipalName ?? '').toLowerCase();
  const p: PersonInput = emailLike.test(email) ? { personKey: email, email } : { personKey: `ext:entra:${u.id}` };
  if (u.displayName) p.name = u.displayName;
  if (u.department) p.department = u.department;
  return p;
}

/** The catalog matcher's view of a service principal: name, appId, reply URLs and homepage host. */
export function spRef(sp: ServicePrincipal): SpRef {
  const ref: SpRef = { name: (sp.displayName ?? sp.appDisplayName ?? sp.appId ?? sp.id).slice(0, 300) };
  if (sp.appId) ref.appId = sp.appId;
  return ref;
}

/** A service principal (kind `app`); null when delta reports it removed. */
export function mapServicePrincipal(sp: ServicePrincipal, now: Date): ObservationInput | null {
  if (sp['@removed'] !== undefined) return null;
  const ref = spRef(sp);
  const app: NonNullable<ObservationInput['app']> = { name: ref.name };
  if (ref.appId) app.clientId = ref.appId;
  const replies = (sp.replyUrls ?? []).filter((u) => /^https?:\/\//.test(u)).slice(0, 50);
  if (replies.length > 0) app.redirectUris = replies;
  if (sp.homepage) {
    try {
      app.domains = [new URL(sp.homepage).hostname];
    } catch {
      // Not a URL: keep name and ids only.
    }
  }
  return {
    source: 'entra',
    sourceRef: `sp:${sp.id}`,
    kind: 'app',
    app,
    windowStart: now,
    windowEnd: now,
    details: {
      spId: sp.id,
      publisher: sp.verifiedPublisher?.displayName ?? sp.publisherName,
      type: sp.servicePrincipalType,
    },
  };
}

const appOf = (ref: SpRef | undefined, fallbackId: string) => {
  const app: NonNullable<ObservationInput['app']> = { name: ref?.name ?? fallbackId };
  if (ref?.appId) app.clientId = ref.appId;
  return app;
};

/** A delegated permission grant (kind `oauth_grant`) with its scopes; `dataAccess` when a scope reads content. */
export function mapPermissionGrant(
  g: z.infer<typeof grantSchema>,
  client: SpRef | undefined,
  email: string | undefined,
  now: Date,
): ObservationInput {
  const scopes = (g.scope ?? '').split(' ').filter(Boolean).slice(0, 200);
  const o: ObservationInput = {
    source: 'entra',
    sourceRef: `grant:${g.id}`,
    kind: 'oauth_grant',
    app: appOf(client, g.clientId),
    windowStart: now,
    windowEnd: now,
    scopes,
    details: { consentType: g.consentType, dataAccess: scopes.some((s) => dataScope.test(s)), clientSpId: g.clientId },
  };
  if (g.principalId) o.person = person(email, g.principalId);
  return o;
}

/** A user or group assigned to an enterprise app (kind `assignment`). */
export function mapAppRoleAssignment(
  a: z.infer<typeof assignmentSchema>,
  sp: SpRef | undefined,
  email: string | undefined,
  now: Date,
): ObservationInput {
  const at = a.createdDateTime ? new Date(a.createdDateTime) : now;
  const o: ObservationInput = {
    source: 'entra',
    sourceRef: `assign:${a.id}`,
    kind: 'assignment',
    app: appOf(sp, a.resourceId ?? 'unknown'),
    windowStart: at,
    windowEnd: now,
    details: { principalType: a.principalType, principalName: a.principalDisplayName },
  };
  if (a.principalType === 'User') o.person = person(email, a.principalId);
  return o;
}

/** A sign-in (kind `sign_in`; window = the sign-in time). */
export function mapSignIn(s: z.infer<typeof signInSchema>): ObservationInput {
  const at = new Date(s.createdDateTime);
  const app: NonNullable<ObservationInput['app']> = { name: (s.appDisplayName ?? s.appId ?? 'unknown').slice(0, 300) };
  if (s.appId) app.clientId = s.appId;
  return {
    source: 'entra',
    sourceRef: `signin:${s.id}`,
    kind: 'sign_in',
    app,
    person: person(s.userPrincipalName, s.userId ?? s.id),
    windowStart: at,
    windowEnd: at,
    details: { clientAppUsed: s.clientAppUsed, ip: s.ipAddress, errorCode: s.status?.errorCode ?? null },
  };
}

/** A licensed Microsoft 365 Copilot user (kind `seat`) with last activity. */
export function mapCopilotSeat(r: z.infer<typeof copilotRowSchema>): ObservationInput {
  const refreshed = new Date(r.reportRefreshDate);
  return {
    source: 'entra',
    sourceRef: `copilot:${r.userPrincipalName.toLowerCase()}`,
    kind: 'seat',
    app: { name: 'Microsoft 365 Copilot' },
    person: person(r.userPrincipalName, r.userPrincipalName),
    windowStart: r.lastActivityDate ? new Date(r.lastActivityDate) : refreshed,
    windowEnd: refreshed,
    details: { lastActivityDate: r.lastActivityDate ?? null, active: r.lastActivityDate != null },
  };
}
