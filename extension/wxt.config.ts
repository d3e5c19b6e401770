import { getCatalog } from '@sightline/fingerprints';
import { defineConfig } from 'wxt';
import { hostPermissions, webHostRules } from './utils/host-patterns.ts';

/**
 * Optional: a backend origin baked into `host_permissions` (e.g. `SIGHTLINE_SERVER_ORIGIN=https://sightline.example.com`).
 * Without it the backend must answer CORS for the extension, or the person grants the origin on the options page.
 */
const serverOrigin = process.env.SIGHTLINE_SERVER_ORIGIN;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  outDir: process.env.SIGHTLINE_EXTENSION_OUT ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Sightline',
    description: 'Shows your organisation which AI services are used and stops sensitive data before it reaches them.',
    version: '0.1.0',
    // storage: queue, bundle, settings. alarms: bundle refresh and retries. scripting: content scripts on AI hosts only.
    permissions: ['storage', 'alarms', 'scripting'],
    // The AI hosts of the built-in catalog; tab URLs outside them are never visible to the extension.
    host_permissions: [
      ...hostPermissions(webHostRules(getCatalog().services)),
      ...(serverOrigin ? [`${serverOrigin}/*`] : []),
    ],
    // Granted one by one from the options page: the backend origin and hosts an organisation adds to its bundle.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    storage: { managed_schema: 'managed-schema.json' },
    action: { default_title: 'Sightline' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'extension@sightline.dev', strict_min_version: '128.0' } } }
      : { minimum_chrome_version: '120' }),
  }),
});
