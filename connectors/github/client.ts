import { Octokit } from '@octokit/rest';
import { z } from 'zod';

export const githubConfigSchema = z.strictObject({
  /** The organisation login, e.g. `acme`. */
  org: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub organisation login'),
  /** A token of an organisation owner: classic with `read:org` + `manage_billing:copilot`, or a GitHub App token. */
  token: z.string().min(1),
  /** REST API base URL: https://api.github.com, or https://api.<subdomain>.ghe.com for data residency. */
  baseUrl: z.url().default('https://api.github.com'),
});
export type GithubConfig = z.output<typeof githubConfigSchema>;

/**
 * An Octokit REST client on `baseUrl` with the token. Retries and rate-limit waits are done by the connector with
 * `withRetry` (abortable, honours `x-ratelimit-reset` and `retry-after`), so no retry or throttling plugin is added.
 */
export function createGithubClient(config: GithubConfig): Octokit {
  return new Octokit({
    auth: config.token,
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    userAgent: 'sightline-connector',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}
