import type { Octokit } from '@octokit/rest';
import { inspectError } from '../src/error-info.ts';
import { classifyProblem, toConnectorError } from '../src/problems.ts';
import { headerValue } from '../src/rate-limit.ts';
import { assertSafeBaseUrl } from '../src/safe-url.ts';
import {
  type ConnectorContext,
  type ConnectorDefinition,
  ConnectorError,
  type ConnectorInstance,
  type TestResult,
} from '../src/types.ts';
import { createGithubClient, type GithubConfig, githubConfigSchema } from './client.ts';
import { syncGithub } from './sync.ts';

const label = 'GitHub';
const vendorHosts = ['api.github.com', 'ghe.com'] as const;

/** Octokit reports a failed connection as status 500 without a response; that is an unreachable host. */
function classify(err: unknown) {
  const info = inspectError(err);
  const noResponse = !(err as { response?: unknown }).response;
  if (noResponse && info.networkCode && !info.aborted) {
    const message = `GitHub could not be reached. Check the base URL, DNS and outbound network access. (${info.networkCode}: ${info.message})`;
    return { info, c: { problem: 'unreachable' as const, message, details: { network: info.networkCode } } };
  }
  return { info, c: classifyProblem(err, { label }) };
}

/** The problem and an admin-actionable message for a failed check, using GitHub's scope headers when present. */
function explain(err: unknown, check: string, config: GithubConfig) {
  const { info, c } = classify(err);
  const accepted = headerValue(info.headers, 'x-accepted-oauth-scopes');
  const granted = headerValue(info.headers, 'x-oauth-scopes');
  if (check === 'seats' && (info.status === 404 || info.status === 422)) {
    const message = `${config.org} has no GitHub Copilot Business or Enterprise subscription, so there are no Copilot seats to read (${info.message}).`;
    return { ...c, problem: 'missing_license' as const, message };
  }
  if (check === 'organization' && info.status === 404) {
    const message = `Organisation "${config.org}" was not found, or this token cannot see it; check the name and that the token's owner is a member.`;
    return { ...c, problem: 'missing_scope' as const, message };
  }
  if (c.problem === 'missing_scope') {
    const needs = accepted ? ` It needs one of: ${accepted}; it has: ${granted || 'none'}.` : '';
    const message = `GitHub refused ${check} to this token.${needs} Use an organisation owner's token with read:org and manage_billing:copilot (classic), or a GitHub App with Organization administration and Copilot read access. (${info.message})`;
    return { ...c, message };
  }
  return c;
}

/** A GitHub connector for one organisation over a given Octokit (built from the config in production). */
export function createGithubConnector(
  config: GithubConfig,
  context: ConnectorContext,
  octokit: Octokit = createGithubClient(config),
): ConnectorInstance {
  const checkUrl = () => assertSafeBaseUrl(config.baseUrl, { vendorHosts, allowCustomHost: context.allowCustomHost });
  return {
    async test(): Promise<TestResult> {
      const passed: string[] = [];
      const checks = [
        ['organization', () => octokit.request('GET /orgs/{org}', { org: config.org })],
        ['installations', () => octokit.request('GET /orgs/{org}/installations', { org: config.org, per_page: 1 })],
        ['seats', () => octokit.request('GET /orgs/{org}/copilot/billing/seats', { org: config.org, per_page: 1 })],
      ] as const;
      let current = 'base URL';
      try {
        await checkUrl();
        for (const [name, run] of checks) {
          current = name;
          await run();
          passed.push(name);
        }
      } catch (err) {
        const c = explain(err, current, config);
        return {
          ok: false,
          problem: c.problem,
          message: c.message,
          details: { ...c.details, passed, failed: current },
        };
      }
      return { ok: true, message: `Connected to the ${config.org} organisation on ${label}.`, details: { passed } };
    },
    async sync(options) {
      try {
        await checkUrl();
        return await syncGithub(octokit, config, context, options);
      } catch (err) {
        if (options.signal.aborted) throw err;
        const { c } = classify(err);
        throw c.problem === 'unreachable'
          ? new ConnectorError(c.problem, c.message, { cause: err })
          : toConnectorError(err, { label });
      }
    },
  };
}

/** GitHub: organisation app installations, Copilot seats with last activity, fine-grained token grants. */
export const githubConnector: ConnectorDefinition<GithubConfig> = {
  type: 'github',
  label,
  configSchema: githubConfigSchema,
  secretFields: ['token'],
  vendorHosts,
  baseUrlField: 'baseUrl',
  create: (config, context) => createGithubConnector(config, context),
};
