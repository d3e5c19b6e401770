import { describe, expect, it } from 'vitest';
import { appNameKey, appNameWords } from './app-name-key.ts';

describe('appNameKey', () => {
  it.each([
    ['ChatGPT', 'chatgpt'],
    ['ChatGPT Enterprise (SAML)', 'chatgpt'],
    ['ChatGPT Enterprise', 'chatgpt'],
    ['chatgpt team', 'chatgpt'],
    ['Chat GPT™', 'chatgpt'],
    ['ChatGPT - Production', 'chatgpt'],
    ['[PROD] ChatGPT SSO', 'chatgpt'],
    ['SSO - ChatGPT', 'chatgpt'],
    ['Claude for Work', 'claude'],
    ['Claude (OIDC)', 'claude'],
    ['Otter.ai', 'otterai'],
    ['Otter AI App', 'otterai'],
    ['Grammarly® Business', 'grammarly'],
    ['Notion AI', 'notionai'],
    ['Microsoft 365 Copilot', 'microsoft365copilot'],
    ['Copilot for Microsoft 365', 'copilotformicrosoft365'],
    ['Crème Brûlée AI', 'cremebruleeai'],
    ['Ｃｈａｔ ＧＰＴ', 'chatgpt'],
    ['Enterprise', 'enterprise'],
    ['GPT for Work', 'gptforwork'],
    ['Copilot (SAML)', 'copilot'],
    ['Copilot Enterprise', 'copilotenterprise'],
    ['App', 'app'],
    ['(SAML)', 'saml'],
    ['Team for Work', 'team'],
    ['', ''],
    ['!!!', ''],
  ])('%j -> %j', (name, key) => {
    expect(appNameKey(name)).toBe(key);
  });

  it('keeps words that only look like decorations inside a name', () => {
    expect(appNameKey('Microsoft Teams')).toBe('microsoftteams');
    expect(appNameKey('Pro Writing Aid')).toBe('prowritingaid');
  });

  it('splits on punctuation and drops trademark signs', () => {
    expect(appNameWords('Jasper® – AI (Beta)')).toEqual(['jasper', 'ai']);
  });
});
