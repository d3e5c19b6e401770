import { z } from 'zod';
import type { ObservationInput, PersonInput } from '../src/types.ts';

export const source = 'google';

const text = z.string().nullish();

export const userSchema = z.object({
  id: z.string(),
  primaryEmail: z.string(),
  name: z.object({ fullName: text }).nullish(),
  orgUnitPath: text,
  suspended: z.boolean().nullish(),
  organizations: z.array(z.object({ department: text, primary: z.boolean().nullish() })).nullish(),
});
export type GoogleUser = z.infer<typeof userSchema>;

export const tokenSchema = z.object({
  clientId: z.string(),
  displayText: text,
  scopes: z.array(z.string()).nullish(),
  nativeApp: z.boolean().nullish(),
  anonymous: z.boolean().nullish(),
});
export type GoogleToken = z.infer<typeof tokenSchema>;

const parameterSchema = z.object({
  name: z.string(),
  value: text,
  multiValue: z.array(z.string()).nullish(),
  intValue: z.string().nullish(),
  boolValue: z.boolean().nullish(),
});

export const activitySchema = z.object({
  id: z.object({ time: z.string(), uniqueQualifier: text, applicationName: text }),
  actor: z.object({ email: text, profileId: text }).nullish(),
  events: z.array(z.object({ type: text, name: text, parameters: z.array(parameterSchema).nullish() })).nullish(),
});
export type GoogleActivity = z.infer<typeof activitySchema>;

const dataScopePatterns: [string, RegExp][] = [
  ['mail', /\/auth\/gmail|^https:\/\/mail\.google\.com/],
  ['drive', /\/auth\/(drive|documents|spreadsheets|presentations)/],
  ['calendar', /\/auth\/calendar/],
  ['contacts', /\/auth\/(contacts|directory\.readonly)/],
  ['chat', /\/auth\/chat\./],
  ['meet', /\/auth\/meetings/],
];

/** The kinds of Workspace data an OAuth grant's scopes reach (mail, drive, calendar, ...), sorted. */
export function dataAccessOf(scopes: readonly string[]): string[] {
  const kinds = new Set<string>();
  for (const scope of scopes) for (const [kind, re] of dataScopePatterns) if (re.test(scope)) kinds.add(kind);
  return [...kinds].sort();
}

/** A directory user as a person: lower-case e-mail, full name, and the primary organisation's department. */
export function mapUser(raw: unknown): PersonInput {
  const u = userSchema.parse(raw);
  const org = u.organizations?.find((o) => o.primary && o.department) ?? u.organizations?.find((o) => o.department);
  const email = u.primaryEmail.toLowerCase();
  return {
    personKey: email,
    email,
    ...(u.name?.fullName ? { name: u.name.fullName } : {}),
    ...(org?.department ? { department: org.department } : u.orgUnitPath ? { department: u.orgUnitPath } : {}),
  };
}

const clip = (s: string, max = 300) => (s.length > max ? s.slice(0, max) : s);

/** One third-party OAuth token of a user (directory tokens.list) as an `oauth_grant`, seen at `seenAt`. */
export function mapToken(userEmail: string, raw: unknown, seenAt: Date): ObservationInput {
  const t = tokenSchema.parse(raw);
  const scopes = (t.scopes ?? []).slice(0, 200).map((s) => clip(s));
  const email = userEmail.toLowerCase();
  return {
    source,
    sourceRef: clip(`grant:${email}:${t.clientId}`, 500),
    kind: 'oauth_grant',
    app: { clientId: clip(t.clientId), ...(t.displayText ? { name: clip(t.displayText) } : {}) },
    person: { email },
    windowStart: seenAt,
    windowEnd: seenAt,
    scopes,
    details: { nativeApp: t.nativeApp ?? false, anonymous: t.anonymous ?? false, dataAccess: dataAccessOf(scopes) },
  };
}

type Parameter = z.infer<typeof parameterSchema>;

