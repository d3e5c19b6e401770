import type { DlpPolicy, DlpPolicySource } from './build-bundle.ts';

type Action = 'allow' | 'warn' | 'redact' | 'block';
const all = (action: Action) => ({ personal: action, corporate: action, unknown: action });
const sanctioned = { personal: 'warn', corporate: 'allow', unknown: 'warn' } as const;

/** Interim default until the policy store serves the organisation's DLP policy. */
export const interimDlpPolicy: DlpPolicySource = async (): Promise<DlpPolicy> => ({
  minConfidence: 'medium',
  actions: Object.fromEntries(
    (['secret', 'pii', 'financial', 'health', 'confidential', 'custom'] as const).map((category) => [
      category,
      {
        sanctioned,
        tolerated: all('warn'),
        unsanctioned: category === 'secret' ? all('block') : all('warn'),
        blocked: all('block'),
      },
    ]),
  ) as DlpPolicy['actions'],
  unscannableFiles: 'warn',
  maxFileBytes: 5 * 1024 * 1024,
  customDetectors: [],
});
