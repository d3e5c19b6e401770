/** A small Enterprise Grid org: approved and requested AI and non-AI apps, and a workspace integration log. */

const app = (id: string, name: string, homepage: string | null, extra: object = {}) => ({
  id,
  name,
  description: `${name} for Slack`,
  help_url: homepage,
  privacy_policy_url: homepage ? `${homepage}/privacy` : null,
  app_homepage_url: homepage,
  app_directory_url: `https://slack.com/apps/${id}`,
  is_app_directory_approved: true,
  is_internal: false,
  additional_info: '',
  icons: {},
  ...extra,
});
const scope = (name: string, sensitive = false) => ({
  name,
  description: name,
  is_sensitive: sensitive,
  token_type: 'bot',
});

export const fixtureApproved = [
  {
    app: app('A0OTTER01', 'Otter.ai', 'https://otter.ai'),
    scopes: [scope('channels:history', true), scope('chat:write')],
    date_updated: 1767225600,
    last_resolved_by: { actor_id: 'W0ADMIN', actor_type: 'user' },
    enterprise: { id: 'E0ACME', name: 'Acme' },
  },
  {
    app: app('A0JIRA001', 'Jira Cloud', 'https://www.atlassian.com'),
    scopes: [scope('chat:write'), scope('links:read')],
    date_updated: 1735689600,
    last_resolved_by: { actor_id: 'W0ADMIN', actor_type: 'user' },
    enterprise: { id: 'E0ACME', name: 'Acme' },
  },
  {
    app: app('A0CLAUDE1', 'Claude', 'https://www.anthropic.com'),
    scopes: [scope('im:history', true), scope('chat:write')],
    date_updated: 1769904000,
    last_resolved_by: { actor_id: 'W0ADMIN', actor_type: 'user' },
    enterprise: { id: 'E0ACME', name: 'Acme' },
  },
];

export const fixtureRequests = [
  {
    id: 'Ar0001',
    app: app('A0FIREFLY', 'Fireflies.ai', 'https://fireflies.ai'),
    previous_resolution: null,
    user: { id: 'W0ADA', name: 'ada', email: 'ada@example.com' },
    team: { id: 'T0ENG', name: 'Engineering', domain: 'acme-eng' },
    enterprise: { id: 'E0ACME', name: 'Acme' },
    scopes: [scope('channels:history', true)],
    message: 'Meeting notes please',
    date_created: 1770508800,
  },
  {
    id: 'Ar0002',
    app: app('A0SUMBOT1', 'ThreadSummarizer AI', null),
    previous_resolution: null,
    user: { id: 'W0GRACE', name: 'grace' },
    team: { id: 'T0ENG', name: 'Engineering', domain: 'acme-eng' },
    scopes: [scope('channels:history', true), scope('groups:history', true)],
    message: '',
    date_created: 1771113600,
  },
];

/** Integration log entries, newest first as Slack returns them. */
export function fixtureLogs() {
  return [
    {
      app_id: 'A0GPT0001',
      app_type: 'ChatGPT',
      user_id: 'W0ADA',
      user_name: 'ada',
      date: '1772000000',
      change_type: 'added',
      scope: 'chat:write,channels:history',
    },
    {
      service_id: '1234567890',
      service_type: 'Google Drive',
      user_id: 'W0LIN',
      user_name: 'linus',
      channel: 'eng',
      date: '1771900000',
      change_type: 'enabled',
      scope: 'incoming-webhook',
    },
    {
      app_id: 'A0OTTER01',
      app_type: 'Otter.ai',
      user_id: 'W0GRACE',
      user_name: 'grace',
      date: '1771800000',
      change_type: 'removed',
      scope: 'chat:write',
      reason: 'user',
    },
    {
      app_id: 'A0OTTER01',
      app_type: 'Otter.ai',
      user_id: 'W0GRACE',
      user_name: 'grace',
      date: '1771700000',
      change_type: 'added',
      scope: 'chat:write',
    },
    {
      app_id: 'A0POLLY01',
      app_type: 'Polly',
      user_id: 'W0ADA',
      user_name: 'ada',
      date: '1771600000',
      change_type: 'added',
      scope: 'commands',
    },
  ];
}
