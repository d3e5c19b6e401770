import { describe, expect, it } from 'vitest';
import { getCatalog, matchApiHost, matchApp, matchUrl } from '../src/index.ts';
import { categories } from '../src/schema.ts';

/** Positives: one or more per category, with the service id the URL must resolve to. */
const positives: [string, string][] = [
  // general assistants
  ['https://chatgpt.com/c/6650f1a2-1b2c-4d5e-8f90-1234567890ab', 'chatgpt'],
  ['https://chat.openai.com/', 'chatgpt'],
  ['HTTPS://ChatGPT.com.:443/g/g-abc', 'chatgpt'],
  ['chatgpt.com', 'chatgpt'],
  ['https://claude.ai/new', 'claude'],
  ['https://gemini.google.com/app/1f2e3d', 'gemini'],
  ['https://copilot.microsoft.com/chats/abc', 'microsoft-copilot'],
  ['https://www.bing.com/chat?form=NTPCHB', 'microsoft-copilot'],
  ['https://m365.cloud.microsoft/chat?auth=2', 'microsoft-365-copilot'],
  ['https://chat.mistral.ai/chat/1234', 'mistral-le-chat'],
  ['https://chat.deepseek.com/a/chat/s/1', 'deepseek'],
  ['https://grok.com/', 'grok'],
  ['https://x.com/i/grok?conversation=1', 'grok'],
  ['https://www.meta.ai/', 'meta-ai'],
  ['https://poe.com/Claude-Sonnet', 'poe'],
  ['https://huggingface.co/chat/conversation/66a1', 'huggingchat'],
  ['https://duckduckgo.com/aichat', 'duck-ai'],
  ['blob:https://claude.ai/3f1c2a', 'claude'],
  // coding
  ['https://github.com/copilot', 'github-copilot'],
  ['https://github.com/copilot/c/123', 'github-copilot'],
  ['https://cursor.com/settings', 'cursor'],
  ['https://claude.ai/code/session_1', 'claude-code'],
  // writing
  ['https://app.grammarly.com/ddocs/1', 'grammarly'],
  ['https://www.deepl.com/write', 'deepl-write'],
  // image, video and audio
  ['https://www.midjourney.com/imagine', 'midjourney'],
  ['https://elevenlabs.io/app/speech-synthesis', 'elevenlabs'],
  // meetings and notes
  ['https://otter.ai/my-notes', 'otter-ai'],
  ['https://app.fireflies.ai/meetings', 'fireflies-ai'],
  // research and search
  ['https://www.perplexity.ai/search/abc', 'perplexity'],
  ['https://kagi.com/assistant', 'kagi-assistant'],
  // productivity with embedded AI
  ['https://gamma.app/docs/abc', 'gamma'],
  // agents and automation
  ['https://cloud.dify.ai/apps', 'dify'],
  // developer platforms / model APIs
  ['https://platform.openai.com/playground', 'openai-api'],
  ['https://console.anthropic.com/workbench', 'anthropic-api'],
  ['https://aistudio.google.com/prompts/new_chat', 'google-ai-studio'],
  ['https://huggingface.co/models?pipeline_tag=text-generation', 'hugging-face'],
  // translation
  ['https://www.deepl.com/translator#en/de/hello', 'deepl'],
  ['https://translate.google.com/?sl=en&tl=de', 'google-translate'],
  // chat with documents
  ['https://www.chatpdf.com/c/abc', 'chatpdf'],
  ['https://notebooklm.google.com/notebook/1', 'notebooklm'],
  // other
  ['https://gptzero.me/', 'gptzero'],
];

