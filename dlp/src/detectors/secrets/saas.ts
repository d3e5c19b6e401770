import type { Detector } from '../../types.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const saasDetectors: Detector[] = [
  {
    id: 'linear-api-key',
    name: 'Linear API key',
    category: 'secret',
    description: 'Linear personal API key: `lin_api_` followed by 40 alphanumeric characters.',
    trigger: { keywords: ['lin_api_'] },
    pattern: /(?<![A-Za-z0-9])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'LINEAR_API_KEY=lin_api_mxOL9hLIze1qb1erwhT4wWVqecZ7gljFWSVpxlwb',
        'curl https://api.linear.app/graphql -H "Authorization: lin_api_IfgPC1yzxuj8dsANiS1kUstDIVutxgPv48c4mFyj"',
      ],
      negative: ['LINEAR_API_KEY=lin_api_abc', 'LINEAR_API_KEY=lin_api_Q6IZH7TYiGNYV44At4Smqd6ZHGbI44ymlGG1A'],
    },
  },
  {
    id: 'notion-api-token',
    name: 'Notion API token',
    category: 'secret',
    description: 'Notion integration token (current format): `ntn_` followed by 40-50 alphanumeric characters.',
    trigger: { keywords: ['ntn_'] },
    pattern: /(?<![A-Za-z0-9])ntn_[A-Za-z0-9]{40,50}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'NOTION_TOKEN=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',
        'const notion = new Client({ auth: "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" });',
      ],
      negative: ['NOTION_TOKEN=ntn_abc', 'NOTION_TOKEN=ntn_<token>'],
    },
  },
  {
    id: 'notion-integration-token',
    name: 'Notion integration token (legacy)',
    category: 'secret',
    description:
      'Notion internal integration token (legacy format): `secret_` followed by 43 alphanumeric characters (generic prefix: medium, high with Notion context).',
    trigger: { keywords: ['secret_'] },
    pattern: /(?<![A-Za-z0-9_])secret_[A-Za-z0-9]{43}(?![A-Za-z0-9])/g,
    confidence: 'medium',
    validate: (value) => /[A-Z]/.test(value) && /[a-z]/.test(value.slice(7)) && /[0-9]/.test(value),
    context: ['notion'],
    examples: {
      positive: [
        'NOTION_API_KEY=secret_Sf9eeLMI3DBNhsf920VNwfec1PQOWwLACR3wJRE2Thc',
        'const notion = new Client({ auth: "secret_Sy2VByBumzesnszGBt0IHvP7x4FxwXIeHPywAbbv6Sz" });',
      ],
      negative: ['NOTION_API_KEY=secret_abc', 'client_secret_abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq'],
    },
  },
  {
    id: 'airtable-pat',
    name: 'Airtable personal access token',
    category: 'secret',
    description: 'Airtable personal access token: `pat` + 14 alphanumeric characters + `.` + 64 hex characters.',
    trigger: { keywords: ['pat'] },
    pattern: /(?<![A-Za-z0-9])pat[A-Za-z0-9]{14}\.[a-f0-9]{64}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'AIRTABLE_TOKEN=patwzyqXXXb8ca1c4.b0e8b74f28583895b1f28e1b6a6589a04ef704eb37e8e5f2a9fcae8b745b72f8',
        'curl https://api.airtable.com/v0/meta/bases -H "Authorization: Bearer pat33Y2ZOBg696EP0.e3c96cb82242055b434abaf3dd95df7f678f8bbef02f3df415e9caf854cb34d3"',
      ],
      negative: [
        'AIRTABLE_TOKEN=patAbc.def',
        'AIRTABLE_TOKEN=patlPl2Yhxpwx6j1P.f00739cc81ede0d15cd25d12898596cff482af99d818446369a326e932244',
      ],
    },
  },
  {
    id: 'asana-pat',
    name: 'Asana personal access token',
    category: 'secret',
    description:
      'Asana personal access token: `1/` or `2/` + numeric ids + `:` + 32 hex characters; looked for near the word Asana.',
    trigger: { keywords: ['asana'] },
    pattern: /(?<![A-Za-z0-9/])[12]\/[0-9]{10,20}(?:\/[0-9]{10,20})?:[a-f0-9]{32}(?![A-Za-z0-9])/g,
    confidence: 'medium',
    context: ['asana'],
    examples: {
      positive: [
        'ASANA_ACCESS_TOKEN=2/7549544632566327:7d54877efb560962122022efe9e70719',
        'curl https://app.asana.com/api/1.0/users/me -H "Authorization: Bearer 1/5162235296167240/5357177333942457:6597d1769855725df7c4de6cae3dabeb"',
      ],
      negative: ['ASANA_ACCESS_TOKEN=1/123:abc', 'ASANA_ACCESS_TOKEN=<personal access token>'],
    },
  },
  {
    id: 'hubspot-private-app-token',
    name: 'HubSpot private app access token',
    category: 'secret',
    description: 'HubSpot private app / personal access token: `pat-` + region (`na1`, `eu1`, …) + `-` + a UUID.',
    trigger: { keywords: ['pat-na', 'pat-eu', 'pat-ap'] },
    pattern: new RegExp(`(?<![A-Za-z0-9-])pat-(?:na|eu|ap)[0-9]-${UUID}(?![A-Za-z0-9])`, 'g'),
    confidence: 'high',
    examples: {
      positive: [
        'HUBSPOT_ACCESS_TOKEN=pat-na1-08071569-731f-4e81-bab6-4d17c848abc5',
        'const hubspot = new Client({ accessToken: "pat-eu1-f3a6cf5a-606d-45ab-bcbb-09d1ede3e5d9" });',
      ],
      negative: ['HUBSPOT_ACCESS_TOKEN=pat-na1-abc', 'HUBSPOT_ACCESS_TOKEN=pat-na1-<uuid>'],
    },
  },
  {
    id: 'okta-api-token',
    name: 'Okta API token',
    category: 'secret',
    description:
      'Okta API token: `00` followed by 40 URL-safe characters; the prefix is generic, so it requires an Okta context word (`SSWS`, `okta`).',
    trigger: { keywords: ['okta', 'ssws'] },
    pattern: /(?<![A-Za-z0-9_-])00[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])/g,
    confidence: 'medium',
    validate: (value) => /[A-Z]/.test(value) && /[a-z]/.test(value),
    context: ['okta', 'ssws'],
    requiresContext: true,
    examples: {
      positive: [
        'OKTA_API_TOKEN=00pHbnNOCwHDQxMjLaDm3yWyZQ_7YYFxgsxtgLroeo',
        'curl https://acme.okta.com/api/v1/users -H "Authorization: SSWS 00WIsDF8yRT5hCHvEtUNDlakiUDz0dqXO_kd-i0RGZ"',
      ],
      negative: ['OKTA_API_TOKEN=00abc', 'okta org id 00000000000000000000000000000000000000000012'],
    },
  },
  {
    id: 'salesforce-access-token',
    name: 'Salesforce access token',
    category: 'secret',
    description: 'Salesforce OAuth access / session token: `00D` org id (15 characters) + `!` + 80-120 characters.',
    trigger: { keywords: ['00D'] },
    pattern: /(?<![A-Za-z0-9])00D[A-Za-z0-9]{12}![A-Za-z0-9._]{80,120}(?![A-Za-z0-9._])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SF_ACCESS_TOKEN=00DGNlBn42EI2Ms!EdO7GWbaybDk4N0nwsb2O6CXdX9NR_NP2FSaf4CjP9CVIrcNUENAuiKVwZSHw8mua7fV0zlzM98SHaxScdbnKv33rVtMFwot',
        'sf org login access-token --instance-url https://acme.my.salesforce.com <<< "00D7SUQH0FQZwKO!2sE6QL54CzTf4li0GoKrBYGCvdn_0NokmuuSjYVWHgOC3yA9MO_4W7eHDB.ugsozAeO_GiNq2f54RFmVeMTXn_g5zrBbwFQs"',
      ],
      negative: ['SF_ACCESS_TOKEN=00D5g000004XyZa!abc', 'SF_ACCESS_TOKEN=00D<org>!<session>'],
    },
  },
  {
    id: 'launchdarkly-access-token',
    name: 'LaunchDarkly access token or SDK key',
    category: 'secret',
    description:
      'LaunchDarkly API access token (`api-`) or server-side SDK key (`sdk-`) followed by a UUID (generic prefix: medium, high with LaunchDarkly context).',
    trigger: { keywords: ['api-', 'sdk-'] },
    pattern: new RegExp(`(?<![A-Za-z0-9-])(?:api|sdk)-${UUID}(?![A-Za-z0-9])`, 'g'),
    confidence: 'medium',
    context: ['launchdarkly', 'ld_sdk_key', 'ld_api'],
    examples: {
      positive: [
        'LAUNCHDARKLY_SDK_KEY=api-25b8350a-62e6-4574-9bdb-33179283ee49',
        'ldclient.set_config(Config("api-6e5eeab7-5f65-46f5-b6c9-b1ad9c65c4da"))  # launchdarkly',
      ],
      negative: ['LD_SDK_KEY=sdk-123', 'LD_SDK_KEY=sdk-<uuid>'],
    },
  },
];
