import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogDataError, loadServices, parseServiceFile } from './load-services.ts';

const valid = `id: acme-chat
name: Acme Chat
vendor: Acme
category: general-assistant
hosts: [chat.acme.example]
risk:
  trainsOnUserContent: { value: false, source: "Acme privacy policy", asOf: "2026-01-01" }
  retention: unverified
  enterpriseNoTraining: unverified
  sso: unverified
  scim: unverified
  dataResidency: unverified
  certifications: unverified
`;

const problems = (label: string, text: string) => {
  const r = parseServiceFile(label, text);
  return r.ok ? [] : r.problems;
};

describe('parseServiceFile', () => {
  it('accepts a valid file and fills defaults', () => {
    const r = parseServiceFile('services/acme-chat.yaml', valid);
    expect(r.ok && r.service.apiHosts).toEqual([]);
    expect(r.ok && r.service.identity.appNames).toEqual([]);
  });

  it.each([
    ['services/other.yaml', valid, 'services/other.yaml: id: "acme-chat" must equal the file name "other"'],
    ['services/acme-chat.yaml', valid.replace('category: general-assistant', 'category: chatbots'), 'category:'],
    ['services/acme-chat.yaml', valid.replace('2026-01-01', 'Jan 2026'), 'risk.trainsOnUserContent'],
    ['services/acme-chat.yaml', valid.replace('[chat.acme.example]', '[Chat.Acme.Example]'), 'hosts.0:'],
    ['services/acme-chat.yaml', valid.replace('sso: unverified', 'sso: yes'), 'risk.sso:'],
    ['services/acme-chat.yaml', `${valid}colour: blue\n`, '(root): Unrecognized key'],
    [
      'services/acme-chat.yaml',
      valid.replace('  retention: unverified', '  retention: unverified\n  sso: true'),
      'YAML',
    ],
    ['services/acme-chat.yaml', 'id: [unclosed', 'YAML'],
  ])('%s: reports %s', (label, text, expected) => {
    const found = problems(label, text);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toContain(label);
    expect(found.join('\n')).toContain(expected);
  });
});

describe('loadServices', () => {
  it('loads a directory and collects every problem with its file name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fp-'));
    try {
      await writeFile(join(dir, 'acme-chat.yaml'), valid);
      expect((await loadServices(dir)).map((s) => s.id)).toEqual(['acme-chat']);
      await writeFile(
        join(dir, 'broken.yaml'),
        valid.replace('id: acme-chat', 'id: broken').replace('name: Acme Chat\n', ''),
      );
      await writeFile(join(dir, 'wrong.yml'), valid);
      const error = await loadServices(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CatalogDataError);
      expect((error as CatalogDataError).problems).toEqual([
        expect.stringMatching(/^services\/broken\.yaml: name: /),
        'services/wrong.yml: service files end in .yaml',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
