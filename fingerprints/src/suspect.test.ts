import { describe, expect, it } from 'vitest';
import { nameWords, suspectAiApp, suspectAiHost } from './suspect.ts';

describe('nameWords', () => {
  it.each([
    ['OpenAIWriter', ['open', 'ai', 'writer']],
    ['AcmeGPT', ['acme', 'gpt']],
    ['Email Said Paid', ['email', 'said', 'paid']],
    ['A.I. Notes', ['ai', 'notes']],
    ['chat_bot-v2', ['chat', 'bot', 'v2']],
  ])('%j -> %j', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('suspectAiApp', () => {
  it.each([
    ['AcmeGPT', true],
    ['Acme AI', true],
    ['Acme A.I. Notes', true],
    ['OpenAIWriter', true],
    ['Sales Copilot', true],
    ['Support LLM Gateway', true],
    ['LLMOps Console', true],
    ['Chat Assistant', true],
    ['Email Marketing', false],
    ['Said Business School', false],
    ['Paid Media Dashboard', false],
    ['Maintenance Tracker', false],
    ['Thai Restaurant Booking', false],
    ['Live Chat', false],
    ['Travel Agent Portal', false],
    ['Fullmoon Calendar', false],
    ['', false],
  ])('%j suspected=%s', (name, suspected) => {
    const result = suspectAiApp({ name });
    expect(result.suspected).toBe(suspected);
    expect(result.reasons.length > 0).toBe(result.score > 0);
  });

  it('counts AI platform scopes, and data scopes only next to another signal', () => {
    const scoped = suspectAiApp({ name: 'Helper', scopes: ['https://www.googleapis.com/auth/generative-language'] });
    expect(scoped.suspected).toBe(true);
    expect(scoped.reasons[0]).toMatch(/AI platform scope/);
    expect(suspectAiApp({ name: 'Helper', scopes: ['https://www.googleapis.com/auth/gmail.readonly'] }).score).toBe(0);
    const chatWithMail = suspectAiApp({ name: 'Team Chat', scopes: ['Mail.Read'] });
    expect(chatWithMail.score).toBe(0.4);
    expect(chatWithMail.suspected).toBe(false);
  });

  it('uses the app host as a weaker signal', () => {
    expect(suspectAiApp({ name: 'Helper', host: 'helper.ai' }).score).toBeCloseTo(0.18);
    expect(suspectAiApp({ name: 'Helper', host: 'https://helper-gpt.com/oauth' }).suspected).toBe(false);
    expect(suspectAiApp({ name: 'Helper Chat', host: 'https://helper-gpt.com/oauth' }).suspected).toBe(true);
  });
});

describe('suspectAiHost', () => {
  it.each([
    [{ host: 'free-chatgpt-online.com' }, true],
    [{ host: 'https://www.mygpt.app/c/1' }, true],
    [{ host: 'llmchat.dev' }, true],
    [{ host: 'writer-ai.com' }, false],
    [{ host: 'writer-ai.com', chatLikePage: true }, true],
    [{ host: 'acme.ai', chatLikePage: true }, true],
    [{ host: 'acme.ai' }, false],
    [{ host: 'support.example.com', chatLikePage: true }, false],
    [{ host: 'support.example.com', title: 'Acme AI Assistant', chatLikePage: true }, true],
    [{ host: 'thai-food.com' }, false],
    [{ host: 'mail.example.com', title: 'Email' }, false],
    [{ host: 'dubai.example.com' }, false],
    [{ host: '10.0.0.1', chatLikePage: true }, false],
    [{ host: 'javascript:alert(1)', chatLikePage: true }, false],
  ])('%j suspected=%s', (page, suspected) => {
    expect(suspectAiHost(page).suspected).toBe(suspected);
  });

  it('explains its score and never names a catalog service', () => {
    const result = suspectAiHost({ host: 'chat-ai.example.com', chatLikePage: true });
    expect(Object.keys(result).sort()).toEqual(['reasons', 'score', 'suspected']);
    expect(result.score).toBe(1);
    expect(result.reasons).toEqual([
      'host has the word "AI" ("chat-ai")',
      'page has a chat-like structure (prompt box, send control)',
      'host has the word "chat" ("chat-ai")',
    ]);
  });
});
