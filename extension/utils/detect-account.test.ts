import type { AccountHint } from '@sightline/fingerprints';
import { describe, expect, it } from 'vitest';
import { detectAccount } from './detect-account.ts';

const doc = (html: string) => {
  const d = document.implementation.createHTMLDocument('x');
  d.body.innerHTML = html;
  return d;
};
const hint = (kind: AccountHint['kind'], value: string, signal: AccountHint['signal'] = 'corporate'): AccountHint => ({
  kind,
  value,
  signal,
});
const page = (over: Partial<{ host: string; path: string; html: string; cookie: string }> = {}) => ({
  host: over.host ?? 'chatgpt.com',
  path: over.path ?? '/',
  doc: doc(over.html ?? ''),
  cookie: over.cookie ?? '',
});

describe('detectAccount', () => {
  it.each([
    {
      name: 'an e-mail on an organisation domain is corporate',
      hints: [hint('email', '#me')],
      page: page({ html: '<button id="me" aria-label="Account: eve@sales.acme.example">E</button>' }),
      expected: { accountType: 'corporate', accountDomain: 'sales.acme.example' },
    },
    {
      name: 'an e-mail elsewhere is personal when the organisation has domains',
      hints: [hint('email', '#me')],
      page: page({ html: '<span id="me">eve@gmail.com</span>' }),
      expected: { accountType: 'personal', accountDomain: 'gmail.com' },
    },
    {
      name: 'the e-mail wins over a cookie hint',
      hints: [hint('cookie', '_account'), hint('email', '#me')],
      page: page({ html: '<span id="me">eve@gmail.com</span>', cookie: 'a=1; _account=ws_1' }),
      expected: { accountType: 'personal', accountDomain: 'gmail.com' },
    },
    {
      name: 'a cookie hint',
      hints: [hint('cookie', '_account')],
      page: page({ cookie: 'x=1; _account=ws_1' }),
      expected: { accountType: 'corporate' },
    },
    {
      name: 'a selector hint',
      hints: [hint('selector', '[data-testid="workspace-name"]')],
      page: page({ html: '<div data-testid="workspace-name">Acme</div>' }),
      expected: { accountType: 'corporate' },
    },
    {
      name: 'a host hint with a path',
      hints: [hint('host', 'm365.cloud.microsoft/chat')],
      page: page({ host: 'm365.cloud.microsoft', path: '/chat/x' }),
      expected: { accountType: 'corporate' },
    },
    {
      name: 'a host hint for personal use',
      hints: [hint('host', 'copilot.microsoft.com', 'personal')],
      page: page({ host: 'copilot.microsoft.com' }),
      expected: { accountType: 'personal' },
    },
    {
      name: 'nothing conclusive',
      hints: [hint('cookie', '_account'), hint('selector', '#ws')],
      page: page(),
      expected: { accountType: 'unknown' },
    },
    {
      name: 'a broken selector is skipped',
      hints: [hint('selector', 'div[[')],
      page: page(),
      expected: { accountType: 'unknown' },
    },
  ])('$name', ({ hints, page, expected }) => {
    expect(detectAccount(hints, page, ['acme.example'])).toEqual(expected);
  });

  it('without organisation domains a non-consumer address stays unknown', () => {
    expect(detectAccount([hint('email', '#me')], page({ html: '<span id="me">eve@acme.example</span>' }), [])).toEqual({
      accountType: 'unknown',
      accountDomain: 'acme.example',
    });
  });
});
