/** A small Workspace tenant: people in three departments, AI and non-AI OAuth grants, token/SAML/Gemini activity. */

const gmail = 'https://www.googleapis.com/auth/gmail.readonly';
const calendar = 'https://www.googleapis.com/auth/calendar.readonly';
const drive = 'https://www.googleapis.com/auth/drive';
const profile = ['openid', 'https://www.googleapis.com/auth/userinfo.email'];

export const fixtureUsers = [
  {
    id: '1001',
    primaryEmail: 'ada@example.com',
    name: { fullName: 'Ada Lovelace' },
    orgUnitPath: '/Engineering',
    organizations: [{ department: 'Engineering', primary: true }],
  },
  { id: '1002', primaryEmail: 'Grace@example.com', name: { fullName: 'Grace Hopper' }, orgUnitPath: '/Sales' },
  {
    id: '1003',
    primaryEmail: 'alan@example.com',
    name: { fullName: 'Alan Turing' },
    orgUnitPath: '/',
    organizations: [{ department: 'Research' }],
  },
  { id: '1004', primaryEmail: 'linus@example.com', name: { fullName: 'Linus T' }, orgUnitPath: '/Engineering' },
  { id: '1005', primaryEmail: 'margaret@example.com', name: { fullName: 'Margaret H' }, orgUnitPath: '/Support' },
];

export const fixtureTokens: Record<string, object[]> = {
  'ada@example.com': [
    { clientId: '111-otter.apps.googleusercontent.com', displayText: 'Otter.ai', scopes: [calendar, ...profile] },
    { clientId: '222-chatgpt.apps.googleusercontent.com', displayText: 'ChatGPT', scopes: [drive, ...profile] },
    { clientId: '333-zoom.apps.googleusercontent.com', displayText: 'Zoom', scopes: [calendar] },
  ],
  'grace@example.com': [
    { clientId: '444-ff.apps.googleusercontent.com', displayText: 'Fireflies.ai Notetaker', scopes: [calendar, gmail] },
  ],
  'alan@example.com': [
    { clientId: '555-mail.apps.googleusercontent.com', displayText: 'MailGenie AI Writer', scopes: [gmail] },
    { clientId: '666-claude.apps.googleusercontent.com', displayText: 'Claude', scopes: profile, nativeApp: false },
  ],
  'linus@example.com': [],
};

const tokenEvent = (name: string, app: string, clientId: string, scopes: string[]) => ({
  type: 'auth',
  name,
  parameters: [
    { name: 'app_name', value: app },
    { name: 'client_id', value: clientId },
    ...(scopes.length > 0 ? [{ name: 'scope', multiValue: scopes }] : []),
  ],
});

/** An activity record as the Reports API returns it. */
export function activity(application: string, time: string, email: string, events: object[], qualifier: string) {
  return {
    kind: 'admin#reports#activity',
    id: { time, uniqueQualifier: qualifier, applicationName: application, customerId: 'C01abc' },
    actor: { email, profileId: `p-${email}` },
    events,
  };
}

/** Activities per application, oldest first (the mock sorts newest first, as the API does). */
export function fixtureActivities(): Record<string, object[]> {
  return {
    token: [
      activity(
        'token',
        '2026-03-01T09:00:00.000Z',
        'ada@example.com',
        [tokenEvent('authorize', 'Otter.ai', '111-otter.apps.googleusercontent.com', [calendar])],
        't1',
      ),
      activity(
        'token',
        '2026-03-02T10:00:00.000Z',
        'alan@example.com',
        [tokenEvent('authorize', 'MailGenie AI Writer', '555-mail.apps.googleusercontent.com', [gmail])],
        't2',
      ),
      activity(
        'token',
        '2026-03-03T11:00:00.000Z',
        'ada@example.com',
        [tokenEvent('activity', 'ChatGPT', '222-chatgpt.apps.googleusercontent.com', [])],
        't3',
      ),
      activity(
        'token',
        '2026-03-04T12:00:00.000Z',
        'grace@example.com',
        [tokenEvent('revoke', 'Zoom', '333-zoom.apps.googleusercontent.com', [])],
        't4',
      ),
    ],
    saml: [
      activity(
        'saml',
        '2026-03-02T08:00:00.000Z',
        'grace@example.com',
        [
          {
            type: 'login',
            name: 'login_success',
            parameters: [{ name: 'application_name', value: 'ChatGPT Enterprise' }],
          },
        ],
        's1',
      ),
    ],
    gemini_in_workspace_apps: [
      activity(
        'gemini_in_workspace_apps',
        '2026-03-03T14:00:00.000Z',
        'ada@example.com',
        [geminiEvent('gmail', 'summarize')],
        'g1',
      ),
      activity(
        'gemini_in_workspace_apps',
        '2026-03-03T15:00:00.000Z',
        'ada@example.com',
        [geminiEvent('docs', 'help_me_write')],
        'g2',
      ),
    ],
    login: [
      activity(
        'login',
        '2026-03-01T07:00:00.000Z',
        'margaret@example.com',
        [{ type: 'login', name: 'login_success' }],
        'l1',
      ),
    ],
  };
}

/** A Gemini in Workspace apps event. */
export function geminiEvent(app: string, action: string) {
  return {
    type: 'feature_utilization',
    name: 'feature_utilization',
    parameters: [
      { name: 'app_name', value: app },
      { name: 'action', value: action },
    ],
  };
}
