import type { Dom } from '@sightline/fingerprints';
import { type Editable, editableOf, isTextControl } from './editor-text.ts';

/** How the page script finds the chat surface of a service. Every adapter has this shape. */
export interface SiteAdapter {
  /** `catalog:<service id>` or `generic`. */
  name: string;
  editor: Dom['editor'] | 'unknown';
  /** The prompt field, or null when the page does not show one (yet). */
  findInput(): Editable | null;
  /** The send button, or null. */
  findSend(): HTMLElement | null;
  /** True when `el` is (inside) a send button of this surface. */
  isSend(el: Element): boolean;
  /** The field an event target is in, when typing there can send a prompt. */
  inComposer(target: EventTarget | null): Editable | null;
}

function first(doc: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    try {
      const el = doc.querySelector(s);
      if (el) return el;
    } catch {
      // A selector the browser does not support (e.g. :has in an old engine): try the next one.
    }
  }
  return null;
}

function visible(el: Element): boolean {
  const r = (el as HTMLElement).getBoundingClientRect?.();
  return !r || r.width * r.height > 0 || (el as HTMLElement).offsetParent !== null;
}

/** An adapter driven by the catalog's DOM rules: selectors are tried in order, the first that matches wins. */
export function createCatalogAdapter(serviceId: string, dom: Dom, doc: Document): SiteAdapter {
  const findInput = (): Editable | null => {
    const el = first(doc, dom.input);
    return el ? (editableOf(el) ?? (el as HTMLElement)) : null;
  };
  return {
    name: `catalog:${serviceId}`,
    editor: dom.editor,
    findInput,
    findSend: () => first(doc, dom.send) as HTMLElement | null,
    isSend(el) {
      for (const s of dom.send) {
        try {
          if (el.closest(s)) return true;
        } catch {
          // Unsupported selector: skip.
        }
      }
      return false;
    },
    // Any field on an AI page counts: an edited earlier message is sent as a prompt too.
    inComposer: (target) => editableOf(target),
  };
}

/** The largest visible textarea or contenteditable of the page. */
function largestField(doc: Document): Editable | null {
  let best: Editable | null = null;
  let bestArea = -1;
  for (const el of doc.querySelectorAll<HTMLElement>('textarea, [contenteditable="true"], [contenteditable=""]')) {
    const field = isTextControl(el) ? el : editableOf(el);
    if (!field || !visible(field)) continue;
    const r = field.getBoundingClientRect();
    const area = r.width * r.height;
    if (area > bestArea) [best, bestArea] = [field, area];
  }
  return best;
}

const SEND_WORDS = /\b(send|submit|ask)\b/i;

/** The fallback for AI hosts without DOM rules: any textarea or contenteditable, a send-like button near it. */
export function createGenericAdapter(doc: Document): SiteAdapter {
  const isSend = (el: Element) => {
    const button = el.closest('button, [role="button"], input[type="submit"]');
    if (!button) return false;
    if (
      (button as HTMLButtonElement).type === 'submit' &&
      button.closest('form')?.querySelector('textarea, [contenteditable]')
    )
      return true;
    const label = `${button.getAttribute('aria-label') ?? ''} ${button.getAttribute('title') ?? ''} ${button.getAttribute('data-testid') ?? ''}`;
    return SEND_WORDS.test(label);
  };
  return {
    name: 'generic',
    editor: 'unknown',
    findInput: () => largestField(doc),
    findSend() {
      for (const b of doc.querySelectorAll('button, [role="button"], input[type="submit"]'))
        if (isSend(b)) return b as HTMLElement;
      return null;
    },
    isSend,
    inComposer: (target) => editableOf(target),
  };
}

/** The catalog adapter when the service has DOM rules, else the generic one. */
export function createSiteAdapter(serviceId: string, dom: Dom | null, doc: Document): SiteAdapter {
  return dom ? createCatalogAdapter(serviceId, dom, doc) : createGenericAdapter(doc);
}
