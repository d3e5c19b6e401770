/** What the Graph mock serves: Microsoft Graph JSON built on demand (small fixture in memory, large generated). */
import { createHash } from 'node:crypto';
import { departments, personSeed } from '../okta/dataset-small.ts';

export type Json = Record<string, unknown>;

/** Records addressable by index; sign-ins in ascending `createdDateTime`, service principals with a change version. */
export interface EntraDataset {
  userCount(): number;
  user(i: number): Json;
  spCount(): number;
  sp(i: number): Json;
  /** Delta version at which SP `i` last changed (0 = initial). */
  spVersion(i: number): number;
  version(): number;
  spIndex(id: string): number | undefined;
  assignedTo(spIndex: number): Json[];
  grantCount(): number;
  grant(i: number): Json;
  signInCount(): number;
  signIn(i: number): Json;
  copilotRows(): Json[];
}

/** Deterministic GUID for (kind, n). */
export function guid(kind: string, n: number): string {
  const h = createHash('md5').update(`${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Service principals as admins see them in Entra (display name, publisher, reply URL host). */
export const entraApps: [string, string, string][] = [
  ['ChatGPT Enterprise', 'OpenAI', 'auth0.openai.com'],
  ['Claude', 'Anthropic', 'claude.ai'],
  ['Otter.ai', 'Otter.ai', 'otter.ai'],
  ['Fireflies.ai Notetaker', 'Fireflies.ai', 'app.fireflies.ai'],
  ['Perplexity', 'Perplexity AI', 'www.perplexity.ai'],
  ['Grammarly', 'Grammarly', 'www.grammarly.com'],
  ['Notion', 'Notion Labs', 'www.notion.so'],
  ['Jasper AI', 'Jasper', 'app.jasper.ai'],
  ['Cursor', 'Anysphere', 'cursor.com'],
  ['Acme GPT Assistant', 'Acme', 'gpt.acme-internal.example'],
  ['MeetingMind AI Notetaker', 'MeetingMind', 'meetingmind.example'],
  ['Salesforce', 'Salesforce', 'acme.my.salesforce.com'],
  ['ServiceNow', 'ServiceNow', 'acme.service-now.com'],
  ['Workday', 'Workday', 'wd5.myworkday.com'],
  ['Zoom', 'Zoom', 'zoom.us'],
  ['DocuSign', 'DocuSign', 'account.docusign.com'],
  ['Adobe Acrobat Sign', 'Adobe', 'secure.adobesign.com'],
  ['Atlassian Cloud', 'Atlassian', 'id.atlassian.com'],
  ['Box', 'Box', 'app.box.com'],
  ['Slack', 'Slack', 'slack.com'],
];

/** A user as `/users?$select=id,mail,userPrincipalName,department` returns it. */
export function userJson(i: number): Json {
  const p = personSeed(i);
  return {
    id: guid('user', i),
    mail: p.email,
    userPrincipalName: p.email,
    department: departments[i % departments.length],
    displayName: `${p.firstName} ${p.lastName}`,
  };
}

/** A service principal as `/servicePrincipals/delta` returns it. */
export function spJson(i: number, name: string, publisher: string, host: string): Json {
  return {
    id: guid('sp', i),
    appId: guid('app', i),
    displayName: name,
    appDisplayName: name,
    publisherName: publisher,
    appOwnerOrganizationId: guid('tenant', i % 50),
    servicePrincipalType: 'Application',
    accountEnabled: true,
    appRoleAssignmentRequired: true,
    replyUrls: [`https://${host}/auth/microsoft/callback`],
    homepage: `https://${host}/`,
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    verifiedPublisher: { displayName: publisher, verifiedPublisherId: String(1000 + i), addedDateTime: null },
  };
}

/** An app role assignment as `/servicePrincipals/{id}/appRoleAssignedTo` returns it. */
export function assignmentJson(spIndex: number, spName: string, user: number, created: string): Json {
  const u = userJson(user);
  return {
    id: `${guid('asg', spIndex * 1_000_003 + user)}`,
    appRoleId: '00000000-0000-0000-0000-000000000000',
    createdDateTime: created,
    principalDisplayName: u['displayName'],
    principalId: u['id'],
    principalType: 'User',
    resourceDisplayName: spName,
    resourceId: guid('sp', spIndex),
  };
}

/** A sign-in as `/auditLogs/signIns` returns it (trimmed to the fields the connector reads plus a few). */
export function signInJson(n: number, at: number, user: number, spIndex: number, appName: string): Json {
  const u = userJson(user);
  return {
    id: guid('signin', n),
    createdDateTime: new Date(at).toISOString(),
    userDisplayName: u['displayName'],
    userPrincipalName: u['userPrincipalName'],
    userId: u['id'],
    appId: guid('app', spIndex),
    appDisplayName: appName,
    ipAddress: '203.0.113.20',
    clientAppUsed: 'Browser',
    resourceDisplayName: 'Microsoft Graph',
    isInteractive: true,
    status: { errorCode: 0, failureReason: 'Other.', additionalDetails: null },
    location: { city: 'Berlin', countryOrRegion: 'DE' },
  };
}

/** A Copilot usage row from `getMicrosoft365CopilotUsageUserDetail`. */
export function copilotRowJson(user: number, lastActivity: string | null): Json {
  const u = userJson(user);
  return {
    reportRefreshDate: '2025-02-28',
    reportPeriod: 30,
    userPrincipalName: u['userPrincipalName'],
    displayName: u['displayName'],
    lastActivityDate: lastActivity,
    microsoftTeamsCopilotLastActivityDate: lastActivity,
    wordCopilotLastActivityDate: null,
    outlookCopilotLastActivityDate: lastActivity,
    copilotChatLastActivityDate: lastActivity,
  };
}
