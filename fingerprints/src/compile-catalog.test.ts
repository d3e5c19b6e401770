import { describe, expect, it } from 'vitest';
import { makeCatalog, makeService } from '../test/make-catalog.ts';
import { decodeCatalog } from './catalog-format.ts';
import { serialiseCompact, serviceAppIds, serviceAppKeys, vendorNameKey } from './compile-catalog.ts';

const src = { source: 'vendor docs', asOf: '2026-02-01' };
const full = makeService('acme-chat', {
  name: 'Acme Chat',
  vendor: 'Acme, Inc.',
  category: 'writing',
  hosts: ['chat.acme.example', 'acme.example/chat'],
  apiHosts: ['api.acme.example'],
  identity: {
    appNames: ['Acme Chat Enterprise (SAML)', 'AI'],
    oauthClientIds: ['ABC-123'],
    entraAppIds: ['5B4C1C9E-1C6F-4D7E-9A53-2F9A0C6D8E11'],
    domains: ['login.acme.example'],
    marketplace: { okta: 'Acme Chat SSO', slack: 'A0123' },
  },
  dom: { editor: 'textarea', input: ['#prompt'], send: ['button[type=submit]'] },
  accountHints: [{ kind: 'path', value: '/team/', signal: 'corporate', note: 'team workspaces live under /team/' }],
  risk: {
    trainsOnUserContent: { value: false, ...src },
    retention: { value: '30 days', ...src },
    enterpriseNoTraining: 'unverified',
    sso: { value: true, ...src },
    scim: { value: false, ...src },
    dataResidency: { value: ['EU'], ...src },
    certifications: { value: ['SOC 2 Type II'], ...src },
  },
});

describe('compact catalog', () => {
  it('round-trips a service through the compact tuple', () => {
    const [s] = makeCatalog([full]).services;
    expect(s).toEqual({
      id: 'acme-chat',
      name: 'Acme Chat',
      vendor: 'Acme, Inc.',
      category: 'writing',
      riskTier: 'low',
      hosts: ['chat.acme.example', 'acme.example/chat'],
      apiHosts: ['api.acme.example'],
      sharedHosts: [],
      appKeys: ['acmechat'],
      appIds: ['abc-123', '5b4c1c9e-1c6f-4d7e-9a53-2f9a0c6d8e11', 'a0123'],
      appDomains: ['login.acme.example'],
      risk: {
        trainsOnUserContent: false,
        retention: '30 days',
        enterpriseNoTraining: 'unverified',
        sso: true,
        scim: false,
        dataResidency: ['EU'],
        certifications: ['SOC 2 Type II'],
      },
      dom: { editor: 'textarea', input: ['#prompt'], send: ['button[type=submit]'] },
      accountHints: [{ kind: 'path', value: '/team/', signal: 'corporate' }],
    });
  });

  it('serialises one service per line, sorted by id, and decodes', () => {
    const text = serialiseCompact('00000000000000ff', [makeService('zeta'), full]);
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^\["acme-chat",/);
    expect(lines[2]).toMatch(/^\["zeta",/);
    expect(decodeCatalog(JSON.parse(text)).byId.get('zeta')?.riskTier).toBe('high');
  });

  it('rejects a malformed index with the path of the problem', () => {
    const raw = JSON.parse(serialiseCompact('00000000000000ff', [full]));
    raw.services[0][3] = 99;
    expect(() => decodeCatalog(raw)).toThrow(/at services\.0\.3/);
    expect(() => decodeCatalog({ ...raw, format: 2 })).toThrow(/at format/);
  });
});

describe('identity keys', () => {
  it('adds vendor-prefixed spellings and drops too-short keys', () => {
    const s = makeService('claude', {
      name: 'Claude',
      vendor: 'Anthropic',
      identity: { appNames: ['Claude for Work', 'AI'] },
    });
    expect(serviceAppKeys(s)).toEqual(['claude', 'anthropicclaude']);
    expect(serviceAppKeys(makeService('x', { name: 'Avoma', vendor: 'Avoma, Inc.' }))).toEqual(['avoma']);
  });

  it('never indexes a key that names a kind of tool', () => {
    const s = makeService('gpt-for-work', {
      name: 'GPT for Work',
      vendor: 'Talarian',
      identity: { appNames: ['Copilot'] },
    });
    expect(serviceAppKeys(s)).toEqual(['gptforwork', 'talariangptforwork']);
    const g = makeService('google-flow', { name: 'Google Flow', vendor: 'Google', identity: { appNames: ['Flow'] } });
    expect(serviceAppKeys(g)).toEqual(['googleflow']);
  });

  it('strips legal forms from vendor names', () => {
    expect(vendorNameKey('Acme Technologies, Inc.')).toBe('acmetechnologies');
    expect(vendorNameKey('DeepL SE')).toBe('deepl');
    expect(vendorNameKey('Co')).toBe('co');
  });

  it('collects exact ids lower-cased and deduplicated', () => {
    expect(
      serviceAppIds(
        makeService('x', { identity: { oauthClientIds: ['A1b', 'a1B'], marketplace: { github: 'Acme-App' } } }),
      ),
    ).toEqual(['a1b', 'acme-app']);
  });
});
