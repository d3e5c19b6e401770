/** A small organisation: AI and non-AI app installations, Copilot seats, fine-grained token grants. */

const user = (login: string, id: number, email?: string) => ({
  login,
  id,
  node_id: `U_${id}`,
  type: 'User',
  site_admin: false,
  ...(email ? { email, name: login } : {}),
});

const installation = (id: number, slug: string, created: string, updated: string, perms: Record<string, string>) => ({
  id,
  app_id: id * 10,
  app_slug: slug,
  client_id: `Iv1.${slug.replace(/[^a-z]/g, '').slice(0, 8)}${id}`,
  target_id: 9000,
  target_type: 'Organization',
  account: { login: 'acme', id: 9000, type: 'Organization' },
  repository_selection: 'all',
  permissions: perms,
  events: ['pull_request'],
  created_at: created,
  updated_at: updated,
  single_file_name: null,
  suspended_at: null,
});

export const fixtureInstallations = [
  installation(1, 'coderabbitai', '2025-11-01T10:00:00Z', '2026-02-01T10:00:00Z', {
    pull_requests: 'write',
    contents: 'read',
  }),
  installation(2, 'dependabot', '2024-01-01T10:00:00Z', '2024-06-01T10:00:00Z', { contents: 'write' }),
  installation(3, 'sourcery-ai', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z', { pull_requests: 'write' }),
  installation(4, 'pr-review-gpt', '2026-02-10T10:00:00Z', '2026-02-10T10:00:00Z', { contents: 'read' }),
  installation(5, 'netlify', '2023-05-01T10:00:00Z', '2023-05-01T10:00:00Z', { deployments: 'write' }),
];

const seat = (assignee: object, created: string, last: string | null, editor: string | null) => ({
  created_at: created,
  updated_at: created,
  pending_cancellation_date: null,
  last_activity_at: last,
  last_activity_editor: editor,
  plan_type: 'business',
  assignee,
});

export const fixtureSeats = [
  seat(user('octocat', 101, 'octocat@example.com'), '2025-09-01T00:00:00Z', '2026-03-01T09:30:00Z', 'vscode/1.98.0'),
  seat(user('hubot', 102), '2025-09-01T00:00:00Z', null, null),
  seat(user('mona', 103), '2025-12-01T00:00:00Z', '2026-02-20T16:00:00Z', 'JetBrains-IU/2025.1'),
];

const grant = (id: number, owner: object, name: string, granted: string, lastUsed: string | null) => ({
  id,
  owner,
  repository_selection: 'subset',
  repositories_url: `https://api.github.com/organizations/9000/personal-access-tokens/${id}/repositories`,
  permissions: { repository: { contents: 'read', pull_requests: 'write' }, organization: { members: 'read' } },
  access_granted_at: granted,
  token_id: id * 7,
  token_name: name,
  token_expired: false,
  token_expires_at: '2026-12-31T00:00:00Z',
  token_last_used_at: lastUsed,
});

export const fixturePatGrants = [
  grant(11, user('mona', 103), 'Claude Code', '2026-01-10T00:00:00Z', '2026-03-02T00:00:00Z'),
  grant(12, user('hubot', 102), 'release-script', '2025-06-10T00:00:00Z', '2026-02-02T00:00:00Z'),
  grant(13, user('octocat', 101, 'octocat@example.com'), 'openai-eval-runner', '2026-02-15T00:00:00Z', null),
];
