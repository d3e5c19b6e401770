import { describe, expect, it } from 'vitest';
import { makeCatalog, makeService } from '../test/make-catalog.ts';
import { createMatcher } from './matcher.ts';

const matcher = createMatcher(
  makeCatalog([
    makeService('chat', { hosts: ['chat.example', 'eu.app.chat.example'], apiHosts: ['api.chat.example'] }),
    makeService('chat-eu', { hosts: ['app.chat.example'] }),
    makeService('hub', { hosts: ['hub.example'] }),
    makeService('hub-chat', { hosts: ['hub.example/chat', 'hub.example/spaces/chat-ui'] }),
    makeService('hub-spaces', { hosts: ['hub.example/spaces'] }),
    makeService('code-only', { hosts: ['code.example/copilot'] }),
    makeService('shared-a', { hosts: ['shared.example'], sharedHosts: ['shared.example'] }),
    makeService('shared-b', { hosts: ['shared.example'], sharedHosts: ['shared.example'] }),
    makeService('idn', { hosts: ['xn--bcher-kva.example'] }),
  ]),
);
const id = (input: string) => matcher.matchUrl(input)?.service.id ?? null;

describe('matchUrl', () => {
  it.each([
    ['https://chat.example/', 'chat'],
    ['https://www.chat.example/x', 'chat'],
    ['https://app.chat.example/', 'chat-eu'],
    ['https://x.app.chat.example/', 'chat-eu'],
    ['https://eu.app.chat.example/', 'chat'],
    ['https://hub.example/models', 'hub'],
    ['https://hub.example/chat', 'hub-chat'],
    ['https://hub.example/chat/conversation/1?x', 'hub-chat'],
    ['https://hub.example/chatter', 'hub'],
    ['https://hub.example/spaces/other', 'hub-spaces'],
    ['https://hub.example/spaces/chat-ui/run', 'hub-chat'],
    ['https://hub.example/spaces', 'hub-spaces'],
    ['https://www.hub.example/chat', 'hub-chat'],
    ['https://hub.example/models/../chat', 'hub-chat'],
    ['https://code.example/copilot', 'code-only'],
    ['https://code.example/copilot/', 'code-only'],
    ['https://code.example/org/repo', null],
    ['https://code.example/copilotx', null],
    ['https://code.example/org/copilot', null],
    ['https://code.example/?next=/copilot', null],
    ['https://shared.example/', 'shared-a'],
    ['https://bücher.example/', 'idn'],
    ['chat.example', 'chat'],
    ['CHAT.EXAMPLE.', 'chat'],
    ['https://chat.example:8443', 'chat'],
    ['https://notchat.example/', null],
    ['https://chat.example.evil.test/', null],
    ['https://chat.example@evil.test/', null],
    ['https://evil.test/?u=https://chat.example/', null],
    ['https://google.test/url?q=https://chat.example', null],
    ['https://api.chat.example/v1', 'chat'],
    ['example', null],
    ['.example', null],
    ['.chat.example', 'chat'],
    ['https://.app.chat.example/', 'chat-eu'],
    ['https://x..app.chat.example/', 'chat-eu'],
    ['https://a.b.c.d.e.f.g.h.eu.app.chat.example/', 'chat'],
    ['https://eu.app.chat.example.example/', null],
  ])('%j -> %s', (input, expected) => {
    expect(id(input)).toBe(expected);
  });

  it('reports the rule and every candidate of a declared shared host', () => {
    const hit = matcher.matchUrl('https://shared.example/');
    expect(hit?.rule).toBe('shared.example');
    expect(hit?.candidates.map((s) => s.id)).toEqual(['shared-a', 'shared-b']);
    expect(matcher.matchUrl('https://hub.example/chat/1')?.rule).toBe('hub.example/chat');
  });

  it('returns the same match object for the same rule (no allocation per match)', () => {
    expect(matcher.matchUrl('https://a.chat.example/')).toBe(matcher.matchUrl('chat.example'));
  });
});

describe('matchApiHost', () => {
  it.each([
    ['api.chat.example', 'chat'],
    ['https://api.chat.example/v1/chat/completions', 'chat'],
    ['eu.api.chat.example', 'chat'],
    ['chat.example', null],
    ['api.chat.example.evil.test', null],
  ])('%j -> %s', (input, expected) => {
    expect(matcher.matchApiHost(input)?.service.id ?? null).toBe(expected);
  });
});
