import type { Detector } from '../../types.ts';
import { isBase64JsonObject } from './validators.ts';

const HAS_HEX_MIX = (value: string) => /[a-f]/.test(value) && /[0-9]/.test(value);

export const observabilityDetectors: Detector[] = [
  {
    id: 'datadog-api-key',
    name: 'Datadog API key',
    category: 'secret',
    description: 'Datadog API key: 32 hex characters; no prefix, so it requires a Datadog API key context word.',
    trigger: { keywords: ['datadog', 'dd_api_key', 'dd-api-key'] },
    pattern: /(?<![A-Za-z0-9_+/-])[a-f0-9]{32}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: HAS_HEX_MIX,
    context: ['dd_api_key', 'dd-api-key', 'datadog_api_key', 'datadog api key'],
    requiresContext: true,
    examples: {
      positive: [
        'DD_API_KEY=e9f55df2231873aa4ffdd9b188acf291 DD_SITE=datadoghq.eu',
        'curl -X POST https://api.datadoghq.com/api/v2/series -H "DD-API-KEY: ac990cadb553b5f46760af3f86e94d80"',
      ],
      negative: ['DD_API_KEY=1c601e8cf3a05f2324bebb66b50ea', 'DD_API_KEY=<datadog api key>'],
    },
  },
  {
    id: 'datadog-app-key',
    name: 'Datadog application key',
    category: 'secret',
    description:
      'Datadog application key: 40 hex characters; no prefix, so it requires a Datadog application key context word.',
    trigger: { keywords: ['dd_app_key', 'dd-application-key', 'dd_application_key', 'datadog_app_key', 'app_key'] },
    pattern: /(?<![A-Za-z0-9_+/-])[a-f0-9]{40}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: HAS_HEX_MIX,
    context: ['dd_app_key', 'dd-application-key', 'dd_application_key', 'datadog_app_key', 'datadog application key'],
    requiresContext: true,
    examples: {
      positive: [
        'DD_APP_KEY=f5ece6a873db0f00948753061ee7b1365e91da96',
        'curl https://api.datadoghq.com/api/v1/monitor -H "DD-APPLICATION-KEY: 477adda385f6ea45c14eb63ae6145ba9c93c09c4"',
      ],
      negative: ['DD_APP_KEY=138b24a4b49e69d59e214d1e39633fd7ffcdd', 'DD_APP_KEY=$DATADOG_APP_KEY'],
    },
  },
  {
    id: 'new-relic-user-api-key',
    name: 'New Relic user API key',
    category: 'secret',
    description: 'New Relic user API key: `NRAK-` followed by 27 upper-case letters and digits.',
    trigger: { keywords: ['NRAK-'] },
    pattern: /(?<![A-Za-z0-9])NRAK-[A-Z0-9]{27}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'NEW_RELIC_API_KEY=NRAK-6DZLHG5E9E0BUOWAH7SRAC743AY',
        'curl https://api.newrelic.com/graphql -H "API-Key: NRAK-SOMXOV88JN5YY3PDE61GECMHSC1"',
      ],
      negative: ['NEW_RELIC_API_KEY=NRAK-ABC', 'NEW_RELIC_API_KEY=NRAK-03IKZP11XOVJJBGJH1Y35YWC'],
    },
  },
  {
    id: 'new-relic-insert-key',
    name: 'New Relic insert key',
    category: 'secret',
    description: 'New Relic insights insert key: `NRII-` followed by 32 URL-safe characters.',
    trigger: { keywords: ['NRII-'] },
    pattern: /(?<![A-Za-z0-9])NRII-[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'NEW_RELIC_INSERT_KEY=NRII-r3f9XJVeQMK5-EuFZOHxTW_NuGQLoX84',
        'curl https://insights-collector.newrelic.com/v1/accounts/1/events -H "X-Insert-Key: NRII-EXCQCWDFCGRI8a9Jg0hrvpvSabt2dG4k"',
      ],
      negative: ['NEW_RELIC_INSERT_KEY=NRII-abc', 'NEW_RELIC_INSERT_KEY=NRII-z1Yz6ZhnN2NEwOiZukGzQ04qGLc0m'],
    },
  },
  {
    id: 'new-relic-license-key',
    name: 'New Relic license (ingest) key',
    category: 'secret',
    description: 'New Relic license key: 36 hex characters ending in `NRAL` (40 in all).',
    trigger: { keywords: ['NRAL'] },
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{36}NRAL(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'NEW_RELIC_LICENSE_KEY=5f9e69cb8d7f183f9e5633779a8d90e21f67NRAL',
        'newrelic.yml:\n  license_key: d544c433166077f70830c7805b1afeffd7b9NRAL',
      ],
      negative: ['NEW_RELIC_LICENSE_KEY=abcNRAL', 'NEW_RELIC_LICENSE_KEY=1e16d3063d0a404f0864be33b7c673a7c4daN'],
    },
  },
  {
    id: 'sentry-org-token',
    name: 'Sentry organization auth token',
    category: 'secret',
    description:
      'Sentry organization auth token: `sntrys_` + base64 of a JSON object (decoded and checked) + `_` + 43-character secret.',
    trigger: { keywords: ['sntrys_'] },
    pattern: /(?<![A-Za-z0-9])sntrys_eyJ[A-Za-z0-9+/]{40,400}={0,2}_[A-Za-z0-9+/]{40,50}(?![A-Za-z0-9+/])/g,
    confidence: 'high',
    validate: (value) => isBase64JsonObject(value.slice(7, value.lastIndexOf('_'))),
    window: 600,
    examples: {
      positive: [
        'SENTRY_AUTH_TOKEN=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',
        'sentry-cli --auth-token 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 releases new 1.4.2',
      ],
      negative: ['SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3MDAwMDAwMDB9_abc', 'SENTRY_AUTH_TOKEN=sntrys_<token>'],
    },
  },
  {
    id: 'sentry-user-token',
    name: 'Sentry user auth token',
    category: 'secret',
    description: 'Sentry user auth token: `sntryu_` followed by 64 hex characters.',
    trigger: { keywords: ['sntryu_'] },
    pattern: /(?<![A-Za-z0-9])sntryu_[a-f0-9]{64}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SENTRY_AUTH_TOKEN=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',
        'curl https://sentry.io/api/0/projects/ -H "Authorization: Bearer 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"',
      ],
      negative: [
        'SENTRY_AUTH_TOKEN=sntryu_abc',
        'SENTRY_AUTH_TOKEN=sntryu_e02fb5ef0a141b41e10b59535e5d9ab2c4c4e434cf69fce3dd688b09668e6',
      ],
    },
  },
  {
    id: 'sentry-dsn',
    name: 'Sentry DSN',
    category: 'secret',
    description:
      'Sentry DSN for sentry.io: `https://` + 32-hex public key + `@o<org>.ingest[.region].sentry.io/<project>` (meant for clients, so medium).',
    trigger: { keywords: ['sentry.io'] },
    pattern: /https:\/\/(?<value>[a-f0-9]{32})@o[0-9]{1,12}\.ingest(?:\.[a-z]{2})?\.sentry\.io\/[0-9]{1,12}(?![0-9])/g,
    confidence: 'medium',
    examples: {
      positive: [
        'SENTRY_DSN=https://a779c5bf160aa17264259f6cd31730a1@o207844.ingest.de.sentry.io/5819624',
        'Sentry.init({ dsn: "https://afe91efb692984bc35c757a82dcc1942@o909795.ingest.us.sentry.io/5395687", environment: "production" });',
      ],
      negative: [
        'SENTRY_DSN=https://abc@o1.ingest.sentry.io/1',
        'SENTRY_DSN=https://<key>@o<org>.ingest.sentry.io/<project>',
      ],
    },
  },
  {
    id: 'grafana-cloud-token',
    name: 'Grafana Cloud access policy token',
    category: 'secret',
    description: 'Grafana Cloud API / access policy token: `glc_` + base64 of a JSON object (decoded and checked).',
    trigger: { keywords: ['glc_eyJ'] },
    pattern: /(?<![A-Za-z0-9])glc_eyJ[A-Za-z0-9+/_-]{40,400}={0,2}(?![A-Za-z0-9+/=_-])/g,
    confidence: 'high',
    validate: (value) => isBase64JsonObject(value.slice(4)),
    window: 500,
    examples: {
      positive: [
        'GRAFANA_CLOUD_TOKEN=glc_eyJvIjoiOTI3MTc1IiwibiI6InN0YWNrLTUwNTE3Ni1obS1yZWFkLW56eXNmZyIsImsiOiJJN3BXbmdwOTZXdHdwRE1iTVhVeEptQXgiLCJtIjp7InIiOiJldSJ9fQ',
        'grafana-agent: basic_auth: { username: 712345, password: glc_eyJvIjoiNzM3NTkzIiwibiI6InN0YWNrLTc2ODg1OS1obS1yZWFkLWxrcG1jcCIsImsiOiI4b25MMVJ5YUhFUW5jQjdsc1ZMMTBmTkkiLCJtIjp7InIiOiJwcm9kLXVzLWVhc3QtMCJ9fQ }',
      ],
      negative: [
        'GRAFANA_CLOUD_TOKEN=glc_eyJhbGciOiJub25lIn0abcdefghijklmnopqrstuvwxyzABCDEFGHIJ',
        'GRAFANA_CLOUD_TOKEN=glc_<token>',
      ],
    },
  },
  {
    id: 'grafana-service-account-token',
    name: 'Grafana service account token',
    category: 'secret',
    description: 'Grafana service account token: `glsa_` + 32 alphanumeric characters + `_` + 8 hex characters.',
    trigger: { keywords: ['glsa_'] },
    pattern: /(?<![A-Za-z0-9])glsa_[A-Za-z0-9]{32}_[a-fA-F0-9]{8}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'GRAFANA_SA_TOKEN=glsa_cinrrZQAgWpkcYZw3Y0D4o3Ov3wmevmr_fd513dc7',
        'curl -H "Authorization: Bearer glsa_Ef6vUp51gSzikqKpdHIaNcrIiHhsZjSv_16c573a8" https://grafana.acme.io/api/dashboards/home',
      ],
      negative: ['GRAFANA_SA_TOKEN=glsa_abc_def', 'GRAFANA_SA_TOKEN=glsa_<token>'],
    },
  },
];
