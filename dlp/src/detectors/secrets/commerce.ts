import type { Detector } from '../../types.ts';

function shopifyToken(prefix: string, id: string, name: string, positive: string[], negative: string[]): Detector {
  return {
    id,
    name,
    category: 'secret',
    description: `${name}: \`${prefix}\` followed by 32 hex characters.`,
    trigger: { keywords: [prefix] },
    pattern: new RegExp(`(?<![A-Za-z0-9])${prefix}[a-fA-F0-9]{32}(?![A-Za-z0-9])`, 'g'),
    confidence: 'high',
    examples: { positive, negative },
  };
}

export const commerceDetectors: Detector[] = [
  shopifyToken(
    'shpat_',
    'shopify-access-token',
    'Shopify Admin API access token',
    [
      'SHOPIFY_ACCESS_TOKEN=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',
      'curl -H "X-Shopify-Access-Token: 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" https://acme.myshopify.com/admin/api/2024-07/shop.json',
    ],
    ['SHOPIFY_ACCESS_TOKEN=shpat_abc', 'SHOPIFY_ACCESS_TOKEN=shpat_6e84f1782997bec1453b0173d542b'],
  ),
  shopifyToken(
    'shpca_',
    'shopify-custom-app-token',
    'Shopify custom app access token',
    [
      'SHOPIFY_CUSTOM_APP_TOKEN=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',
      'X-Shopify-Access-Token: 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',
    ],
    ['SHOPIFY_CUSTOM_APP_TOKEN=shpca_0', 'SHOPIFY_CUSTOM_APP_TOKEN=shpca_98371843a7004146d9f6aad910b84'],
  ),
  shopifyToken(
    'shppa_',
    'shopify-private-app-token',
    'Shopify private app password',
    [
      'SHOPIFY_PASSWORD=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',
      'https://api-key: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@acme.myshopify.com/admin/orders.json',
    ],
    ['SHOPIFY_PASSWORD=shppa_12', 'SHOPIFY_PASSWORD=shppa_67feb1ef6f9129acfa46eec859793'],
  ),
  shopifyToken(
    'shpss_',
    'shopify-shared-secret',
    'Shopify app shared secret',
    [
      'SHOPIFY_API_SECRET=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',
      'shopify.app.toml: client_secret = "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"',
    ],
    ['SHOPIFY_API_SECRET=shpss_', 'SHOPIFY_API_SECRET=shpss_d27a716086279120a87988ad3f61b'],
  ),
  {
    id: 'shippo-api-token',
    name: 'Shippo API token',
    category: 'secret',
    description: 'Shippo API token: `shippo_live_` or `shippo_test_` followed by 40 hex characters.',
    trigger: { keywords: ['shippo_live_', 'shippo_test_'] },
    pattern: /(?<![A-Za-z0-9])shippo_(?:live|test)_[a-f0-9]{40}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SHIPPO_API_KEY=shippo_live_55f511701fdda2617b5a2097e9857bb4bf26336b',
        'Authorization: ShippoToken shippo_live_9841e105f2812de4068e1584f1c7c3020d92ebbe',
      ],
      negative: ['SHIPPO_API_KEY=shippo_live_abc', 'SHIPPO_API_KEY=shippo_live_ae0adb3be003eed480068c0f69ee1914d38a1'],
    },
  },
  {
    id: 'easypost-api-key',
    name: 'EasyPost API key',
    category: 'secret',
    description: 'EasyPost API key: `EZAK` (production) or `EZTK` (test) followed by 54 alphanumeric characters.',
    trigger: { keywords: ['EZAK', 'EZTK'] },
    pattern: /(?<![A-Za-z0-9])EZ[AT]K[A-Za-z0-9]{54}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'EASYPOST_API_KEY=EZAKhqGSBmI9JWxstOEwuUwEUJanIfLBnFmpiaoNzRynwPMQPNgFbU12yr',
        'client = easypost.EasyPostClient("EZAKYn5AZ4LkHV2o3lTOIEZKWnfE3UFGjkTZozcb3vKqzleSRggUY44P4g")',
      ],
      negative: [
        'EASYPOST_API_KEY=EZAK123',
        'EASYPOST_API_KEY=EZAKY5nf3ol9VZMzh5gnCi75iqBLDjB8hYBJEWCQ8JHFoayVz2LD1a3',
      ],
    },
  },
  {
    id: 'duffel-api-token',
    name: 'Duffel API token',
    category: 'secret',
    description: 'Duffel API access token: `duffel_live_` or `duffel_test_` followed by 40-50 URL-safe characters.',
    trigger: { keywords: ['duffel_live_', 'duffel_test_'] },
    pattern: /(?<![A-Za-z0-9])duffel_(?:live|test)_[A-Za-z0-9_-]{40,50}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'DUFFEL_ACCESS_TOKEN=duffel_live_4SoiPfqnY4T7Y5elnonh4YF9E5g5oxV3QH7kRBvfXB_',
        'Authorization: Bearer duffel_live_ghtHj5se7bEtsj9dkVrIiduybfU_LpcNFzzPp3HZfS-',
      ],
      negative: ['DUFFEL_ACCESS_TOKEN=duffel_live_abc', 'DUFFEL_ACCESS_TOKEN=duffel_live_<token>'],
    },
  },
  {
    id: 'gocardless-access-token',
    name: 'GoCardless access token',
    category: 'secret',
    description:
      'GoCardless live access token: `live_` followed by 40 URL-safe characters; the prefix is generic, so it requires a GoCardless context word.',
    trigger: { keywords: ['gocardless'] },
    pattern: /(?<![A-Za-z0-9])live_[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])/g,
    confidence: 'medium',
    validate: (value) => /[A-Z]/.test(value) && /[a-z]/.test(value.slice(5)) && /[0-9]/.test(value),
    context: ['gocardless'],
    requiresContext: true,
    examples: {
      positive: [
        'GOCARDLESS_ACCESS_TOKEN=live_plTB9U8racwBOl5vPfkQiQhL7qHoWvXTVrtYXJlo',
        'client = gocardless_pro.Client(access_token="live_IHBMhPUJuPaadc4g2p4-LgNpsIVkIcqZMNjwsw0o", environment="live")',
      ],
      negative: [
        'GOCARDLESS_ACCESS_TOKEN=live_abc',
        'GOCARDLESS_ACCESS_TOKEN=live_sLkw1cFX4sZ9MwZs1lXM38EcAWg4b204ZeLbc',
      ],
    },
  },
];
