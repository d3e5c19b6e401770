import type { Detector } from '../../types.ts';
import { isBase64JsonObject } from './validators.ts';

export const saasDevDetectors: Detector[] = [
  {
    id: 'figma-pat',
    name: 'Figma personal access token',
    category: 'secret',
    description: 'Figma personal access token: `figd_` followed by 36-48 URL-safe characters.',
    trigger: { keywords: ['figd_'] },
    pattern: /(?<![A-Za-z0-9])figd_[A-Za-z0-9_-]{36,48}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'FIGMA_TOKEN=figd_gvl8O84MjHuK37Wg60WjG-SB-77Jv8mnI5-LY_Zu',
        'curl https://api.figma.com/v1/me -H "X-Figma-Token: figd_g3DM9P3qYC7XcVvA_iSs0uNDaseBqhvsdjyH77tP"',
      ],
      negative: ['FIGMA_TOKEN=figd_abc', 'FIGMA_TOKEN=figd_<token>'],
    },
  },
  {
    id: 'postman-api-key',
    name: 'Postman API key',
    category: 'secret',
    description: 'Postman API key: `PMAK-` + 24 hex characters + `-` + 34 hex characters.',
    trigger: { keywords: ['PMAK-'] },
    pattern: /(?<![A-Za-z0-9])PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'POSTMAN_API_KEY=PMAK-01c1b9a861955283835335b5-e3d004f02d1c16de88bafe870264cb9e3c',
        'newman run https://api.getpostman.com/collections/123?apikey=PMAK-5d1f62331a441824ef1fb6d8-d5d7d19d0f2df9f1eac14aba195f9caa84',
      ],
      negative: ['POSTMAN_API_KEY=PMAK-abc-def', 'POSTMAN_API_KEY=PMAK-<key>'],
    },
  },
  {
    id: 'contentful-pat',
    name: 'Contentful personal access token',
    category: 'secret',
    description: 'Contentful content management personal access token: `CFPAT-` followed by 43 URL-safe characters.',
    trigger: { keywords: ['CFPAT-'] },
    pattern: /(?<![A-Za-z0-9])CFPAT-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-RmlXNDNErCkFKcOYZdL615zQiJfNg2NnZQef8lEpr-K',
        'contentful login --management-token CFPAT-jjjo3AQjsohVWN1En6Qohdbce6McAbdW6P6fmpUdHbt',
      ],
      negative: [
        'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-abc',
        'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-9TC8SkwmbgO5mUEJcWRlhHR6SKvEz_NefvWJD8aR',
      ],
    },
  },
  {
    id: 'mapbox-secret-token',
    name: 'Mapbox secret access token',
    category: 'secret',
    description:
      'Mapbox secret token: `sk.` + base64url JSON payload (decoded and checked) + `.` + 20-40 character signature.',
    trigger: { keywords: ['sk.eyJ'] },
    pattern: /(?<![A-Za-z0-9.])sk\.eyJ[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{20,40}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    validate: (value) => isBase64JsonObject(value.slice(3, value.lastIndexOf('.'))),
    examples: {
      positive: [
        'MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1IjoiYWNtZWxpamxnIiwiYSI6IjNxOGNvanhlcWtpcDVkbTNvNXQ0cXB5dTcifQ.fh9NJh6QBDPpqmas0SgB3s',
        'curl "https://api.mapbox.com/tokens/v2?access_token=sk.eyJ1IjoiYWNtZWFrZXB6IiwiYSI6InJnZmg4ZG9md29zMDZjcGJ4bzR0Nm11MjkifQ.W0Ke5nQ8dOLsYHLipHsRxQ"',
      ],
      negative: ['MAPBOX_TOKEN=sk.eyJ1.abc', 'MAPBOX_TOKEN=sk.eyJhYmMiOiJkZWYiLCJnaGkiOiJqa2wi.abcdefghijklmnopqrstuv'],
    },
  },
  {
    id: 'prefect-api-key',
    name: 'Prefect Cloud API key',
    category: 'secret',
    description: 'Prefect Cloud API key: `pnu_` followed by 36 alphanumeric characters.',
    trigger: { keywords: ['pnu_'] },
    pattern: /(?<![A-Za-z0-9])pnu_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'PREFECT_API_KEY=pnu_mxLAPFO0bGkQY2pLqS9EDQjvUOm59Nm5phY3',
        'prefect cloud login --key pnu_irCEiJkB0O26OlzBDBKrW69JUsSSS63fn1TO',
      ],
      negative: ['PREFECT_API_KEY=pnu_abc', 'PREFECT_API_KEY=pnu_OhCAm2bROSonn7myT8uk1B1S5TFT7bfxH'],
    },
  },
  {
    id: 'sourcegraph-token',
    name: 'Sourcegraph access token',
    category: 'secret',
    description: 'Sourcegraph access token: `sgp_`, an optional 16-hex instance id and `_`, then 40 hex characters.',
    trigger: { keywords: ['sgp_'] },
    pattern: /(?<![A-Za-z0-9])sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SRC_ACCESS_TOKEN=sgp_59e181f981fdc22b5efb2e0301b4744b5eabfc63',
        'src login https://sourcegraph.acme.io --token sgp_4ce1a5fabb78379b508d42eb45d015a618629cea',
      ],
      negative: ['SRC_ACCESS_TOKEN=sgp_abc', 'SRC_ACCESS_TOKEN=sgp_dbfa1222b9e72e7a8df78d934b7f97a61bb2c'],
    },
  },
  {
    id: 'zapier-webhook-url',
    name: 'Zapier catch hook URL',
    category: 'secret',
    description:
      'Zapier "Catch Hook" webhook URL: `hooks.zapier.com/hooks/catch/` + account number + `/` + hook id (medium: anyone holding it can trigger the Zap).',
    trigger: { keywords: ['hooks.zapier.com/hooks/catch/'] },
    pattern: /hooks\.zapier\.com\/hooks\/catch\/[0-9]{4,12}\/[a-z0-9]{5,12}(?![A-Za-z0-9])/g,
    confidence: 'medium',
    examples: {
      positive: [
        'ZAPIER_HOOK=https://hooks.zapier.com/hooks/catch/9611994/nswznp/',
        'requests.post("https://hooks.zapier.com/hooks/catch/6743252/qwbimu/", json=payload)',
      ],
      negative: ['https://hooks.zapier.com/hooks/catch/123/', 'https://hooks.zapier.com/hooks/catch/<account>/<hook>/'],
    },
  },
];
