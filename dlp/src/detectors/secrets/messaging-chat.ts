import type { Detector } from '../../types.ts';
import { isDiscordBotToken } from './validators.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const chatDetectors: Detector[] = [
  {
    id: 'discord-bot-token',
    name: 'Discord bot token',
    category: 'secret',
    description:
      "Discord bot token: base64 of the bot's numeric id (decoded and checked to be a 17-20 digit snowflake) + `.` + 6 characters + `.` + 27-38 characters.",
    trigger: { keywords: ['discord', 'bot'] },
    pattern: /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/g,
    confidence: 'medium',
    validate: isDiscordBotToken,
    context: ['discord'],
    examples: {
      positive: [
        'DISCORD_TOKEN=NzU5NDkwNzEzMDU1MDYwNDExNg.ZTmlc_.awOQxhln_DBGQFM6YKq4III3uEjJW8zPS6lWXC',
        'client.login("MTUwMjE5ODc2MzMxOTA2MDE4Nw.ku2VS2.Hjz21tiBwkXX8vQ_PSBBDdbsUR5HgczzsqW9sk") // discord.js bot',
      ],
      negative: [
        'DISCORD_TOKEN=NDM8MzE3ODc1NDI3MDQyNjc0Nw.UOIFVr.a0co8Mz2l4FS9d1kMwIQ-8fc5fC',
        'DISCORD_TOKEN=MTA.abc.def',
      ],
    },
  },
  {
    id: 'discord-webhook-url',
    name: 'Discord webhook URL',
    category: 'secret',
    description:
      'Discord webhook: `discord.com/api/webhooks/` (or `discordapp.com`) + numeric id + `/` + 60-80 character token.',
    trigger: { keywords: ['/api/webhooks/'] },
    pattern: /discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,80}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'DISCORD_WEBHOOK=https://discord.com/api/webhooks/4739409628409352573/3SxxU8EvN6N_bKzgRRrIjLzGdlH96Ir-9D5O_DVYU6D4uJP3Z0MxbDWj7tuJS3ckv20h',
        'curl -H "Content-Type: application/json" -d \'{"content":"build failed"}\' https://discord.com/api/webhooks/3510979870450835942/F6zAA_cD_lxCR71CYK1RRjmDiNDvCwR3B7f4lRAe2dkfUIKq7_o561x2Lr1Chv_R8iDW',
      ],
      negative: ['https://discord.com/api/webhooks/123/abc', 'https://discord.com/api/webhooks/<id>/<token>'],
    },
  },
  {
    id: 'telegram-bot-token',
    name: 'Telegram bot token',
    category: 'secret',
    description: 'Telegram Bot API token: numeric bot id + `:` + 35 URL-safe characters starting `AA`.',
    trigger: { keywords: [':AA'] },
    pattern: /(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g,
    confidence: 'medium',
    context: ['telegram', 'bot'],
    examples: {
      positive: [
        'TELEGRAM_BOT_TOKEN=8840492986:AAat6iaRPgc7ERsTzKblBREZJV7X5Pw79sW',
        'curl https://api.telegram.org/bot5439344620:AA9xAYrMbQlsc_XkytRUuJL9bIxEd2r08gl/getMe',
      ],
      negative: ['TELEGRAM_BOT_TOKEN=123456:AAabc', 'TELEGRAM_BOT_TOKEN=<bot id>:<token>'],
    },
  },
  {
    id: 'microsoft-teams-webhook-url',
    name: 'Microsoft Teams incoming webhook URL',
    category: 'secret',
    description:
      'Microsoft Teams incoming webhook: `webhook.office.com/webhookb2/` + two GUIDs + `/IncomingWebhook/` + 32 characters + `/` + a GUID.',
    trigger: { keywords: ['webhook.office.com/webhookb2/'] },
    pattern: new RegExp(
      `webhook\\.office\\.com\\/webhookb2\\/${UUID}@${UUID}\\/IncomingWebhook\\/[A-Za-z0-9]{32}\\/${UUID}(?![A-Za-z0-9-])`,
      'g',
    ),
    confidence: 'high',
    window: 400,
    examples: {
      positive: [
        'TEAMS_WEBHOOK_URL=https://acme.webhook.office.com/webhookb2/957b8942-5afc-4b08-907c-b78a7232d6fc@3f702d5f-c8e8-479e-b04a-ce06989449c6/IncomingWebhook/bef0ea1da96382996e459c163541815d/6dd52fc3-3380-4db4-9297-262079d532d7',
        'Invoke-RestMethod -Method Post -Uri "https://acme.webhook.office.com/webhookb2/6a6b0163-1189-456b-a2e4-911de9d3b1f5@08bff180-e409-4055-a618-60e94fe23681/IncomingWebhook/4ecc4865902ab61e41417c150872bec3/15e9fb22-0623-4d12-a3ec-c1e0408d2048" -Body $json',
      ],
      negative: [
        'https://acme.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456',
        'https://acme.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>',
      ],
    },
  },
  {
    id: 'twilio-api-key',
    name: 'Twilio API key SID',
    category: 'secret',
    description:
      'Twilio API key SID: `SK` followed by 32 hex characters, looked for near the word Twilio (medium, high with Twilio context).',
    trigger: { keywords: ['twilio'] },
    pattern: /(?<![A-Za-z0-9])SK[a-f0-9]{32}(?![A-Za-z0-9])/g,
    confidence: 'medium',
    context: ['twilio'],
    examples: {
      positive: [
        'TWILIO_API_KEY=SKc231dfcbf05f635b037ddd72d8f73bab',
        'twilio.Client("SK04e767ea5ba2a9cdcddbc3eb94dfe72e", api_secret, account_sid)',
      ],
      negative: ['TWILIO_API_KEY=SK123', 'TWILIO_API_KEY=SK8437baebabff7ce416eff3dad3639'],
    },
  },
  {
    id: 'twilio-auth-token',
    name: 'Twilio auth token',
    category: 'secret',
    description:
      'Twilio account auth token: 32 lower-case hex characters; no prefix, so it requires a Twilio context word.',
    trigger: { keywords: ['twilio'] },
    pattern: /(?<![A-Za-z0-9_+/-])[a-f0-9]{32}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: (value) => /[a-f]/.test(value) && /[0-9]/.test(value),
    context: ['twilio'],
    requiresContext: true,
    examples: {
      positive: [
        'TWILIO_ACCOUNT_SID=ACc6d8aeb483f379dd63850be8150aeefb\nTWILIO_AUTH_TOKEN=bd8bc708156c7b5ae05dd6e154d3e8da',
        'twilio auth token: 88c9a436326a591ca2ee80467114f863',
      ],
      negative: [
        'TWILIO_AUTH_TOKEN=286abe297d1bace5e586f7ecb03e7',
        'TWILIO_AUTH_TOKEN=00000000000000000000000000000000',
      ],
    },
  },
];