/** A report parameter's value: multiValue as a list, others as a string. */
function param(params: readonly Parameter[] | null | undefined, name: string): string | string[] | undefined {
  const p = params?.find((x) => x.name === name);
  if (!p) return undefined;
  if (p.multiValue) return p.multiValue;
  if (p.value !== undefined && p.value !== null) return p.value;
  if (p.intValue !== undefined && p.intValue !== null) return p.intValue;
  if (p.boolValue !== undefined && p.boolValue !== null) return String(p.boolValue);
  return undefined;
}

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Report activities (token, saml, gemini_in_workspace_apps, login) as observations aggregated per person, app,
 * event and UTC day, so re-reading a page upserts the same rows. Login events name no app: they yield the people
 * seen signing in (the directory pass gives everyone else, with names and departments).
 */
export function mapActivities(raws: readonly unknown[]): {
  observations: ObservationInput[];
  people: PersonInput[];
  /** Records not in the documented shape, skipped. */
  invalid: number;
} {
  const byRef = new Map<string, ObservationInput & { details: Record<string, unknown> }>();
  const people = new Map<string, PersonInput>();
  let invalid = 0;
  for (const raw of raws) {
    const parsed = activitySchema.safeParse(raw);
    if (!parsed.success) {
      invalid++;
      continue;
    }
    const a = parsed.data;
    const email = a.actor?.email?.toLowerCase();
    if (!email) continue;
    if (a.id.applicationName === 'login') people.set(email, { personKey: email, email });
    const at = new Date(a.id.time);
    if (Number.isNaN(at.getTime())) continue;
    const day = a.id.time.slice(0, 10);
    for (const e of a.events ?? []) {
      const o = mapEvent(a.id.applicationName ?? '', e.name ?? '', e.parameters, email, day, at);
      if (!o) continue;
      const prev = byRef.get(o.sourceRef);
      if (!prev) {
        byRef.set(o.sourceRef, o);
        continue;
      }
      prev.windowStart = at < prev.windowStart ? at : prev.windowStart;
      prev.windowEnd = at > prev.windowEnd ? at : prev.windowEnd;
      prev.details.events = (prev.details.events as number) + 1;
      const features = new Set([
        ...((prev.details.features as string[]) ?? []),
        ...((o.details.features as string[]) ?? []),
      ]);
      if (features.size > 0) prev.details.features = [...features].sort();
    }
  }
  return { observations: [...byRef.values()], people: [...people.values()], invalid };
}

function mapEvent(
  application: string,
  name: string,
  params: readonly Parameter[] | null | undefined,
  email: string,
  day: string,
  at: Date,
): (ObservationInput & { details: Record<string, unknown> }) | null {
  const base = { source, person: { email }, windowStart: at, windowEnd: at };
  if (application === 'token') {
    const clientId = one(param(params, 'client_id'));
    const appName = one(param(params, 'app_name'));
    if (!clientId && !appName) return null;
    const scopes = list(param(params, 'scope'))
      .slice(0, 200)
      .map((s) => clip(s));
    const app = { ...(clientId ? { clientId: clip(clientId) } : {}), ...(appName ? { name: clip(appName) } : {}) };
    const ref = clip(`token:${name}:${email}:${clientId ?? appName}:${day}`, 500);
    const kind = name === 'activity' ? 'sign_in' : 'oauth_grant';
    const details = { event: name, events: 1, revoked: name === 'revoke', dataAccess: dataAccessOf(scopes) };
    return { ...base, sourceRef: ref, kind, app, scopes, details };
  }
  if (application === 'saml') {
    const appName = one(param(params, 'application_name'));
    if (!appName) return null;
    const ref = clip(`saml:${name}:${email}:${appName}:${day}`, 500);
    const details = { event: name, events: 1, status: one(param(params, 'saml_status_code')) ?? null };
    return { ...base, sourceRef: ref, kind: 'sign_in', app: { name: clip(appName) }, scopes: [], details };
  }
  if (application === 'gemini_in_workspace_apps') {
    const feature = [one(param(params, 'app_name')), one(param(params, 'action'))].filter(Boolean).join(':');
    const details = { event: name, events: 1, features: feature ? [feature] : [] };
    const app = { name: 'Gemini for Google Workspace' };
    return { ...base, sourceRef: `gemini:${email}:${day}`, kind: 'browser_use', app, scopes: [], details };
  }
  return null;
}
