import { describe, expect, it } from 'vitest';
import { deviceFacts } from './device-facts.ts';

describe('deviceFacts', () => {
  it.each([
    {
      ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      expected: { browser: 'chrome', browserVersion: '131.0.0.0', os: 'linux' },
    },
    {
      ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      expected: { browser: 'edge', browserVersion: '131.0.2903.86', os: 'windows' },
    },
    {
      ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0',
      expected: { browser: 'firefox', browserVersion: '132.0', os: 'mac' },
    },
    {
      ua: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) Chrome/131.0.0.0',
      expected: { browser: 'chrome', os: 'chromeos' },
    },
    { ua: 'curl/8.0', expected: { browser: 'other', browserVersion: 'unknown', os: 'other' } },
  ])('$expected.browser on $expected.os', ({ ua, expected }) => {
    expect(deviceFacts({ userAgent: ua }, '0.1.0')).toMatchObject({ ...expected, extensionVersion: '0.1.0' });
  });
  it('prefers client-hint brands and adds the managed e-mail', () => {
    const facts = deviceFacts(
      {
        userAgent: 'Chrome/131.0.0.0',
        userAgentData: { brands: [{ brand: 'Microsoft Edge', version: '131' }], platform: 'Windows' },
      },
      '0.1.0',
      'eve@acme.example',
    );
    expect(facts).toEqual({
      browser: 'edge',
      browserVersion: '131',
      extensionVersion: '0.1.0',
      os: 'windows',
      userEmail: 'eve@acme.example',
    });
  });
});
