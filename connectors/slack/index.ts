import type { WebClient } from '@slack/web-api';
import { inspectError } from '../src/error-info.ts';
import { classifyProblem, toConnectorError } from '../src/problems.ts';
import { assertSafeBaseUrl } from '../src/safe-url.ts';
import type { ConnectorContext, ConnectorDefinition, ConnectorInstance, TestResult } from '../src/types.ts';
import { createSlackClient, type SlackConfig, slackConfigSchema } from './client.ts';
import { syncSlack } from './sync.ts';

const label = 'Slack';
const vendorHosts = ['slack.com'] as const;
const planCodes = ['team_not_on_enterprise', 'feature_not_enabled', 'not_an_enterprise', 'paid_only'];

/** The classified problem with Slack's own advice: token type, the scope it needs, or the plan. */
function explain(err: unknown) {
  const c = classifyProblem(err, { label });
  const info = inspectError(err);
  const data = (err as { data?: { needed?: string; provided?: string } }).data;
  if (info.vendorCode === 'not_allowed_token_type') {
    return {
      ...c,
      message: `Slack needs a user token (xoxp-) of an Org Admin or Owner here; bot tokens cannot call admin.apps.*. (${info.message})`,
    };
  }
  if (info.vendorCode === 'missing_scope' && data?.needed) {
    const message = `The Slack token lacks the ${data.needed} scope (it has: ${data.provided ?? 'none'}). Add it to the app's user token scopes and reinstall the app on the organisation.`;
    return { ...c, message };
  }
  return c;
}

/** A Slack connector; `client` builds the Web API client for a signal (injectable for tests). */
export function createSlackConnector(
  config: SlackConfig,
  context: ConnectorContext,
  client: (signal?: AbortSignal) => WebClient = (signal) => createSlackClient(config, signal),
): ConnectorInstance {
  const checkUrl = () =>
    assertSafeBaseUrl(config.slackApiUrl, { vendorHosts, allowCustomHost: context.allowCustomHost });
  return {
    async test(): Promise<TestResult> {
      const web = client();
      const scope = config.enterpriseId ? { enterprise_id: config.enterpriseId } : { team_id: config.teamId! };
      const checks = [
        ['auth', () => web.auth.test()],
        ['apps', () => web.admin.apps.approved.list({ ...scope, limit: 1 })],
        ['logs', () => web.team.integrationLogs({ count: 1, ...(config.teamId ? { team_id: config.teamId } : {}) })],
      ] as const;
      const passed: string[] = [];
      const unavailable: string[] = [];
      let current = 'base URL';
      try {
        await checkUrl();
        for (const [name, run] of checks) {
          current = name;
          try {
            await run();
            passed.push(name);
          } catch (err) {
            if (name === 'auth' || !planCodes.includes(inspectError(err).vendorCode ?? '')) throw err;
            unavailable.push(`${name}: ${inspectError(err).vendorCode}`);
          }
        }
      } catch (err) {
        const c = explain(err);
        return {
          ok: false,
          problem: c.problem,
          message: c.message,
          details: { ...c.details, passed, failed: current },
        };
      }
      if (passed.length === 1) {
        const message = `This Slack plan offers neither app approvals (Enterprise Grid) nor integration logs (paid plans): ${unavailable.join(', ')}.`;
        return { ok: false, problem: 'missing_license', message, details: { passed, unavailable } };
      }
      const note = unavailable.length > 0 ? ` Not available on this plan: ${unavailable.join(', ')}.` : '';
      return { ok: true, message: `Connected to ${label}.${note}`, details: { passed, unavailable } };
    },
    async sync(options) {
      try {
        await checkUrl();
        return await syncSlack(client(options.signal), config, context, options);
      } catch (err) {
        if (options.signal.aborted) throw err;
        throw toConnectorError(err, { label });
      }
    },
  };
}

/** Slack: approved and requested apps (Enterprise Grid admin API) and the workspace integration log. */
export const slackConnector: ConnectorDefinition<SlackConfig> = {
  type: 'slack',
  label,
  configSchema: slackConfigSchema,
  secretFields: ['token'],
  vendorHosts,
  baseUrlField: 'slackApiUrl',
  create: (config, context) => createSlackConnector(config, context),
};
