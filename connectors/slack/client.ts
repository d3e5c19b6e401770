import { LogLevel, WebClient } from '@slack/web-api';
import { z } from 'zod';

export const slackConfigSchema = z
  .strictObject({
    /** A user token (xoxp-) of an Org Admin or Owner: admin.apps:read, admin (integration logs), users:read.email. */
    token: z.string().min(1),
    /** Enterprise Grid organisation id (E…), for org-wide app approvals. */
    enterpriseId: z
      .string()
      .regex(/^E[A-Z0-9]+$/)
      .optional(),
    /** Workspace id (T…): a single workspace, or the workspace whose integration log to read on Grid. */
    teamId: z
      .string()
      .regex(/^T[A-Z0-9]+$/)
      .optional(),
    slackApiUrl: z.url().default('https://slack.com/api/'),
    /** Look up e-mails of users the integration log names (users.info, scope users:read.email). */
    resolveEmails: z.boolean().default(true),
  })
  .refine((c) => c.enterpriseId || c.teamId, {
    message: 'Set enterpriseId (Enterprise Grid) or teamId (one workspace).',
    path: ['enterpriseId'],
  });
export type SlackConfig = z.output<typeof slackConfigSchema>;

/**
 * A Slack Web API client whose requests abort with `signal`. The SDK's own retries are off and rate-limited calls
 * reject at once, so the connector's `withRetry` waits the `Retry-After` (abortably) and counts attempts.
 */
export function createSlackClient(config: SlackConfig, signal?: AbortSignal): WebClient {
  const base = config.slackApiUrl.endsWith('/') ? config.slackApiUrl : `${config.slackApiUrl}/`;
  return new WebClient(config.token, {
    slackApiUrl: base,
    allowAbsoluteUrls: false,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
    timeout: 30_000,
    fetch: (url, init) => {
      const signals = [init?.signal, signal].filter((s): s is AbortSignal => s !== undefined);
      return fetch(url, { ...init, signal: signals.length > 0 ? AbortSignal.any(signals) : undefined });
    },
  });
}
