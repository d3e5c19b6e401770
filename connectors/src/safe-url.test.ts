import { describe, expect, it } from 'vitest';
import { assertSafeBaseUrl, type HostLookup, isVendorHost, UnsafeUrlError } from './safe-url.ts';

const resolvesTo =
  (...addresses: string[]): HostLookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const okta = { vendorHosts: ['okta.com', 'oktapreview.com'], allowCustomHost: false, lookup: resolvesTo('52.1.2.3') };

async function reason(url: string, options = okta) {
  try {
    await assertSafeBaseUrl(url, options);
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(UnsafeUrlError);
    expect((err as UnsafeUrlError).problem).toBe('unreachable');
    return (err as UnsafeUrlError).reason;
  }
}

describe('assertSafeBaseUrl', () => {
  it.each([
    ['https://acme.okta.com', 'accepted'],
    ['https://acme.oktapreview.com/', 'accepted'],
    ['https://okta.com', 'accepted'],
    ['https://acme.okta.com.', 'accepted'],
    ['https://ACME.OKTA.COM:443', 'accepted'],
    ['http://acme.okta.com', 'not_https'],
    ['ftp://acme.okta.com', 'not_https'],
    ['file:///etc/passwd', 'not_https'],
    ['not a url', 'invalid_url'],
    ['https://user:pw@acme.okta.com', 'credentials_in_url'],
    ['https://evil-okta.com', 'not_vendor_host'],
    ['https://acme.okta.com.evil.example', 'not_vendor_host'],
    ['https://127.0.0.1', 'ip_literal'],
    ['https://[::1]', 'ip_literal'],
    ['https://2130706433', 'ip_literal'],
    ['https://0x7f.1', 'ip_literal'],
    ['https://169.254.169.254/latest/meta-data', 'ip_literal'],
    ['https://acme.okta.com:8443', 'non_standard_port'],
  ])('%s → %s', async (url, expected) => {
    expect(await reason(url)).toBe(expected);
  });

  it.each([
    ['127.0.0.1'],
    ['10.0.0.5'],
    ['169.254.169.254'],
    ['100.64.1.1'],
    ['::1'],
    ['::ffff:192.168.0.1'],
    ['fd00:ec2::254'],
    ['fe80::1'],
    ['ff02::1'],
  ])('refuses a vendor host that resolves to %s', async (address) => {
    expect(await reason('https://acme.okta.com', { ...okta, lookup: resolvesTo(address) })).toBe('private_address');
  });

  it('refuses when any one of several addresses is private (DNS rebinding with mixed answers)', async () => {
    const lookup = resolvesTo('52.1.2.3', '10.0.0.1');
    await expect(assertSafeBaseUrl('https://acme.okta.com', { ...okta, lookup })).rejects.toThrow(
      /resolves to 10\.0\.0\.1, a private address.*allow custom host/,
    );
  });

  it('names the fix when the host does not resolve', async () => {
    const lookup: HostLookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(assertSafeBaseUrl('https://acme.okta.com', { ...okta, lookup })).rejects.toThrow(
      /does not resolve \(ENOTFOUND\); check the spelling/,
    );
  });

  it('allows http, IP literals, private addresses and other hosts only with allowCustomHost', async () => {
    const custom = { ...okta, allowCustomHost: true, lookup: resolvesTo('127.0.0.1') };
    for (const url of ['http://127.0.0.1:8080', 'https://proxy.internal.example', 'http://[::1]:9000']) {
      expect(await reason(url, custom)).toBe('accepted');
      expect(await reason(url)).not.toBe('accepted');
    }
    expect(await reason('https://a:b@proxy.example', custom)).toBe('credentials_in_url');
    expect(await reason('gopher://proxy.example', custom)).toBe('not_https');
  });

  it('resolves with node:dns by default', async () => {
    await expect(
      assertSafeBaseUrl('https://localhost', { vendorHosts: ['localhost'], allowCustomHost: false }),
    ).rejects.toThrow(/loopback address/);
  });
});

describe('isVendorHost', () => {
  it('matches on label boundaries only', () => {
    expect(isVendorHost('a.b.okta.com', ['.okta.com'])).toBe(true);
    expect(isVendorHost('notokta.com', ['okta.com'])).toBe(false);
    expect(isVendorHost('okta.com.evil', ['okta.com'])).toBe(false);
  });
});
