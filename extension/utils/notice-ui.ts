import type { DlpAction } from '@sightline/backend/protocol';
import { noticeStyles } from './notice-styles.ts';

/** What the notice says: never a found value, only what kind of data and how many. */
export interface NoticeContent {
  action: Exclude<DlpAction, 'allow'>;
  /** e.g. "GitHub personal access token (2)". */
  found: string[];
  /** What happened and why, one sentence. */
  explanation: string;
  contact: string;
}

export interface NoticeResult {
  decision: 'proceed' | 'cancel';
  justification?: string;
}

const TITLES: Record<NoticeContent['action'], string> = {
  block: 'Sensitive data blocked',
  warn: 'Sensitive data: check before sending',
  redact: 'Sensitive data masked',
};

export const NOTICE_TAG = 'sightline-notice';
const MIN_JUSTIFICATION = 5;

/**
 * Shows the notice as a modal alertdialog in a shadow root and resolves with the person's decision. Focus moves
 * into the dialog and is kept there (Tab cycles), Escape cancels, and focus returns to where it was.
 */
export function showNotice(doc: Document, content: NoticeContent): Promise<NoticeResult> {
  doc.querySelector(NOTICE_TAG)?.remove();
  const previous = doc.activeElement as HTMLElement | null;
  const host = doc.createElement(NOTICE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = noticeStyles;
  const backdrop = doc.createElement('div');
  backdrop.className = 'backdrop';
  const dialog = doc.createElement('div');
  dialog.className = 'dialog';
  dialog.dataset.action = content.action;
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'sl-title');
  dialog.setAttribute('aria-describedby', 'sl-desc');
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  const desc = el('div', undefined, { id: 'sl-desc' });
  desc.append(el('p', 'Found:'));
  const list = el('ul');
  for (const line of content.found) list.append(el('li', line));
  desc.append(list, el('p', content.explanation));
  dialog.append(el('h2', TITLES[content.action], { id: 'sl-title' }), desc);
  dialog.append(el('p', `Questions? Contact ${content.contact}.`, { class: 'contact' }));

  const buttons = el('div', undefined, { class: 'buttons' });
  let justification: HTMLTextAreaElement | null = null;
  let proceed: HTMLButtonElement;
  if (content.action === 'warn') {
    const label = el('label', 'Why do you need to send this? (required to continue)', { for: 'sl-why' });
    justification = el('textarea', undefined, { id: 'sl-why', maxlength: '1000' });
    dialog.append(label, justification);
    const cancel = el('button', 'Cancel', { type: 'button', 'data-sl': 'cancel' });
    proceed = el('button', 'Send anyway', { type: 'button', class: 'primary', 'data-sl': 'proceed' });
    proceed.disabled = true;
    justification.addEventListener('input', () => {
      proceed.disabled = justification!.value.trim().length < MIN_JUSTIFICATION;
    });
    buttons.append(cancel, proceed);
  } else {
    proceed = el('button', 'OK', { type: 'button', class: 'primary', 'data-sl': 'ok' });
    buttons.append(proceed);
  }
  dialog.append(buttons);
  backdrop.append(dialog);
  root.append(style, backdrop);
  (doc.body ?? doc.documentElement).append(host);

  return new Promise<NoticeResult>((resolve) => {
    const close = (result: NoticeResult) => {
      host.remove();
      previous?.focus?.();
      resolve(result);
    };
    const focusables = () =>
      [...root.querySelectorAll<HTMLElement>('textarea, button')].filter((b) => !(b as HTMLButtonElement).disabled);
    dialog.addEventListener('click', (e) => {
      const action = (e.target as Element).closest('button')?.getAttribute('data-sl');
      if (action === 'cancel') close({ decision: 'cancel' });
      if (action === 'ok') close({ decision: 'cancel' });
      if (action === 'proceed' && justification)
        close({ decision: 'proceed', justification: justification.value.trim() });
    });
    dialog.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        close({ decision: 'cancel' });
      } else if (e.key === 'Tab') {
        const items = focusables();
        const index = items.indexOf(root.activeElement as HTMLElement);
        const next = e.shiftKey ? (index <= 0 ? items.length - 1 : index - 1) : (index + 1) % items.length;
        e.preventDefault();
        items[next]?.focus();
      }
    });
    (justification ?? proceed).focus();
  });
}
