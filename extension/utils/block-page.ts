import { noticeStyles } from './notice-styles.ts';

export const BLOCK_TAG = 'sightline-blocked';

/**
 * Covers a blocked AI service with a page that says so (in a shadow root, on top of everything): the
 * organisation blocked the service; the person can leave or contact the security team.
 */
export function showBlockedPage(
  doc: Document,
  info: { serviceName: string; organization: string; contact: string },
): HTMLElement {
  doc.querySelector(BLOCK_TAG)?.remove();
  const host = doc.createElement(BLOCK_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `${noticeStyles}\n.backdrop { background: #f8fafc; }`;
  const backdrop = doc.createElement('div');
  backdrop.className = 'backdrop';
  const dialog = doc.createElement('div');
  dialog.className = 'dialog';
  dialog.dataset.action = 'block';
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'sl-title');
  const title = doc.createElement('h2');
  title.id = 'sl-title';
  title.textContent = `${info.serviceName} is blocked`;
  const text = doc.createElement('p');
  text.textContent = `${info.organization || 'Your organisation'} does not allow the use of ${info.serviceName}. Please use an approved AI service instead.`;
  const contact = doc.createElement('p');
  contact.className = 'contact';
  contact.textContent = `Questions? Contact ${info.contact}.`;
  const back = doc.createElement('button');
  back.type = 'button';
  back.className = 'primary';
  back.textContent = 'Go back';
  back.addEventListener('click', () => doc.defaultView?.history.back());
  const buttons = doc.createElement('div');
  buttons.className = 'buttons';
  buttons.append(back);
  dialog.append(title, text, contact, buttons);
  backdrop.append(dialog);
  root.append(style, backdrop);
  (doc.body ?? doc.documentElement).append(host);
  back.focus();
  return host;
}
