import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { requestText, type Session } from './session.ts';

// Planted values: a GitHub token (secret: blocked), an IBAN (financial: warn), an e-mail (personal data: redacted).
export const SECRET = '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';
export const IBAN = 'DE44 5001 0517 5407 3249 31';
export const EMAIL = 'maria.gonzalez@northwind-traders.com';
export const PROMPT = 'Draft the bluebird merger timeline for the board';
export const PLANTED = [SECRET, IBAN, IBAN.replace(/ /g, ''), EMAIL, PROMPT, 'bluebird'];

/** Pastes text through the real clipboard (a trusted paste event) into the focused field. */
export async function paste(page: Page, selector: string, text: string) {
  await page.click(selector);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** The notice dialog in its shadow root. */
export const notice = (page: Page) => page.locator('sightline-notice [role="alertdialog"]');

/** Every request the local servers saw (pages, extension, backend; bodies decoded) holds no planted value. */
export function expectNothingPlanted(s: Session) {
  const texts = s.recorded.map(requestText);
  expect(texts.length).toBeGreaterThan(5);
  for (const text of texts) for (const planted of PLANTED) expect(text).not.toContain(planted);
}
