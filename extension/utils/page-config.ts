import type { Bundle, ServiceStatus } from '@sightline/backend/protocol';
import type { AccountHint, Dom } from '@sightline/fingerprints';
import type { EffectiveConfig } from './effective-config.ts';
import type { AiPage } from './match-ai-url.ts';

/** Everything a content script needs about its page and the policy, sent in answer to `pageHello`. */
export interface PageConfig {
  serviceId: string;
  serviceName: string;
  host: string;
  /** Catalog DOM rules; null means the generic adapter. */
  dom: Dom | null;
  accountHints: readonly AccountHint[];
  status: ServiceStatus;
  mode: 'monitor' | 'enforce';
  emailDomains: string[];
  dlp: Omit<Bundle['dlp'], 'hashSalt'> & { hashSalt: string; maskedPreviews: boolean };
  notice: Bundle['notice'];
  organization: string;
}

/** The page configuration for an AI page under the current bundle and device configuration. */
export function pageConfig(page: AiPage, bundle: Bundle, effective: EffectiveConfig): PageConfig {
  return {
    serviceId: page.service.id,
    serviceName: page.service.name,
    host: page.host,
    dom: page.service.dom,
    accountHints: page.service.accountHints,
    status: bundle.services[page.service.id] ?? bundle.defaultStatus,
    mode: effective.mode,
    emailDomains: effective.emailDomains,
    dlp: { ...bundle.dlp, maskedPreviews: effective.privacy.maskedPreviews },
    notice: bundle.notice,
    organization: bundle.organization.name,
  };
}
