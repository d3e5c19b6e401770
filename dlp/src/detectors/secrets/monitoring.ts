import type { Detector } from '../../types.ts';
import { isMixedAlnum } from './validators.ts';

export const monitoringDetectors: Detector[] = [
  {
    id: 'dynatrace-api-token',
    name: 'Dynatrace API token',
    category: 'secret',
    description: 'Dynatrace API token: `dt0c01.` + 24 upper-case characters + `.` + 64 upper-case characters.',
    trigger: { keywords: ['dt0c01.'] },
    pattern: /(?<![A-Za-z0-9])dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'DT_API_TOKEN=dt0c01.P6R41UJDET2NWNE8Z1BUK4JT.VF6LD773B1JC5A5KKQVIK1FF7JH4G4GHC30SP8F43MUTQABNNC87ARRP7QITQLZS',
        'curl https://abc12345.live.dynatrace.com/api/v2/metrics -H "Authorization: Api-Token dt0c01.51X7QJT4I9HWRHI4N284T8TA.8EXWCCYIDK7GNOGHEXNC9MSWNYT35X2G0D5JJMBQ1R8ZZDIBFXMZTN7LKPA1VOGE"',
      ],
      negative: ['DT_API_TOKEN=dt0c01.ABC.DEF', 'DT_API_TOKEN=dt0c01.<public>.<secret>'],
    },
  },
  {
    id: 'honeycomb-ingest-key',
    name: 'Honeycomb ingest key',
    category: 'secret',
    description: 'Honeycomb ingest key: `hcaik_` or `hcxik_` followed by 20-70 alphanumeric characters.',
    trigger: { keywords: ['hcaik_', 'hcxik_'] },
    pattern: /(?<![A-Za-z0-9])hc[ax]ik_[A-Za-z0-9]{20,70}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'HONEYCOMB_API_KEY=hcaik_01c4zgyhuxzrplj3yvfqd52yj26niuqag1grczxsoe53634zxbzaf05ez3',
        'OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=hcaik_01y5adusvvgwododia1x00tr1u6q8jehnso5kgb8ksvu4zolsojig944jt"',
      ],
      negative: ['HONEYCOMB_API_KEY=hcaik_abc', 'HONEYCOMB_API_KEY=hcaik_<key>'],
    },
  },
  {
    id: 'pagerduty-api-key',
    name: 'PagerDuty REST API key',
    category: 'secret',
    description:
      'PagerDuty REST API key: 20 characters (letters, digits, `_`, `+`, `-`) with mixed case and digits; no prefix, so it requires a PagerDuty context word.',
    trigger: { keywords: ['pagerduty'] },
    pattern: /(?<![A-Za-z0-9_+/-])[A-Za-z0-9_+-]{20}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: isMixedAlnum,
    context: ['pagerduty'],
    requiresContext: true,
    examples: {
      positive: [
        'PAGERDUTY_API_KEY=HNuZGDhZgC5dCO7sbaBL',
        'curl https://api.pagerduty.com/incidents -H "Authorization: Token token=bW2ubqj7+haxbISlyCZE"',
      ],
      negative: ['PAGERDUTY_API_KEY=zmNLRqd1O+Xe9PLUu', 'pagerduty service escalation-policy-main'],
    },
  },
  {
    id: 'axiom-token',
    name: 'Axiom API or personal token',
    category: 'secret',
    description: 'Axiom token: `xaat-` (API token) or `xapt-` (personal token) followed by a UUID.',
    trigger: { keywords: ['xaat-', 'xapt-'] },
    pattern: /(?<![A-Za-z0-9])xa[ap]t-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'AXIOM_TOKEN=xapt-fc9df1c8-7f06-4766-9a10-3a6815260b39',
        'curl -X POST https://api.axiom.co/v1/datasets/logs/ingest -H "Authorization: Bearer xapt-5ee63189-e458-498d-ab70-ae2821dd8b7f"',
      ],
      negative: ['AXIOM_TOKEN=xaat-123', 'AXIOM_TOKEN=xaat-<uuid>'],
    },
  },
  {
    id: 'posthog-personal-api-key',
    name: 'PostHog personal API key',
    category: 'secret',
    description: 'PostHog personal API key: `phx_` followed by 43 alphanumeric characters.',
    trigger: { keywords: ['phx_'] },
    pattern: /(?<![A-Za-z0-9])phx_[A-Za-z0-9]{43}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'POSTHOG_PERSONAL_API_KEY=phx_CZ4vKTTcWMCLGUDnlU7pvsFlqZ0UFJfc4irdhduiGIb',
        'curl https://us.posthog.com/api/projects/ -H "Authorization: Bearer phx_CJnRNpXOe7QkS6VmIry50fb5VpxL5lj2qaaPspeuAft"',
      ],
      negative: [
        'POSTHOG_PERSONAL_API_KEY=phx_abc',
        'POSTHOG_PERSONAL_API_KEY=phx_HLAVJB4mamCUUWQBK9FT3sgQjXr0ME5eiCAxYXQO',
      ],
    },
  },
];
