import { describe, expect, it } from 'vitest';
import { contentScriptMatches, hostPermissions, splitHostRule } from './host-patterns.ts';

describe('host patterns', () => {
  it.each([
    { rule: 'chatgpt.com', matches: ['https://*.chatgpt.com/*'], perms: ['https://*.chatgpt.com/*'] },
    {
      rule: 'github.com/copilot',
      matches: ['https://*.github.com/copilot', 'https://*.github.com/copilot/*', 'https://*.github.com/copilot?*'],
      perms: ['https://*.github.com/*'],
    },
    { rule: 'Claude.AI', matches: ['https://*.claude.ai/*'], perms: ['https://*.claude.ai/*'] },
  ])('$rule', ({ rule, matches, perms }) => {
    expect(contentScriptMatches([rule])).toEqual(matches);
    expect(hostPermissions([rule])).toEqual(perms);
  });
  it('splits rules and removes duplicates', () => {
    expect(splitHostRule('x.com/i/grok')).toEqual({ host: 'x.com', path: '/i/grok' });
    expect(hostPermissions(['github.com/copilot', 'github.com/spark'])).toEqual(['https://*.github.com/*']);
  });
});
