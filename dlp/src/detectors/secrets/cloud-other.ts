import type { Detector } from '../../types.ts';
import { isMixedAlnum } from './validators.ts';

const CLOUDFLARE_CONTEXT = ['cloudflare', 'cf_api_token', 'cf_api_key', 'x-auth-key', 'api.cloudflare.com'];

export const cloudOtherDetectors: Detector[] = [
  {
    id: 'digitalocean-pat',
    name: 'DigitalOcean personal access token',
    category: 'secret',
    description: 'DigitalOcean personal access token: `dop_v1_` followed by 64 hex characters.',
    trigger: { keywords: ['dop_v1_'] },
    pattern: /(?<![A-Za-z0-9])dop_v1_[a-f0-9]{64}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'export DIGITALOCEAN_ACCESS_TOKEN=dop_v1_355c70537a263b89209dc3c4c2d9c71c26e20fe2020aa0b8c47dbb7c6307c86a',
        'doctl auth init --access-token dop_v1_91b7080de950d8a5845595bcc5acb73f37f582360cad5a1c23656ee86a585a18',
      ],
      negative: [
        'DIGITALOCEAN_ACCESS_TOKEN=dop_v1_abc',
        'DIGITALOCEAN_ACCESS_TOKEN=dop_v1_ec9129e666f0c101f85792e568b6a93b087d4fc340babac028ddd428af321',
      ],
    },
  },
  {
    id: 'digitalocean-oauth-token',
    name: 'DigitalOcean OAuth access token',
    category: 'secret',
    description: 'DigitalOcean OAuth access token: `doo_v1_` followed by 64 hex characters.',
    trigger: { keywords: ['doo_v1_'] },
    pattern: /(?<![A-Za-z0-9])doo_v1_[a-f0-9]{64}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        '{"access_token":"doo_v1_861501c0bd4b95aace1530faa1fa4efbccf14a6d9ca55d054da0963fc5093b5c","token_type":"bearer"}',
        'Authorization: Bearer doo_v1_08da142cd8e2c19bde36131282e119688602291cdb8f9f3c7b2e0baaaaf8a048',
      ],
      negative: [
        'Authorization: Bearer doo_v1_',
        'Authorization: Bearer doo_v1_992388408751ed7fbb4193509db21826fa2f188ce7e2e6d4b581e19135d86',
      ],
    },
  },
  {
    id: 'digitalocean-refresh-token',
    name: 'DigitalOcean OAuth refresh token',
    category: 'secret',
    description: 'DigitalOcean OAuth refresh token: `dor_v1_` followed by 64 hex characters.',
    trigger: { keywords: ['dor_v1_'] },
    pattern: /(?<![A-Za-z0-9])dor_v1_[a-f0-9]{64}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        '{"refresh_token":"dor_v1_47be027a54ec3a4ea1552673aa8bd29b8d0fe7be5fa10fbb20bfb783ac1dfc4b"}',
        'DO_REFRESH_TOKEN=dor_v1_1121a4e4b2393bbb210e2032b6df4f0d946509c3a8ef9c0da6c8fb470db42b1a',
      ],
      negative: [
        'DO_REFRESH_TOKEN=dor_v1_0f',
        'DO_REFRESH_TOKEN=dor_v1_ZZdor_v1_3b68d9c1ec0ed8b0f2f59b691b96950fab600264af02e531db3e28cafde00',
      ],
    },
  },
  {
    id: 'cloudflare-api-token',
    name: 'Cloudflare API token',
    category: 'secret',
    description:
      'Cloudflare API token: 40 URL-safe characters with mixed case and digits; no prefix, so it requires a Cloudflare context word.',
    trigger: { keywords: CLOUDFLARE_CONTEXT },
    pattern: /(?<![A-Za-z0-9_+/-])[A-Za-z0-9_-]{40}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: isMixedAlnum,
    context: CLOUDFLARE_CONTEXT,
    requiresContext: true,
    examples: {
      positive: [
        'export CLOUDFLARE_API_TOKEN=PXcnxiRPRuK8J4nXb6phjbGovmRANt0zOMYwIExC',
        'curl https://api.cloudflare.com/client/v4/user/tokens/verify -H "Authorization: Bearer EB8so458y-JOPr-HjZsHgLBhuWdT6XF0c_YeMngG"',
      ],
      negative: [
        'CLOUDFLARE_API_TOKEN=Kg3Fm_9fe6kEwvoFwibuCpvkovJXcck4Evo_8',
        'cloudflare commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      ],
    },
  },
  {
    id: 'cloudflare-global-api-key',
    name: 'Cloudflare global API key',
    category: 'secret',
    description:
      'Cloudflare global API key: 37 lower-case hex characters; no prefix, so it requires a Cloudflare context word.',
    trigger: { keywords: CLOUDFLARE_CONTEXT },
    pattern: /(?<![A-Za-z0-9_+/-])[a-f0-9]{37}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: (value) => /[a-f]/.test(value) && /[0-9]/.test(value),
    context: CLOUDFLARE_CONTEXT,
    requiresContext: true,
    examples: {
      positive: [
        'CF_API_KEY=ed5e2078e7f32ad49c97db540a6975ae580a0\nCF_API_EMAIL=ops@acme.io',
        'curl -H "X-Auth-Email: ops@acme.io" -H "X-Auth-Key: b62a5c767ee9483e376dfc05c8dd576cd940d" https://api.cloudflare.com/client/v4/zones',
      ],
      negative: [
        'CF_API_KEY=88a50f617e216d7b8c9d7341a7bd60eccb',
        'cloudflare ray 9fceb02d0ae598e95dc970b74767f19372d61af8',
      ],
    },
  },
  {
    id: 'cloudflare-origin-ca-key',
    name: 'Cloudflare Origin CA key',
    category: 'secret',
    description: 'Cloudflare Origin CA key: `v1.0-` + 24 hex characters + `-` + 146 hex characters.',
    trigger: { keywords: ['v1.0-'] },
    pattern: /(?<![A-Za-z0-9.])v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'CF_ORIGIN_CA_KEY=v1.0-f84595ee4f047738ffd7a5ba-bfbbfde45f98af3baa3a7851400323b43570c66035e5e7336bafcc0b150b4d8c91abb19c086c01415745c0c9b2246a0575dfb82bff0643690cee65fbb81e8c4439756206a0aa235c36',
        'X-Auth-User-Service-Key: v1.0-65db61d9604a9ffd638d6570-448482cd081c81f9f55a8a7956a72af21f671f948edbc33c7065eae2ba9716c029dac5de24dc1dea15fb43db964f460bc9d2a797e5ed5351dff19782153a4a2c66564e23f5af772a24',
      ],
      negative: [
        'release v1.0-0a1b2c3d4e5f6a7b8c9d0e1f-final',
        'CF_ORIGIN_CA_KEY=v1.0-1b9c3a92889f2aa667b7d9e7-b5198a2356b615b3e8fdc2c2c8c3989f38f7136d6b1c1d17dc41cee82bf29c9543d30d8f85951adde0dea7b4d5107d4aa58f8ce6dd87f706066c3362c53644b928d93bc186ffe46',
      ],
    },
  },
];
