import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog } from '@sightline/fingerprints';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExtension, removeBuilds } from './support/build-extension.ts';

interface Manifest {
  manifest_version: number;
  version: string;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  content_scripts?: unknown[];
  storage?: { managed_schema: string };
  browser_specific_settings?: { gecko: { id: string } };
  background: Record<string, unknown>;
}

afterAll(removeBuilds);

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const catalogHosts = new Set(
  getCatalog().services.flatMap((s) => s.hosts.map((h) => `https://*.${h.split('/')[0]}/*`)),
);

describe.each(['chrome', 'firefox'] as const)('the %s build (stock, no backend origin baked in)', (browser) => {
  const dir = buildExtension({ browser, serverOrigin: null });
  const manifest = read(dir);

  it('is MV3 with the minimal permissions and host access to AI hosts only', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.permissions.sort()).toEqual(['alarms', 'scripting', 'storage']);
    expect(manifest.host_permissions.length).toBeGreaterThan(400);
    for (const pattern of manifest.host_permissions) expect(catalogHosts.has(pattern), pattern).toBe(true);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('declares no static content script: the worker registers one for AI hosts only', () => {
    expect(manifest.content_scripts ?? []).toEqual([]);
    const page = readFileSync(join(dir, 'content-scripts/ai-page.js'), 'utf8').length;
    const engine = readFileSync(join(dir, 'content-scripts/ai-scanner.js'), 'utf8').length;
    // The script that runs at document_start stays small; the DLP engine comes later, at document_idle.
    expect(page).toBeLessThan(80_000);
    expect(engine).toBeGreaterThan(page);
  });

  it('ships the managed-storage schema for IT policies', () => {
    const schema = JSON.parse(readFileSync(join(dir, manifest.storage!.managed_schema), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['emailDomains', 'enrollmentToken', 'mode', 'privacy', 'serverUrl', 'userEmail'].sort(),
    );
  });

  it(browser === 'firefox' ? 'has a fixed add-on id and background scripts' : 'has a service worker', () => {
    if (browser === 'firefox') {
      expect(manifest.browser_specific_settings?.gecko.id).toBe('extension@sightline.dev');
      expect(manifest.background.scripts).toEqual(['background.js']);
    } else expect(manifest.background.service_worker).toBe('background.js');
  });
});

it('an organisation build adds exactly its backend origin', () => {
  const manifest = read(buildExtension({ serverOrigin: 'https://sightline.acme.example' }));
  expect(manifest.host_permissions.filter((p) => !catalogHosts.has(p))).toEqual(['https://sightline.acme.example/*']);
});
