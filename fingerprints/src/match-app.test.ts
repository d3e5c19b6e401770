import { describe, expect, it } from 'vitest';
import { makeCatalog, makeService } from '../test/make-catalog.ts';
import { buildAppIndex, matchAppRecord } from './match-app.ts';

const index = buildAppIndex(
  makeCatalog([
    makeService('chatgpt', {
      name: 'ChatGPT',
      vendor: 'OpenAI',
      hosts: ['chatgpt.com'],
      identity: {
        appNames: ['ChatGPT Enterprise', 'OpenAI ChatGPT'],
        oauthClientIds: ['App_Abc123'],
        domains: ['auth.openai.com'],
        marketplace: { slack: 'A04KGS7N9A8' },
      },
    }),
    makeService('claude', {
      name: 'Claude',
      vendor: 'Anthropic, PBC',
      hosts: ['claude.ai'],
      identity: { entraAppIds: ['5b4c1c9e-1c6f-4d7e-9a53-2f9a0c6d8e11'] },
    }),
    makeService('scribe-a', { name: 'Scribe', vendor: 'Vendor A', identity: { domains: ['shared-sso.test'] } }),
    makeService('scribe-b', { name: 'Scribe', vendor: 'Vendor B', identity: { domains: ['shared-sso.test'] } }),
  ]).services,
);
const match = (record: Parameters<typeof matchAppRecord>[1]) => {
  const m = matchAppRecord(index, record);
  return m && [m.service.id, m.rule, m.confidence];
};

describe('matchAppRecord', () => {
  it.each([
    [{ name: 'ChatGPT Enterprise (SAML)' }, ['chatgpt', 'name', 'high']],
    [{ name: 'chatgpt - Production' }, ['chatgpt', 'name', 'high']],
    [{ name: 'Chat GPT™ for Work' }, ['chatgpt', 'name', 'high']],
    [{ name: 'OpenAI ChatGPT Team' }, ['chatgpt', 'name', 'high']],
    [{ name: 'Anthropic Claude (OIDC)' }, ['claude', 'name', 'high']],
    [{ name: 'Claude' }, ['claude', 'name', 'high']],
    [{ name: 'Scribe SSO' }, ['scribe-a', 'name', 'medium']],
    [{ name: 'Copilot' }, null],
    [{ clientId: 'app_abc123' }, ['chatgpt', 'client-id', 'high']],
    [{ clientId: ' APP_ABC123 ', name: 'Claude' }, ['chatgpt', 'client-id', 'high']],
    [{ clientId: '5B4C1C9E-1C6F-4D7E-9A53-2F9A0C6D8E11' }, ['claude', 'client-id', 'high']],
    [{ clientId: 'a04kgs7n9a8' }, ['chatgpt', 'client-id', 'high']],
    [{ clientId: 'unknown', name: 'Claude' }, ['claude', 'name', 'high']],
    [{ name: 'Acme Notes', redirectUris: ['https://auth.openai.com/callback'] }, ['chatgpt', 'domain', 'medium']],
    [{ redirectUris: ['https://eu.claude.ai/oauth/cb'] }, ['claude', 'domain', 'medium']],
    [{ redirectUris: ['com.openai.chat://auth.openai.com/ios/callback'] }, ['chatgpt', 'domain', 'medium']],
    [{ domains: ['claude.ai'] }, ['claude', 'domain', 'medium']],
    [{ redirectUris: ['https://shared-sso.test/acs'] }, ['scribe-a', 'domain', 'low']],
    [{ redirectUris: ['https://claude.ai.evil.test/cb', 'http://localhost:3000/cb'] }, null],
    [{ redirectUris: ['https://evil.test/cb?next=https://claude.ai'] }, null],
    [{ name: 'Salesforce (SAML)' }, null],
    [{ name: 'ChatGPT Connector for Jira Cloud' }, null],
    [{ name: '' }, null],
    [{}, null],
  ] as const)('%j -> %j', (record, expected) => {
    expect(match(record)).toEqual(expected);
  });

  it('lists every candidate of an ambiguous name', () => {
    expect(matchAppRecord(index, { name: 'Scribe' })?.candidates.map((s) => s.id)).toEqual(['scribe-a', 'scribe-b']);
  });
});
