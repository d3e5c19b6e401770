import type { Detector } from '../../types.ts';

function planetscale(kind: string, id: string, name: string, positive: string[], negative: string[]): Detector {
  return {
    id,
    name,
    category: 'secret',
    description: `${name}: \`pscale_${kind}_\` followed by 32-64 URL-safe characters.`,
    trigger: { keywords: [`pscale_${kind}_`] },
    pattern: new RegExp(`(?<![A-Za-z0-9])pscale_${kind}_[A-Za-z0-9_.-]{31,63}[A-Za-z0-9_-](?![A-Za-z0-9_-])`, 'g'),
    confidence: 'high',
    examples: { positive, negative },
  };
}

export const databaseDetectors: Detector[] = [
  planetscale(
    'tkn',
    'planetscale-service-token',
    'PlanetScale service token',
    [
      'PLANETSCALE_SERVICE_TOKEN=pscale_tkn__PVaWzpZt8hSTsLq4OT013yofHMRwcqk6tNZ0Knjvss',
      'pscale auth login --service-token pscale_tkn_825VV9rYzSy49ewP4oQ9omHjUpvo4ui63IKuSbbPO1Z',
    ],
    ['PLANETSCALE_SERVICE_TOKEN=pscale_tkn_abc', 'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_<token>'],
  ),
  planetscale(
    'pw',
    'planetscale-password',
    'PlanetScale database password',
    [
      'DATABASE_PASSWORD=pscale_pw_8ocUo2zggmN24ZEz3I8MGm-RLYjmnKYfUssfgI-6w4h',
      'mysql -h aws.connect.psdb.cloud -u a1b2c3 --password=pscale_pw_WorNwckoughKpknquozRcPjDAZZ3u_6pDs8hqCo6hr3 acme',
    ],
    ['DATABASE_PASSWORD=pscale_pw_abc', 'DATABASE_PASSWORD=pscale_pw_…'],
  ),
  planetscale(
    'oauth',
    'planetscale-oauth-token',
    'PlanetScale OAuth token',
    [
      'PLANETSCALE_OAUTH_TOKEN=pscale_oauth_durZUr9n40imSrZz8K-1GluEK-jVazVpFiFZs5Gj-Dg',
      'Authorization: pscale_oauth_dkCz73PpKgSFd_eR2Zyv6X-MhNDtB8ZJo8NeAjh7vxX',
    ],
    ['PLANETSCALE_OAUTH_TOKEN=pscale_oauth_1', 'PLANETSCALE_OAUTH_TOKEN=pscale_oauth_<token>'],
  ),
  {
    id: 'supabase-access-token',
    name: 'Supabase personal access token',
    category: 'secret',
    description: 'Supabase personal access token (management API): `sbp_` followed by 40 hex characters.',
    trigger: { keywords: ['sbp_'] },
    pattern: /(?<![A-Za-z0-9])sbp_[a-f0-9]{40}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SUPABASE_ACCESS_TOKEN=sbp_7a5be1a53a76bdde9e5dc2165824fb7fb21ad9d6',
        'supabase login --token sbp_3576f4b0c2e677fa679a1dd724894f841e0cda31',
      ],
      negative: ['SUPABASE_ACCESS_TOKEN=sbp_abc', 'SUPABASE_ACCESS_TOKEN=sbp_c56a960f1a2a1388faad0173a9c0d0d5d4121'],
    },
  },
  {
    id: 'supabase-secret-key',
    name: 'Supabase secret API key',
    category: 'secret',
    description:
      'Supabase secret API key (replaces the service-role JWT): `sb_secret_` followed by 20-64 URL-safe characters.',
    trigger: { keywords: ['sb_secret_'] },
    pattern: /(?<![A-Za-z0-9])sb_secret_[A-Za-z0-9_-]{20,64}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SUPABASE_SECRET_KEY=sb_secret_Z0MgXLFuTdN6DkqoLEujmKJEVMoTqms',
        'createClient(url, "sb_secret_CCs6vrGWmfRQ0e4jSfWlUdyiyr03QoC")',
      ],
      negative: ['SUPABASE_SECRET_KEY=sb_secret_abc', 'SUPABASE_SECRET_KEY=sb_secret_<key>'],
    },
  },
  {
    id: 'databricks-token',
    name: 'Databricks personal access token',
    category: 'secret',
    description: 'Databricks personal access token: `dapi` followed by 32 hex characters and an optional `-N` suffix.',
    trigger: { keywords: ['dapi'] },
    pattern: /(?<![A-Za-z0-9])dapi[a-f0-9]{32}(?:-[0-9])?(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'DATABRICKS_TOKEN=dapicc0973fe98dad5df56437a9d2830c106-2',
        '[DEFAULT]\nhost = https://adb-1234567890.12.azuredatabricks.net\ntoken = dapia9e80772294ab5906f1c88cf70d04c64-2',
      ],
      negative: ['DATABRICKS_TOKEN=dapi123', 'DATABRICKS_TOKEN=dapib92c60d155ec755ba84d4336c176d'],
    },
  },
  {
    id: 'neon-api-key',
    name: 'Neon API key',
    category: 'secret',
    description: 'Neon (serverless Postgres) API key: `napi_` followed by 64 lower-case alphanumeric characters.',
    trigger: { keywords: ['napi_'] },
    pattern: /(?<![A-Za-z0-9])napi_[a-z0-9]{64}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'NEON_API_KEY=napi_usyer11awtyxr7tk0es52qbejwakqau8y931v57k6cdeu4i4r3s0uodst8nhr1mc',
        'curl https://console.neon.tech/api/v2/projects -H "Authorization: Bearer napi_x0ttqpccx7zljmv4led12nb4b6j3980gu4vq7o2qj10ctkjfe6tpddj4cybb38rq"',
      ],
      negative: [
        'NEON_API_KEY=napi_abc',
        'NEON_API_KEY=napi_2psc8h9u8336d8jrjv55of33wtdrcqee90z3z35u60nwn9wpjvagxt8vr29t4',
      ],
    },
  },
  {
    id: 'algolia-admin-key',
    name: 'Algolia admin API key',
    category: 'secret',
    description:
      'Algolia admin API key: 32 hex characters; no prefix, so it requires an Algolia admin key context word.',
    trigger: { keywords: ['algolia'] },
    pattern: /(?<![A-Za-z0-9_+/-])[a-f0-9]{32}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: (value) => /[a-f]/.test(value) && /[0-9]/.test(value),
    context: ['algolia_admin', 'algolia admin', 'x-algolia-api-key', 'algolia_api_key'],
    requiresContext: true,
    examples: {
      positive: [
        'ALGOLIA_ADMIN_KEY=e892207f427de78413bf6835648b225a',
        'curl https://ACME123.algolia.net/1/keys -H "X-Algolia-API-Key: a5a5bc4df3713f13cf79a3ab9eaa2e99"',
      ],
      negative: ['ALGOLIA_ADMIN_KEY=6caa80166001157677a4f9e35a295', 'ALGOLIA_ADMIN_KEY=<admin key>'],
    },
  },
];
