import { describe, expect, it } from 'vitest';
import { parseEnrollmentLink } from './parse-enrollment-link.ts';

const base = 'chrome-extension://abc/options.html';
describe('parseEnrollmentLink', () => {
  it.each([
    {
      href: `${base}?server=https%3A%2F%2Fsl.acme.example%2F&token=slenr_123456`,
      expected: { serverUrl: 'https://sl.acme.example', enrollmentToken: 'slenr_123456' },
    },
    {
      href: `${base}#server=https://sl.acme.example/base/&token=t0123456789&mode=enforce`,
      expected: { serverUrl: 'https://sl.acme.example/base', enrollmentToken: 't0123456789', mode: 'enforce' },
    },
    {
      href: `${base}?server=https://sl.acme.example&token=t0123456789&mode=off`,
      expected: { serverUrl: 'https://sl.acme.example', enrollmentToken: 't0123456789' },
    },
    { href: `${base}?server=javascript:alert(1)&token=t0123456789`, expected: null },
    { href: `${base}?server=https://sl.acme.example`, expected: null },
    { href: base, expected: null },
  ])('$href', ({ href, expected }) => {
    expect(parseEnrollmentLink(href)).toEqual(expected);
  });
});
