import { describe, expect, it } from 'vitest';
import { defaultBundle } from './default-bundle.ts';
import { effectiveConfig } from './effective-config.ts';
import { parseManagedConfig, readManagedConfig } from './read-managed-config.ts';

const bundle = { ...defaultBundle(), mode: 'monitor' as const, privacy: { fullUrls: true, maskedPreviews: true } };
bundle.organization = { name: 'Acme', emailDomains: ['acme.example'] };

describe('effective configuration', () => {
  it.each([
    {
      name: 'managed wins over manual; device mode over the bundle',
      managed: { serverUrl: 'https://m.example/', enrollmentToken: 'managed-token', mode: 'enforce' as const },
      manual: { serverUrl: 'https://x.example', enrollmentToken: 'manual-token' },
      expected: {
        serverUrl: 'https://m.example',
        enrollmentToken: 'managed-token',
        source: 'managed',
        mode: 'enforce',
      },
    },
    {
      name: 'manual settings when nothing is managed',
      managed: {},
      manual: { serverUrl: 'https://x.example', enrollmentToken: 'manual-token', mode: 'enforce' as const },
      expected: { serverUrl: 'https://x.example', enrollmentToken: 'manual-token', source: 'manual', mode: 'enforce' },
    },
    {
      name: 'nothing configured: the bundle mode',
      managed: {},
      manual: null,
      expected: { serverUrl: null, enrollmentToken: null, source: 'none', mode: 'monitor' },
    },
  ])('$name', ({ managed, manual, expected }) => {
    expect(effectiveConfig(managed, manual, bundle)).toMatchObject(expected);
  });

  it('privacy can only get stricter on the device; e-mail domains merge', () => {
    const cfg = effectiveConfig({ privacy: { fullUrls: false }, emailDomains: ['@Acme-Labs.example'] }, null, bundle);
    expect(cfg.privacy).toEqual({ fullUrls: false, maskedPreviews: true });
    expect(cfg.emailDomains).toEqual(['acme.example', 'acme-labs.example']);
    const strict = effectiveConfig({ privacy: { fullUrls: true } }, null, {
      ...bundle,
      privacy: { fullUrls: false, maskedPreviews: false },
    });
    expect(strict.privacy.fullUrls).toBe(false);
  });

  it('ignores malformed managed fields and unreadable managed storage', async () => {
    expect(parseManagedConfig({ serverUrl: 'not a url', mode: 'loud', emailDomains: ['acme.example'] })).toEqual({
      emailDomains: ['acme.example'],
    });
    expect(await readManagedConfig({ get: () => Promise.reject(new Error('no policy')) })).toEqual({});
    expect(await readManagedConfig(undefined)).toEqual({});
  });
});
