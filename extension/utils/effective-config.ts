import type { Bundle } from '@sightline/backend/protocol';
import type { ManagedConfig } from './read-managed-config.ts';
import type { ManualSettings } from './storage.ts';

/** What the extension acts on after merging managed configuration, manual settings and the bundle. */
export interface EffectiveConfig {
  serverUrl: string | null;
  enrollmentToken: string | null;
  /** Where server URL and token came from. */
  source: 'managed' | 'manual' | 'none';
  mode: 'monitor' | 'enforce';
  emailDomains: string[];
  privacy: { fullUrls: boolean; maskedPreviews: boolean };
  userEmail?: string;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Managed configuration wins over manual settings; the device's mode overrides the bundle's; privacy options
 * can only be made stricter on the device (a managed `false` switches a bundle `true` off).
 */
export function effectiveConfig(
  managed: ManagedConfig,
  manual: ManualSettings | null,
  bundle: Bundle,
): EffectiveConfig {
  const fromManaged = managed.serverUrl !== undefined;
  const serverUrl = managed.serverUrl ?? manual?.serverUrl ?? null;
  const domains = [...bundle.organization.emailDomains, ...(managed.emailDomains ?? [])].map((d) =>
    d.toLowerCase().replace(/^@/, ''),
  );
  return {
    serverUrl: serverUrl ? trimSlash(serverUrl) : null,
    enrollmentToken: (fromManaged ? managed.enrollmentToken : manual?.enrollmentToken) ?? null,
    source: fromManaged ? 'managed' : manual ? 'manual' : 'none',
    mode: managed.mode ?? manual?.mode ?? bundle.mode,
    emailDomains: [...new Set(domains)],
    privacy: {
      fullUrls: bundle.privacy.fullUrls && managed.privacy?.fullUrls !== false,
      maskedPreviews: bundle.privacy.maskedPreviews && managed.privacy?.maskedPreviews !== false,
    },
    ...(managed.userEmail ? { userEmail: managed.userEmail } : {}),
  };
}