/** Hard negatives: same vendors' non-AI products, lookalikes, redirects, userinfo and non-web URLs. */
const negatives: string[] = [
  'https://mail.google.com/mail/u/0/#inbox',
  'https://docs.google.com/document/d/1abc/edit',
  'https://www.google.com/search?q=chatgpt',
  'https://google.com/url?q=https://claude.ai',
  'https://www.google.com/url?sa=t&url=https%3A%2F%2Fchatgpt.com%2F',
  'https://github.com/acme/repo',
  'https://github.com/acme/copilot',
  'https://github.com/copilotx',
  'https://github.com/login?return_to=/copilot',
  'https://www.microsoft.com/en-us/microsoft-copilot',
  'https://outlook.office.com/mail/',
  'https://www.office.com/',
  'https://www.bing.com/search?q=copilot',
  'https://x.com/home',
  'https://x.com/grok',
  'https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.meta.ai%2F',
  'https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fchatgpt.com%2F',
  'https://chatgpt.com.evil.example/',
  'https://chatgpt-com.evil.example/',
  'https://notchatgpt.com/',
  'https://chatgpt.co/',
  'https://claude.ai.attacker.io/login',
  'https://claude-ai.com/',
  'https://xn--chtgpt-bua.com/',
  'https://chätgpt.com/',
  'https://chatgpt.com@evil.example/',
  'https://claude.ai:443@evil.example/',
  'https://evil.example/?u=chatgpt.com',
  'https://evil.example/#https://claude.ai',
  'https://evil.example/https://chatgpt.com/',
  'data:text/html,<script>location="https://chatgpt.com"</script>',
  'javascript:window.open("https://claude.ai")',
  'file:///Users/me/chatgpt.com/index.html',
  'blob:https://evil.example/9d1e',
  'https://104.18.32.47/',
  'https://[2606:4700::6810:20af]/',
  'chatgpt',
  'com',
  '',
  '\u0000\u0001chatgpt.com\u0000'.repeat(3),
  `https://evil.example/${'chatgpt.com/'.repeat(50_000)}`,
];

describe('golden URLs', () => {
  it.each(positives)('%s -> %s', (url, id) => {
    expect(getCatalog().byId.has(id), `service ${id} is not in the catalog`).toBe(true);
    expect(matchUrl(url)?.service.id ?? null).toBe(id);
  });

  it.each(negatives.map((u) => [u.length > 120 ? `${u.slice(0, 120)}…` : u, u]))(
    '%s is not an AI service',
    (_, url) => {
      expect(matchUrl(url)).toBeNull();
    },
  );

  it('cover every category with at least one positive', () => {
    const covered = new Set(positives.map(([, id]) => getCatalog().byId.get(id)?.category));
    expect(categories.filter((c) => !covered.has(c))).toEqual([]);
  });
});

describe('golden API hosts and app records', () => {
  it.each([
    ['api.openai.com', 'openai-api'],
    ['https://api.anthropic.com/v1/messages', 'anthropic-api'],
    ['generativelanguage.googleapis.com', 'google-ai-studio'],
    ['api.mistral.ai', 'mistral-api'],
    ['api.deepl.com', 'deepl'],
  ])('%s -> %s', (host, id) => {
    expect(matchApiHost(host)?.service.id ?? null).toBe(id);
  });

  it.each(['www.googleapis.com', 'api.github.com', 'graph.microsoft.com', 'api.openai.com.evil.example'])(
    '%s is not an AI API host',
    (host) => {
      expect(matchApiHost(host)).toBeNull();
    },
  );

  it.each([
    ['ChatGPT Enterprise (SAML)', 'chatgpt'],
    ['Claude for Work', 'claude'],
    ['Perplexity Enterprise Pro', 'perplexity'],
    ['Otter.ai', 'otter-ai'],
  ])('app %j -> %s', (name, id) => {
    expect(matchApp({ name })?.service.id ?? null).toBe(id);
  });

  it.each(['Salesforce (SAML)', 'Workday - Production', 'Zoom for Work', 'Okta Admin Console'])(
    'app %j is not an AI service',
    (name) => {
      expect(matchApp({ name })).toBeNull();
    },
  );
});
