import { parse as parseDomain } from 'tldts';
import { parseTarget } from './parse-target.ts';

/**
 * Low-confidence guesses about apps and hosts that are not in the catalog. These feed *suspected* services
 * for a human to review; they never name a catalog service. Call the catalog matchers first.
 */
export interface Suspicion {
  suspected: boolean;
  /** 0..1, the capped sum of the signal weights below. */
  score: number;
  /** One line per signal that contributed, strongest first. */
  reasons: string[];
}

/** Score at or above which an app or host is reported as suspected. */
export const suspicionThreshold = 0.5;

type Signals = Map<string, number>;

function add(signals: Signals, reason: string, weight: number): void {
  signals.set(reason, Math.max(weight, signals.get(reason) ?? 0));
}

function verdict(signals: Signals): Suspicion {
  const entries = [...signals].sort((a, b) => b[1] - a[1]);
  const sum = entries.reduce((acc, [, w]) => acc + w, 0);
  const score = Math.round(Math.min(1, sum) * 100) / 100;
  return { suspected: score >= suspicionThreshold, score, reasons: entries.map(([r]) => r) };
}

/** Words of a display name: camelCase and acronyms split ("OpenAIWriter" → open, ai, writer), "A.I." kept as "ai". */
export function nameWords(name: string): string[] {
  const text = name
    .slice(0, 500)
    .replace(/\bA\.I\.?(?=\W|$)/gi, ' AI ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

const strongWords: Record<string, string> = {
  ai: 'the word "AI"',
  genai: 'the word "GenAI"',
  llm: 'the word "LLM"',
  llms: 'the word "LLM"',
  copilot: 'the word "Copilot"',
  chatbot: 'the word "chatbot"',
  openai: 'the vendor name "OpenAI"',
  anthropic: 'the vendor name "Anthropic"',
};
const weakWords: Record<string, string> = {
  chat: 'the word "chat"',
  assistant: 'the word "assistant"',
  agent: 'the word "agent"',
  agents: 'the word "agent"',
  bot: 'the word "bot"',
  prompt: 'the word "prompt"',
  claude: 'the model name "Claude"',
  gemini: 'the model name "Gemini"',
  llama: 'the model name "Llama"',
  mistral: 'the model name "Mistral"',
};

function nameSignals(signals: Signals, name: string, where: string, scale: number): void {
  for (const word of nameWords(name)) {
    if (word.includes('gpt')) add(signals, `${where} mentions GPT ("${word}")`, 0.6 * scale);
    else if (word.startsWith('llm') || word.endsWith('llm'))
      add(signals, `${where} mentions LLM ("${word}")`, 0.6 * scale);
    else if (word in strongWords) add(signals, `${where} has ${strongWords[word]}`, 0.5 * scale);
    else if (word in weakWords) add(signals, `${where} has ${weakWords[word]}`, 0.3 * scale);
  }
}

const aiScopes = /generative-?language|aiplatform|cognitiveservices|openai|bedrock|copilot|dialogflow/i;
const dataScopes =
  /gmail|mail\.read|drive|files\.read|sites\.read|calendar|channels:history|groups:history|im:history|repo\b|contacts/i;

/** Heuristic for an unknown app record: AI words in its name, AI-platform OAuth scopes, an AI-looking host. */
export function suspectAiApp(app: { name: string; scopes?: readonly string[]; host?: string }): Suspicion {
  const signals: Signals = new Map();
  nameSignals(signals, app.name ?? '', 'name', 1);
  const scopes = (app.scopes ?? []).filter((s): s is string => typeof s === 'string').slice(0, 200);
  const ai = scopes.find((s) => aiScopes.test(s));
  if (ai) add(signals, `requests an AI platform scope (${ai})`, 0.5);
  if (app.host) hostSignals(signals, app.host, 0.6);
  // Broad data access makes an AI-looking app more worth a look; it says nothing about AI on its own.
  const data = scopes.find((s) => dataScopes.test(s));
  if (data && signals.size > 0) add(signals, `requests broad data access (${data})`, 0.1);
  return verdict(signals);
}

function hostSignals(signals: Signals, input: string, scale: number): void {
  const target = parseTarget(input);
  if (!target) return;
  const info = parseDomain(target.host, { allowPrivateDomains: true });
  if (info.isIp || !info.publicSuffix || !info.domain) return;
  if (info.publicSuffix === 'ai') add(signals, 'uses the .ai top-level domain', 0.3 * scale);
  const labels = target.host.slice(0, -(info.publicSuffix.length + 1)).split('.');
  for (const label of labels) {
    const tokens = label.split(/[-0-9]+/).filter((t) => t.length > 0);
    if (label.includes('gpt')) add(signals, `host mentions GPT ("${label}")`, 0.6 * scale);
    if (tokens.some((t) => t.startsWith('llm') || t.endsWith('llm')))
      add(signals, `host mentions LLM ("${label}")`, 0.6 * scale);
    if (label.includes('copilot')) add(signals, `host mentions Copilot ("${label}")`, 0.5 * scale);
    if (label.includes('chatbot')) add(signals, `host mentions chatbot ("${label}")`, 0.4 * scale);
    if (tokens.includes('ai') || tokens.includes('genai'))
      add(signals, `host has the word "AI" ("${label}")`, 0.4 * scale);
    if (tokens.includes('chat')) add(signals, `host has the word "chat" ("${label}")`, 0.3 * scale);
    if (tokens.some((t) => t === 'agent' || t === 'agents'))
      add(signals, `host has the word "agent" ("${label}")`, 0.3 * scale);
  }
}

/**
 * Heuristic for an unknown host the extension saw: AI words in the host labels or the page title, the .ai
 * TLD, and `chatLikePage` (the extension found a large prompt box with a send control and a message list).
 */
export function suspectAiHost(page: { host: string; title?: string; chatLikePage?: boolean }): Suspicion {
  const signals: Signals = new Map();
  hostSignals(signals, page.host, 1);
  if (page.title) nameSignals(signals, page.title, 'page title', 0.8);
  if (page.chatLikePage === true) add(signals, 'page has a chat-like structure (prompt box, send control)', 0.4);
  return verdict(signals);
}
