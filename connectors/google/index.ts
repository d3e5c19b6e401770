import type { OAuth2Client } from 'google-auth-library';
import { classifyProblem, toConnectorError } from '../src/problems.ts';
import { assertSafeBaseUrl } from '../src/safe-url.ts';
import type { ConnectorContext, ConnectorDefinition, ConnectorInstance, TestResult } from '../src/types.ts';
import {
  createGoogleAuth,
  createGoogleClients,
  type GoogleConfig,
  googleConfigSchema,
  googleScopes,
} from './client.ts';
import { syncGoogle } from './sync.ts';

const label = 'Google Workspace';
const vendorHosts = ['googleapis.com'] as const;
const codes = { domainCannotUseApis: 'missing_license' } as const;

/** What to change, by problem, appended to the classified message. */
function hint(problem: string, config: GoogleConfig): string {
  if (problem === 'missing_scope') {
    return ` In the Admin console (Security → Access and data control → API controls → Domain-wide delegation), authorise the service account's client id for ${googleScopes.join(', ')}, and make sure ${config.adminEmail} is an administrator with the Reports and Users privileges.`;
  }
  if (problem === 'bad_credentials') {
    return ` Paste the service account's private_key and client_email from a current JSON key of ${config.serviceAccountEmail}.`;
  }
  return '';
}

/** Checks the base and token URLs against Google's hosts unless a custom host is allowed. */
async function checkUrls(config: GoogleConfig, context: ConnectorContext): Promise<void> {
  const rules = { vendorHosts, allowCustomHost: context.allowCustomHost };
  await assertSafeBaseUrl(config.rootUrl, rules);
  await assertSafeBaseUrl(config.tokenUri, rules);
}

/** A Google Workspace connector over given auth (a delegated service-account JWT in production). */
export function createGoogleConnector(
  config: GoogleConfig,
  context: ConnectorContext,
  auth: OAuth2Client = createGoogleAuth(config),
): ConnectorInstance {
  const clients = createGoogleClients(auth, config.rootUrl);
  return {
    async test(): Promise<TestResult> {
      const checks: string[] = [];
      try {
        await checkUrls(config, context);
        await auth.getAccessToken();
        checks.push('token');
        const users = await clients.directory.users.list({ customer: config.customerId, maxResults: 1 });
        checks.push('users');
        await clients.directory.tokens.list({ userKey: users.data.users?.[0]?.primaryEmail ?? config.adminEmail });
        checks.push('tokens');
        await clients.reports.activities.list({ userKey: 'all', applicationName: 'token', maxResults: 1 });
        checks.push('reports');
      } catch (err) {
        const c = classifyProblem(err, { label, codes });
        const failed = ['token', 'users', 'tokens', 'reports'][checks.length];
        return {
          ok: false,
          problem: c.problem,
          message: c.message + hint(c.problem, config),
          details: { ...c.details, passed: checks, failed },
        };
      }
      return { ok: true, message: `Connected to ${label} as ${config.adminEmail}.`, details: { passed: checks } };
    },
    async sync(options) {
      try {
        await checkUrls(config, context);
        return await syncGoogle(clients, config, context, options);
      } catch (err) {
        if (options.signal.aborted) throw err;
        throw toConnectorError(err, { label, codes });
      }
    },
  };
}

/** Google Workspace: third-party OAuth tokens per user, token/SAML/Gemini activity reports, users and departments. */
export const googleConnector: ConnectorDefinition<GoogleConfig> = {
  type: 'google',
  label,
  configSchema: googleConfigSchema,
  secretFields: ['privateKey'],
  vendorHosts,
  baseUrlField: 'rootUrl',
  create: (config, context) => createGoogleConnector(config, context),
};
