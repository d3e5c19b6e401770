import { describe, expect, it } from 'vitest';
import { createAiUrlMatcher } from './match-ai-url.ts';

const matcher = createAiUrlMatcher([
  { id: 'acme-gpt', name: 'Acme GPT', vendor: 'Acme', category: 'other', hosts: ['gpt.acme.example'] },
]);

describe('AI URL matcher', () => {
  it.each([
    { url: 'https://chatgpt.com/c/123', id: 'chatgpt', host: 'chatgpt.com' },
    { url: 'https://github.com/copilot/c/1', id: 'github-copilot', host: 'github.com' },
    { url: 'https://github.com/acme/billing', id: null, host: null },
    { url: 'https://gpt.acme.example/chat', id: 'acme-gpt', host: 'gpt.acme.example' },
    { url: 'https://news.example.org/', id: null, host: null },
    { url: 'chrome://extensions', id: null, host: null },
    { url: 'file:///etc/passwd', id: null, host: null },
  ])('$url → $id', ({ url, id, host }) => {
    const page = matcher.match(url);
    expect(page?.service.id ?? null).toBe(id);
    expect(page?.host ?? null).toBe(host);
  });
  it('marks additions and lists their rules', () => {
    expect(matcher.match('https://gpt.acme.example/')?.addition).toBe(true);
    expect(matcher.additionRules()).toEqual(['gpt.acme.example']);
    expect(matcher.hostRules().length).toBeGreaterThan(500);
  });
});
