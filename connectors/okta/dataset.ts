/** What the Okta mock serves: Okta wire-format JSON built on demand from a dataset (small in memory, large generated). */

export type Json = Record<string, unknown>;

/** A source of Okta records. Log events are in ascending `published` order; everything is addressable by index. */
export interface OktaDataset {
  appCount(): number;
  app(index: number): Json;
  /** Index of the app with this id, or undefined. */
  appIndex(id: string): number | undefined;
  appUsers(index: number): Json[];
  appGrants(index: number): Json[];
  logCount(): number;
  log(index: number): Json;
  /** Index of the first event published strictly after `ms` (logCount() if none). */
  firstLogAfter(ms: number): number;
}

export type AppKind = 'saml' | 'oidc' | 'bookmark';

/** An app as `GET /api/v1/apps` returns it. */
export function appJson(id: string, label: string, kind: AppKind, created: Date, domain: string): Json {
  const base = {
    id,
    label,
    status: 'ACTIVE',
    created: created.toISOString(),
    lastUpdated: created.toISOString(),
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
    visibility: { autoSubmitToolbar: false, hide: { iOS: false, web: false } },
    features: [],
    _links: { users: { href: `/api/v1/apps/${id}/users` }, logo: [] },
  };
  if (kind === 'oidc') {
    const clientId = `0oa${id.slice(3)}client`;
    return {
      ...base,
      name: 'oidc_client',
      signOnMode: 'OPENID_CONNECT',
      credentials: {
        userNameTemplate: { template: '\u0024{source.login}', type: 'BUILT_IN' },
        oauthClient: { client_id: clientId, autoKeyRotation: true, token_endpoint_auth_method: 'client_secret_basic' },
      },
      settings: {
        app: {},
        oauthClient: {
          client_uri: `https://${domain}`,
          redirect_uris: [`https://${domain}/oauth/callback`],
          initiate_login_uri: `https://${domain}/login`,
          response_types: ['code'],
          grant_types: ['authorization_code'],
          application_type: 'web',
        },
      },
    };
  }
  if (kind === 'bookmark') {
    return {
      ...base,
      name: 'bookmark',
      signOnMode: 'BOOKMARK',
      credentials: {},
      settings: { app: { requestIntegration: false, url: `https://${domain}/` } },
    };
  }
  return {
    ...base,
    name: label.toLowerCase().replace(/[^a-z0-9]+/g, ''),
    signOnMode: 'SAML_2_0',
    credentials: { userNameTemplate: { template: '\u0024{source.email}', type: 'BUILT_IN' }, signing: { kid: 'k1' } },
    settings: {
      app: {},
      signOn: {
        defaultRelayState: '',
        ssoAcsUrl: `https://${domain}/saml/acs`,
        audience: `https://${domain}/saml/metadata`,
        recipient: `https://${domain}/saml/acs`,
        destination: `https://${domain}/saml/acs`,
        subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        signatureAlgorithm: 'RSA_SHA256',
        digestAlgorithm: 'SHA256',
      },
    },
  };
}

export interface PersonSeed {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  department: string;
}

/** An app user as `GET /api/v1/apps/{id}/users?expand=user` returns it. */
export function appUserJson(appId: string, p: PersonSeed, created: Date): Json {
  const at = created.toISOString();
  return {
    id: p.id,
    externalId: null,
    created: at,
    lastUpdated: at,
    scope: 'USER',
    status: 'ACTIVE',
    statusChanged: at,
    syncState: 'DISABLED',
    credentials: { userName: p.email },
    profile: {},
    _links: { app: { href: `/api/v1/apps/${appId}` }, user: { href: `/api/v1/users/${p.id}` } },
    _embedded: {
      user: {
        id: p.id,
        status: 'ACTIVE',
        created: at,
        profile: {
          login: p.email,
          email: p.email,
          firstName: p.firstName,
          lastName: p.lastName,
          department: p.department,
        },
      },
    },
  };
}

/** A System Log event (`user.authentication.sso` or `app.oauth2.consent.grant`). */
export function logEventJson(
  uuid: string,
  published: Date,
  eventType: string,
  p: PersonSeed,
  app: { id: string; label: string },
  scopes?: string,
): Json {
  const sso = eventType === 'user.authentication.sso';
  return {
    actor: {
      id: p.id,
      type: 'User',
      alternateId: p.email,
      displayName: `${p.firstName} ${p.lastName}`,
      detailEntry: null,
    },
    client: {
      userAgent: { rawUserAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)', os: 'Mac OS X', browser: 'CHROME' },
      zone: 'null',
      device: 'Computer',
      ipAddress: '203.0.113.10',
    },
    displayMessage: sso ? 'User single sign on to app' : 'User granted consent to app',
    eventType,
    outcome: { result: 'SUCCESS', reason: null },
    published: published.toISOString(),
    severity: 'INFO',
    debugContext: { debugData: sso ? { requestUri: `/app/${app.id}/sso/saml` } : { grantedScopes: scopes ?? '' } },
    legacyEventType: sso ? 'app.auth.sso' : null,
    transaction: { type: 'WEB', id: `tx${uuid.slice(0, 8)}`, detail: {} },
    uuid,
    version: '0',
    target: [
      { id: app.id, type: 'AppInstance', alternateId: app.label, displayName: app.label, detailEntry: null },
      {
        id: `0ua${p.id.slice(3)}`,
        type: 'AppUser',
        alternateId: p.email,
        displayName: `${p.firstName} ${p.lastName}`,
        detailEntry: null,
      },
    ],
  };
}

/** A scope consent grant as `GET /api/v1/apps/{id}/grants` returns it. */
export function grantJson(id: string, appId: string, scopeId: string, userId: string | null, created: Date): Json {
  return {
    id,
    clientId: appId,
    issuer: 'https://example.okta.com',
    scopeId,
    source: userId ? 'END_USER' : 'ADMIN',
    status: 'ACTIVE',
    userId,
    created: created.toISOString(),
    lastUpdated: created.toISOString(),
    _links: { app: { href: `/api/v1/apps/${appId}` } },
  };
}

/** Deterministic v4-shaped UUID for event number `n` (same input, same uuid). */
export function uuidFor(n: number, salt = 0): string {
  const hex = (n * 2654435761 + salt).toString(16).padStart(12, '0').slice(-12);
  const seq = n.toString(16).padStart(12, '0').slice(-12);
  return `${seq.slice(0, 8)}-${seq.slice(8, 12)}-4${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${hex.slice(0, 12)}`;
}

/** Binary search for the first index whose time is strictly after `ms`. */
export function firstIndexAfter(count: number, timeAt: (i: number) => number, ms: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeAt(mid) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
