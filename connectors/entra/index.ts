/** The Entra ID / Microsoft 365 connector: service principals, grants, assignments, sign-ins, Copilot seats. */
import type { Client } from '@microsoft/microsoft-graph-client';
import { isVendorHost } from '../src/safe-url.ts';
import type { ConnectorContext, ConnectorDefinition, ConnectorInstance, TestResult } from '../src/types.ts';
import { ConnectorError } from '../src/types.ts';
import { classifyGraphError, createGraphClient, type EntraConfig, entraConfigSchema } from './client.ts';
import { syncEntra } from './sync.ts';

export { type EntraConfig, entraConfigSchema } from './client.ts';

const authorityHosts = ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn'];

/** Builds a connector instance over a Graph client and its token source (injectable for tests). */
export function createEntraConnector(
  client: Client,
  getToken: () => Promise<string>,
  config: EntraConfig,
  context: ConnectorContext,
): ConnectorInstance {
  const fail = (error: unknown): TestResult & { ok: false } => ({ ok: false, ...classifyGraphError(error, config) });
  return {
    async test() {
      try {
        await getToken();
        await client.api('/servicePrincipals?$top=1&$select=id').get();
        await client.api('/oauth2PermissionGrants?$top=1').get();
        // Without Entra ID P1 this is 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant → missing_license.
        await client.api('/auditLogs/signIns?$top=1').get();
      } catch (error) {
        return fail(error);
      }
      return {
        ok: true,
        message: `Connected to tenant ${config.tenantId}: service principals, grants and sign-ins are readable.`,
      };
    },
    async sync(options) {
      try {
        return await syncEntra(client, config, context, options);
      } catch (error) {
        if (options.signal.aborted || error instanceof ConnectorError) throw error;
        const { problem, message } = classifyGraphError(error, config);
        throw new ConnectorError(problem, message, { cause: error });
      }
    },
  };
}

/** Entra ID: app registration with a client secret (application permissions, admin consent). */
export const entraConnector: ConnectorDefinition<EntraConfig> = {
  type: 'entra',
  label: 'Microsoft Entra ID / Microsoft 365',
  configSchema: entraConfigSchema,
  secretFields: ['clientSecret'],
  vendorHosts: [
    'graph.microsoft.com',
    'graph.microsoft.us',
    'dod-graph.microsoft.us',
    'microsoftgraph.chinacloudapi.cn',
  ],
  baseUrlField: 'graphUrl',
  create(config, context) {
    const authority = new URL(config.authorityHost);
    if (
      !context.allowCustomHost &&
      (authority.protocol !== 'https:' || !isVendorHost(authority.hostname, authorityHosts))
    ) {
      throw new ConnectorError(
        'unreachable',
        `authorityHost must be https on ${authorityHosts.join(', ')} unless an administrator allows a custom host.`,
      );
    }
    const { client, getToken } = createGraphClient(config);
    return createEntraConnector(client, getToken, config, context);
  },
};
