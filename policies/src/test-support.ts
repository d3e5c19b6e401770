/** Builders shared by the tests: complete sample assets and event rollups, and policy sets from YAML. */
import { compilePolicySet } from './compile-policy-set.ts';
import type { AssetInput, EventInput } from './input-schema.ts';
import { readDefaultPolicies } from './node.ts';

/** A complete asset; override what the test is about. */
export function asset(overrides: Record<string, unknown> = {}): AssetInput {
  return {
    id: 'asset-1',
    serviceId: 'chatgpt',
    name: 'ChatGPT',
    vendor: 'OpenAI',
    category: 'general-assistant',
    suspected: false,
    status: 'sanctioned',
    state: 'governed',
    riskTier: 'high',
    trainsOnData: true,
    tier: 3,
    people: 40,
    enrolledPeople: 40,
    idpOnlyPeople: 0,
    activeDays: 20,
    departments: ['Sales', 'Engineering'],
    accountTypes: ['corporate'],
    sources: ['extension', 'okta'],
    dataScopesGranted: false,
    dlp: { secret: 0, pii: 0, financial: 0, health: 0, confidential: 0, custom: 0 },
    firstSeen: '2025-01-01T00:00:00Z',
    lastSeen: '2025-05-30T00:00:00Z',
    ...overrides,
  };
}

/** A complete DLP event rollup; override what the test is about. */
export function event(overrides: Record<string, unknown> = {}): EventInput {
  return {
    id: 'chatgpt:personal:secret',
    serviceId: 'chatgpt',
    serviceName: 'ChatGPT',
    status: 'tolerated',
    accountType: 'personal',
    category: 'secret',
    detectors: ['aws-access-key'],
    maxConfidence: 'high',
    events: 5,
    people: 2,
    sent: 0,
    allowed: 0,
    warned: 0,
    proceeded: 0,
    redacted: 0,
    blocked: 5,
    windowDays: 30,
    firstSeen: '2025-05-01T00:00:00Z',
    lastSeen: '2025-05-30T00:00:00Z',
    ...overrides,
  };
}

/** The default documents as YAML text: [classification, exposure, dlp-actions]. */
export function defaultTexts(): string[] {
  return readDefaultPolicies().map((f) => f.text);
}

/** Compiles a set from YAML texts and fails loudly when it does not compile. */
export function compileOrThrow(texts: readonly string[]) {
  const result = compilePolicySet(texts);
  if (!result.ok) throw new Error(`policy set does not compile: ${JSON.stringify(result.errors)}`);
  return result.set;
}

/** A minimal valid dlp-actions document. */
export const minimalDlp =
  'kind: dlp-actions\nminConfidence: medium\nunscannableFiles: warn\nmaxFileBytes: 1000\ndefault: warn\nrules: []\n';
/** A minimal valid classification document. */
export const minimalClassification = 'kind: classification\nrules: []\n';
/** A minimal valid exposure document. */
export const minimalExposure = 'kind: exposure\nrules: []\n';
