import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog } from '@sightline/fingerprints';
import { describe, expect, it } from 'vitest';
import { readEditorText } from './editor-text.ts';
import { createGenericAdapter, createSiteAdapter } from './site-adapter.ts';

const FIXTURES = join(import.meta.dirname, '../../fingerprints/fixtures');
const withDom = getCatalog().services.filter((s) => s.dom !== null);

function load(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, '');
  return doc;
}

// One shared suite for every adapter: the same checks run against each service's fixture page.
describe.each(withDom.map((s) => [s.id, s] as const))('adapter for %s', (id, service) => {
  const doc = load(readFileSync(join(FIXTURES, `${id}.html`), 'utf8'));
  const adapter = createSiteAdapter(id, service.dom, doc);

  it('finds the prompt input, an editable field of the declared editor kind', () => {
    const input = adapter.findInput();
    expect(input, 'input').not.toBeNull();
    const editable = input!.tagName === 'TEXTAREA' || input!.getAttribute('contenteditable') === 'true';
    expect(editable).toBe(true);
    expect(adapter.name).toBe(`catalog:${id}`);
  });

  it('finds the send button and recognises a click inside it', () => {
    const send = adapter.findSend();
    expect(send, 'send').not.toBeNull();
    expect(adapter.isSend(send!)).toBe(true);
    expect(adapter.isSend(doc.body)).toBe(false);
  });

  it('maps an event in the input to the field', () => {
    const input = adapter.findInput()!;
    const inner = input.firstElementChild ?? input;
    expect(adapter.inComposer(inner)).toBe(input);
    expect(readEditorText(input)).toBe('');
  });
});

describe('generic adapter', () => {
  it.each([
    {
      name: 'a textarea with a Send button',
      html: '<textarea id="q"></textarea><button aria-label="Send">→</button>',
      input: 'q',
      send: true,
    },
    {
      name: 'a contenteditable in a form with a submit button',
      html: '<form><div id="q" contenteditable="true"><p>x</p></div><button type="submit">Go</button></form>',
      input: 'q',
      send: true,
    },
    { name: 'no field at all', html: '<p>hello</p>', input: null, send: false },
  ])('$name', ({ html, input, send }) => {
    const doc = load(html);
    const adapter = createGenericAdapter(doc);
    expect(adapter.findInput()?.id ?? null).toBe(input);
    expect(adapter.findSend() !== null).toBe(send);
    expect(adapter.name).toBe('generic');
  });
});

it('covers every service the issue lists', () => {
  const ids = withDom.map((s) => s.id);
  for (const id of [
    'chatgpt',
    'claude',
    'gemini',
    'microsoft-copilot',
    'microsoft-365-copilot',
    'perplexity',
    'mistral-le-chat',
    'deepseek',
    'grok',
    'meta-ai',
    'poe',
    'github-copilot',
    'huggingchat',
  ]) {
    expect(ids).toContain(id);
  }
});
