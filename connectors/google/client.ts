import { admin, type admin_directory_v1 } from '@googleapis/admin';
import { JWT, type OAuth2Client } from 'google-auth-library';
import { z } from 'zod';

/** The scopes the connector asks domain-wide delegation for (all read-only). */
export const googleScopes = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.user.security',
  'https://www.googleapis.com/auth/admin.reports.audit.readonly',
] as const;

export const googleTokenUri = 'https://oauth2.googleapis.com/token';

export const activityApplications = ['token', 'saml', 'gemini_in_workspace_apps', 'login'] as const;

export const googleConfigSchema = z.strictObject({
  /** The super-admin (or delegated admin) the service account impersonates. */
  adminEmail: z.email(),
  serviceAccountEmail: z.email(),
  /** The service account's PEM private key (`private_key` of the JSON key file). */
  privateKey: z.string().min(1),
  customerId: z.string().min(1).max(100).default('my_customer'),
  rootUrl: z.url().default('https://admin.googleapis.com/'),
  tokenUri: z.url().default(googleTokenUri),
  /** Report applications to read; `login` only yields people (login events name no app). */
  activities: z.array(z.enum(activityApplications)).default(['token', 'saml', 'gemini_in_workspace_apps']),
  /** How far back the first sync reads reports (Google keeps 180 days). */
  lookbackDays: z.number().int().min(1).max(180).default(30),
  /** Minimum hours between full passes over users and their OAuth tokens (one request per user). */
  grantsEveryHours: z
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
});
export type GoogleConfig = z.output<typeof googleConfigSchema>;

/**
 * A service-account JWT client with domain-wide delegation (impersonating `adminEmail`). When `tokenUri` is not
 * Google's, the assertion is posted there instead (the library's token URL is fixed, so the request is rewritten).
 */
export function createGoogleAuth(config: GoogleConfig): JWT {
  const jwt = new JWT({
    email: config.serviceAccountEmail,
    key: config.privateKey,
    scopes: [...googleScopes],
    subject: config.adminEmail,
  });
  if (config.tokenUri !== googleTokenUri) {
    const target = new URL(config.tokenUri);
    jwt.transporter.interceptors.request.add({
      resolved: async (options) => {
        if (String(options.url) === googleTokenUri) options.url = target;
        return options;
      },
    });
  }
  return jwt;
}

/** Directory and Reports API clients on `rootUrl`; retries are left to the connector (it honours the signal). */
export function createGoogleClients(auth: OAuth2Client, rootUrl: string) {
  // googleapis-common bundles its own google-auth-library copy; the client is duck-typed at run time.
  const sdkAuth = auth as unknown as NonNullable<admin_directory_v1.Options['auth']>;
  const common = { auth: sdkAuth, rootUrl: rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`, retry: false };
  return {
    directory: admin({ version: 'directory_v1', ...common }),
    reports: admin({ version: 'reports_v1', ...common }),
  };
}
export type GoogleClients = ReturnType<typeof createGoogleClients>;
