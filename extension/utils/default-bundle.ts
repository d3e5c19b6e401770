import { type Bundle, PROTOCOL_VERSION } from '@sightline/backend/protocol';
import { getCatalog } from '@sightline/fingerprints';

type Action = 'allow' | 'warn' | 'redact' | 'block';
const byAccount = (personal: Action, corporate: Action, unknown: Action) => ({ personal, corporate, unknown });
const byStatus = (open: ReturnType<typeof byAccount>, restricted: ReturnType<typeof byAccount>) => ({
  sanctioned: open,
  tolerated: open,
  unsanctioned: restricted,
  blocked: byAccount('block', 'block', 'block'),
});

/**
 * The bundle used before the first successful fetch (never enrolled, or offline since install): the built-in
 * catalog, monitor mode, and a conservative policy that warns on secrets and personal data.
 */
export function defaultBundle(): Bundle {
  const warnAll = byAccount('warn', 'warn', 'warn');
  const allowAll = byAccount('allow', 'allow', 'allow');
  return {
    protocol: PROTOCOL_VERSION,
    version: `builtin-${getCatalog().version}`,
    generatedAt: '1970-01-01T00:00:00.000Z',
    organization: { name: '', emailDomains: [] },
    mode: 'monitor',
    catalog: { version: getCatalog().version, additions: [] },
    services: {},
    defaultStatus: 'tolerated',
    dlp: {
      minConfidence: 'medium',
      actions: {
        secret: byStatus(byAccount('warn', 'warn', 'warn'), byAccount('block', 'warn', 'block')),
        pii: byStatus(byAccount('warn', 'allow', 'warn'), warnAll),
        financial: byStatus(byAccount('warn', 'allow', 'warn'), warnAll),
        health: byStatus(warnAll, warnAll),
        confidential: byStatus(allowAll, warnAll),
        custom: byStatus(warnAll, warnAll),
      },
      unscannableFiles: 'allow',
      maxFileBytes: 2 * 1024 * 1024,
      hashSalt: 'sightline-builtin',
      customDetectors: [],
    },
    privacy: { fullUrls: false, maskedPreviews: false },
    notice: {
      title: 'Sightline checks what you send to AI services',
      text: 'On AI services, text you paste, type or upload is checked in your browser for secrets and personal data. Nothing you type leaves your browser; only counts and detector names are reported.',
      contact: 'your IT or security team',
    },
    reporting: { batchSize: 200, flushSeconds: 30, bundleRefreshMinutes: 60 },
  };
}
