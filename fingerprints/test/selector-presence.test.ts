import { describe, expect, it } from 'vitest';
import { selectorPresentIn } from './selector-presence.ts';

const html = `<form data-type="unified-composer" class="w-full composer">
  <div contenteditable="true" class="ProseMirror" id="prompt-textarea"></div>
  <button type="button" data-testid="send-button" aria-label="Send prompt">Send</button>
  <textarea placeholder='Ask anything'></textarea>
</form>`;

describe('selectorPresentIn', () => {
  it.each([
    ['#prompt-textarea', true],
    ['#prompt', false],
    ['div.ProseMirror[contenteditable="true"]', true],
    ['div.Prose', false],
    ['form[data-type="unified-composer"] div.ProseMirror', true],
    ['form[data-type="composer"]', false],
    ['button[data-testid="send-button"]', true],
    ['button[aria-label*="Send"]', true],
    ['button[aria-label="Send"]', false],
    ['button[disabled]', false],
    ['button:not([disabled])', true],
    ['button:has(svg)', false],
    ['textarea[placeholder="Ask anything"]', true],
    ['section textarea', false],
    ['#nope, textarea', true],
    ['input[type="file"]', false],
    ['', false],
  ])('%j -> %s', (selector, expected) => {
    expect(selectorPresentIn(html, selector)).toBe(expected);
  });
});
