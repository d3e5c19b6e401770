import { describe, expect, it } from 'vitest';
import { makeService } from '../test/make-catalog.ts';
import { checkCatalog, hostRuleProblem } from './catalog-checks.ts';

describe('hostRuleProblem', () => {
  it.each([
    ['chatgpt.com', null],
    ['github.com/copilot', null],
    ['myapp.vercel.app', null],
    ['x.openai.azure.com', null],
    ['co.uk', 'public suffix'],
    ['com', 'public suffix'],
    ['chat.invalidtld', 'top-level domain'],
  ])('%s -> %s', (rule, problem) => {
    const found = hostRuleProblem(rule);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('checkCatalog', () => {
  it('accepts distinct hosts and declared shared hosts', () => {
    expect(
      checkCatalog([
        makeService('a', { hosts: ['a.example.com', 'shared.example.com'], sharedHosts: ['shared.example.com'] }),
        makeService('b', { hosts: ['b.example.com', 'shared.example.com'], sharedHosts: ['shared.example.com'] }),
        makeService('c', { hosts: ['a.example.com/c'], apiHosts: ['a.example.com'] }),
      ]),
    ).toEqual([]);
  });

  it('reports a host listed by two services unless both declare it', () => {
    expect(
      checkCatalog([
        makeService('a', { hosts: ['x.example.com'], sharedHosts: ['x.example.com'] }),
        makeService('b', { hosts: ['x.example.com'] }),
      ]),
    ).toEqual(['services/b.yaml: hosts: "x.example.com" is also listed by a; declare it in sharedHosts of each']);
  });

  it('reports duplicate API hosts, stale shared declarations, bad rules, repeated rules and shared client ids', () => {
    expect(
      checkCatalog([
        makeService('a', {
          apiHosts: ['api.example.com', 'api.example.com'],
          sharedHosts: ['gone.example.com'],
          identity: { oauthClientIds: ['Client-1'], domains: ['co.uk'] },
        }),
        makeService('b', {
          hosts: ['co.uk'],
          apiHosts: ['api.example.com'],
          identity: { oauthClientIds: ['client-1'] },
        }),
        makeService('a'),
      ]),
    ).toEqual([
      'services/a.yaml: id: duplicate id "a"',
      'services/b.yaml: hosts.0: "co.uk" is a public suffix; it would match every site under it',
      'services/a.yaml: apiHosts.1: "api.example.com" is listed twice',
      'services/a.yaml: apiHosts: "api.example.com" is also listed by b; declare it in sharedHosts of each',
      'services/b.yaml: apiHosts: "api.example.com" is also listed by a; declare it in sharedHosts of each',
      'services/a.yaml: sharedHosts.0: "gone.example.com" is not in hosts or apiHosts',
      'services/a.yaml: identity.domains.0: "co.uk" is a public suffix; it would match every site under it',
      'services/b.yaml: identity: client id "client-1" is also listed by a',
    ]);
  });
});
