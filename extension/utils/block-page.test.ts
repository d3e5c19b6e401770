import { describe, expect, it } from 'vitest';
import { BLOCK_TAG, showBlockedPage } from './block-page.ts';

describe('block page', () => {
  it('covers the page with an alertdialog naming the service, the organisation and the contact', () => {
    showBlockedPage(document, { serviceName: 'DeepSeek', organization: 'Acme', contact: 'security@acme.example' });
    showBlockedPage(document, { serviceName: 'DeepSeek', organization: 'Acme', contact: 'security@acme.example' });
    expect(document.querySelectorAll(BLOCK_TAG)).toHaveLength(1);
    const root = document.querySelector(BLOCK_TAG)!.shadowRoot!;
    const dialog = root.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('DeepSeek is blocked');
    expect(dialog.textContent).toContain('Acme does not allow');
    expect(dialog.textContent).toContain('security@acme.example');
    expect(root.activeElement?.textContent).toBe('Go back');
  });
});
