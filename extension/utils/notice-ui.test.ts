import { afterEach, describe, expect, it } from 'vitest';
import { NOTICE_TAG, showNotice } from './notice-ui.ts';

const content = (action: 'block' | 'warn' | 'redact') => ({
  action,
  found: ['GitHub personal access token (2)'],
  explanation: 'Policy says no.',
  contact: 'security@acme.example',
});
const dialog = () =>
  document.querySelector(NOTICE_TAG)!.shadowRoot!.querySelector<HTMLElement>('[role="alertdialog"]')!;
const key = (k: string, shiftKey = false) =>
  dialog().dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));

describe('notice UI', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each(['block', 'warn', 'redact'] as const)(
    '%s: an accessible modal alertdialog with the findings and the contact',
    (action) => {
      void showNotice(document, content(action));
      const d = dialog();
      expect(d.getAttribute('aria-modal')).toBe('true');
      const root = document.querySelector(NOTICE_TAG)!.shadowRoot!;
      expect(root.getElementById(d.getAttribute('aria-labelledby')!)?.textContent).toMatch(/Sensitive data/);
      expect(root.getElementById(d.getAttribute('aria-describedby')!)?.textContent).toContain(
        'GitHub personal access token (2)',
      );
      expect(d.textContent).toContain('security@acme.example');
      expect(root.activeElement).not.toBeNull();
    },
  );

  it('warn: continuing needs a justification; the decision and text come back', async () => {
    const result = showNotice(document, content('warn'));
    const root = document.querySelector(NOTICE_TAG)!.shadowRoot!;
    const why = root.querySelector('textarea')!;
    const proceed = root.querySelector<HTMLButtonElement>('[data-sl="proceed"]')!;
    expect(root.activeElement).toBe(why);
    expect(proceed.disabled).toBe(true);
    why.value = 'approved by finance';
    why.dispatchEvent(new Event('input'));
    expect(proceed.disabled).toBe(false);
    proceed.click();
    await expect(result).resolves.toEqual({ decision: 'proceed', justification: 'approved by finance' });
    expect(document.querySelector(NOTICE_TAG)).toBeNull();
  });

  it('Escape cancels and focus returns to where it was', async () => {
    const field = document.createElement('textarea');
    document.body.append(field);
    field.focus();
    const result = showNotice(document, content('warn'));
    key('Escape');
    await expect(result).resolves.toEqual({ decision: 'cancel' });
    expect(document.activeElement).toBe(field);
  });

  it('Tab keeps the focus inside the dialog', () => {
    void showNotice(document, content('warn'));
    const root = document.querySelector(NOTICE_TAG)!.shadowRoot!;
    const why = root.querySelector('textarea')!;
    why.value = 'long enough reason';
    why.dispatchEvent(new Event('input'));
    key('Tab');
    expect(root.activeElement?.getAttribute('data-sl')).toBe('cancel');
    key('Tab');
    key('Tab');
    expect(root.activeElement).toBe(why);
    key('Tab', true);
    expect(root.activeElement?.getAttribute('data-sl')).toBe('proceed');
  });
});
