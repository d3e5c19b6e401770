/** The Okta connector: SSO apps, assignments, System Log SSO and consent events, OAuth scope consent grants. */
import type { Client } from '@okta/okta-sdk-nodejs';
import type { ConnectorContext, ConnectorDefinition, ConnectorInstance, TestResult } from '../src/types.ts';
import { ConnectorError } from '../src/types.ts';
import {
  classifyOktaError,
  createOktaClient,
  ensureOktaToken,
  type OktaConfig,
  oktaConfigSchema,
  oktaScopes,
} from './client.ts';
import { type OktaPaging, syncOkta } from './sync.ts';

export { type OktaConfig, oktaConfigSchema } from './client.ts';

interface Pager {
  getNextPage(): Promise<unknown[]>;
}

/** Builds a connector instance over an SDK client (injectable for tests). */
export function createOktaConnector(
  client: Client,
  config: OktaConfig,
  context: ConnectorContext,
  paging?: OktaPaging,
): ConnectorInstance {
  const fail = (error: unknown): TestResult => ({ ok: false, ...classifyOktaError(error, config.orgUrl) });
  return {
    async test() {
      try {
        await ensureOktaToken(client);
        const apps = (await client.applicationApi.listApplications({ limit: 1 })) as unknown as Pager;
        const sample = await apps.getNextPage();
        const until = context.now();
        const since = new Date(until.getTime() - 3_600_000);
        const logs = (await client.systemLogApi.listLogEvents({
          since: since.toISOString(),
          until: until.toISOString(),
          limit: 1,
        })) as unknown as Pager;
        await logs.getNextPage();
        const auth = config.authMode === 'private_key' ? `service app ${config.clientId}` : 'API token';
        return {
          ok: true,
          message: `Connected to ${config.orgUrl} with the ${auth}: applications and the System Log are readable.`,
          details: {
            appsVisible: sample.length > 0,
            scopes: config.authMode === 'private_key' ? oktaScopes : undefined,
          },
        };
      } catch (error) {
        return fail(error);
      }
    },
    async sync(options) {
      try {
        await ensureOktaToken(client);
        return await syncOkta(client, config, context, options, paging);
      } catch (error) {
        if (options.signal.aborted || error instanceof ConnectorError) throw error;
        const { problem, message } = classifyOktaError(error, config.orgUrl);
        throw new ConnectorError(problem, message, { cause: error });
      }
    },
  };
}

/** Okta: API token (SSWS) or OAuth 2.0 service app with private_key_jwt. */
export const oktaConnector: ConnectorDefinition<OktaConfig> = {
  type: 'okta',
  label: 'Okta',
  configSchema: oktaConfigSchema,
  secretFields: ['apiToken', 'privateKey'],
  vendorHosts: ['okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com', 'okta.mil'],
  baseUrlField: 'orgUrl',
  create(config, context) {
    return createOktaConnector(createOktaClient(config), config, context);
  },
};
