import type { Detector } from '../../types.ts';

export const slackDetectors: Detector[] = [
  {
    id: 'slack-bot-token',
    name: 'Slack bot token',
    category: 'secret',
    description:
      'Slack bot token: `xoxb-` + workspace number + `-` + bot user number + `-` + 24 alphanumeric characters.',
    trigger: { keywords: ['xoxb-'] },
    pattern: /(?<![A-Za-z0-9])xoxb-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{24}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SLACK_BOT_TOKEN=xoxb-988677300113-3720945693837-pYSqBnn695nIMAh4S6bme6GF',
        'const app = new App({ token: "xoxb-703062355360-7677969064150-R8zoixLbXhK3mCpBGgWCKzh3", signingSecret })',
      ],
      negative: ['SLACK_BOT_TOKEN=xoxb-123-456-abc', 'SLACK_BOT_TOKEN=xoxb-your-bot-token'],
    },
  },
  {
    id: 'slack-user-token',
    name: 'Slack user token',
    category: 'secret',
    description: 'Slack user token: `xoxp-` + three numeric ids + 32 hex characters, dash separated.',
    trigger: { keywords: ['xoxp-'] },
    pattern: /(?<![A-Za-z0-9.])xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{32}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SLACK_USER_TOKEN=xoxp-916961078915-725263265030-2299413523754-34e68eede6bcfeb145c88ab8ec90bced',
        'curl -H "Authorization: Bearer xoxp-300198333190-260365658305-8294257809214-092d0f13554477711ea2123651efcc48" https://slack.com/api/conversations.list',
      ],
      negative: ['SLACK_USER_TOKEN=xoxp-1-2-3-abc', 'SLACK_USER_TOKEN=xoxp-<user token>'],
    },
  },
  {
    id: 'slack-app-token',
    name: 'Slack app-level token',
    category: 'secret',
    description:
      'Slack app-level token: `xapp-` + version digit + `-` + app id + `-` + number + `-` + 64 hex characters.',
    trigger: { keywords: ['xapp-'] },
    pattern: /(?<![A-Za-z0-9])xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SLACK_APP_TOKEN=xapp-1-AOCVL87P0LA-8726190082761-4c2433e762a7891047d45aba327ef1ad304880c95bbf63910acb28dbfc7d0f1c',
        'new App({ socketMode: true, appToken: "xapp-1-AAITL6SQS76-5541567161438-a4f3e58d7a47d2c43276116d14765536546cdfe0295a154afa025abc6e463149" })',
      ],
      negative: ['SLACK_APP_TOKEN=xapp-1-A0-1-abc', 'SLACK_APP_TOKEN=xapp-…'],
    },
  },
  {
    id: 'slack-config-token',
    name: 'Slack app configuration token',
    category: 'secret',
    description: 'Slack app configuration access token: `xoxe.xoxp-1-` followed by 100-200 alphanumeric characters.',
    trigger: { keywords: ['xoxe.xoxp-'] },
    pattern: /(?<![A-Za-z0-9])xoxe\.xoxp-1-[A-Za-z0-9]{100,200}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-ph2M8YIuMotcVCw6crrGkAa0ck4QhZBcp4gE3hmkLBty5OO0poGxKh2iVluHK5yjm1cyLlWtOjOdO6Vmn6ChzXFCQZXY6vZtQD6SLtlagfPghXzsKpYDxJlQVn4CaKVpqIiiV9opM9YkVWGRjrq9rF',
        'slack manifest update --token xoxe.xoxp-1-fTkCR59B15fjHJyAL4sXGg7UOuPZSxCxfIQQRwkw3MaGKDOMwrWLcRZsiF6GC7eZxMY5LdPasEdkI2qLsgKLYooAjWDQO8cpqxkKxZuxBeckm2F3ko6HjVxLvSlr105uOIePvzAqmQTxR3HMG3fF9q',
      ],
      negative: ['SLACK_CONFIG_TOKEN=xoxe.xoxp-1-abc', 'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-…'],
    },
  },
  {
    id: 'slack-refresh-token',
    name: 'Slack refresh token',
    category: 'secret',
    description: 'Slack token-rotation refresh token: `xoxe-1-` followed by 100-200 alphanumeric characters.',
    trigger: { keywords: ['xoxe-'] },
    pattern: /(?<![A-Za-z0-9.])xoxe-1-[A-Za-z0-9]{100,200}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SLACK_REFRESH_TOKEN=xoxe-1-8lLDIibPC8qIpnYvi4jf7f457LFKRWx651asH7MC7EhMPtc3HWylKeVAJ9B3VYAZerw10cS6d1W3iEJFQLDtvo5GGa2firLsmiFN5HpljJl29vtosQbyDRAZiJ0Vj6o2v9nmZRhr1RC7',
        '{"ok":true,"refresh_token":"xoxe-1-x1jfHlVroYjK541W0xA4cxmGszXP9hzNMHQggQaRi4rFMu4YmUGFxmrKmJwy35cwhp4lvDA47FbMOHQOEaElxWYh1KW9P2prmk55dVyWwyat4YQiziy8pUglNhBxTXk3R9DEEPeXVelU"}',
      ],
      negative: ['SLACK_REFRESH_TOKEN=xoxe-1-abc', 'SLACK_REFRESH_TOKEN=xoxe-<refresh>'],
    },
  },
  {
    id: 'slack-legacy-token',
    name: 'Slack legacy or workspace token',
    category: 'secret',
    description:
      'Slack workspace, legacy or session token: `xoxa-`, `xoxo-`, `xoxs-` or `xoxr-` followed by dash-separated digits and characters.',
    trigger: { keywords: ['xoxa-', 'xoxo-', 'xoxs-', 'xoxr-'] },
    pattern: /(?<![A-Za-z0-9])xox[aors]-[0-9]{1,14}-[A-Za-z0-9-]{20,160}[A-Za-z0-9](?![A-Za-z0-9-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SLACK_TOKEN=xoxa-2-783897714973-888870339240-abc0cd4d3d639d3030f527462ae11580',
        'legacy token xoxa-2-455548986123-347937678828-0d60a6ddff74117b0b73a4fdb60f295f still in the cron job',
      ],
      negative: ['SLACK_TOKEN=xoxa-2-abc', 'SLACK_TOKEN=xoxs-<legacy token>'],
    },
  },
  {
    id: 'slack-webhook-url',
    name: 'Slack incoming webhook URL',
    category: 'secret',
    description:
      'Slack incoming webhook: `hooks.slack.com/services/` + team id `T…` + `/` + bot id `B…` + `/` + 24 alphanumeric characters.',
    trigger: { keywords: ['hooks.slack.com/services/'] },
    pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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',
        'curl -X POST -d \'{"text":"deploy done"}\' https://hooks.slack.com/services/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',
      ],
      negative: [
        'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T000/B000/XXXX',
        'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/<team>/<bot>/<secret>',
      ],
    },
  },
  {
    id: 'slack-workflow-webhook-url',
    name: 'Slack workflow webhook URL',
    category: 'secret',
    description:
      'Slack Workflow Builder webhook: `hooks.slack.com/triggers/` or `/workflows/` + team id `T…` + ids + a 32-character secret.',
    trigger: { keywords: ['hooks.slack.com/triggers/', 'hooks.slack.com/workflows/'] },
    pattern:
      /hooks\.slack\.com\/(?:triggers|workflows)\/T[A-Z0-9]{8,12}\/[0-9A-Z]{8,20}\/[A-Za-z0-9/]{19,79}[A-Za-z0-9](?![A-Za-z0-9/])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SLACK_WORKFLOW_URL=https://hooks.slack.com/triggers/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',
        'POST https://hooks.slack.com/triggers/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 {"status":"ok"}',
      ],
      negative: ['https://hooks.slack.com/triggers/T0/1/abc', 'https://hooks.slack.com/workflows/<team>/<id>/<secret>'],
    },
  },
];
