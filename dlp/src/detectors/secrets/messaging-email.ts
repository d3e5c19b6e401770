import type { Detector } from '../../types.ts';

const UUID = /(?<![A-Za-z0-9-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9-])/g;

export const emailDetectors: Detector[] = [
  {
    id: 'sendgrid-api-key',
    name: 'SendGrid API key',
    category: 'secret',
    description: 'Twilio SendGrid API key: `SG.` + 22 URL-safe characters + `.` + 43 URL-safe characters.',
    trigger: { keywords: ['SG.'] },
    pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SENDGRID_API_KEY=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',
        'sgMail.setApiKey("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");',
      ],
      negative: ['SENDGRID_API_KEY=SG.abc.def', 'SENDGRID_API_KEY=SG.<key id>.<secret>'],
    },
  },
  {
    id: 'mailgun-api-key',
    name: 'Mailgun API key (legacy)',
    category: 'secret',
    description:
      'Mailgun legacy private API key: `key-` followed by 32 hex characters (medium, high with Mailgun context).',
    trigger: { keywords: ['key-'] },
    pattern: /(?<![A-Za-z0-9-])key-[a-f0-9]{32}(?![A-Za-z0-9])/g,
    confidence: 'medium',
    context: ['mailgun'],
    examples: {
      positive: [
        'MAILGUN_API_KEY=key-bd7bf961185bfc2d8a83f5472ead6d41',
        'curl -s --user "api:key-3fc524d0f235aea05645cd405a30006e" https://api.mailgun.net/v3/mg.acme.io/messages',
      ],
      negative: ['MAILGUN_API_KEY=key-abc', 'cache key-0a1b2c3d for session'],
    },
  },
  {
    id: 'mailgun-private-key',
    name: 'Mailgun API key',
    category: 'secret',
    description:
      'Mailgun private API key (current format): 32 hex + `-` + 8 hex + `-` + 8 hex; requires a Mailgun context word.',
    trigger: { keywords: ['mailgun'] },
    pattern: /(?<![A-Za-z0-9-])[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}(?![A-Za-z0-9-])/g,
    confidence: 'medium',
    context: ['mailgun'],
    requiresContext: true,
    examples: {
      positive: [
        'MAILGUN_API_KEY=a1b716d98e70b093ed0d14c2129357f0-cd65f460-af44ea3d',
        'mailgun.client({ username: "api", key: "139798fffc59f99dd3a0b10a5c0b2202-90e3bbb8-cd31d61a" })',
      ],
      negative: ['MAILGUN_API_KEY=0a1b2c3d-0a1b2c3d-0a1b2c3d', 'mailgun domain key 4f3e2d1c'],
    },
  },
  {
    id: 'mailchimp-api-key',
    name: 'Mailchimp API key',
    category: 'secret',
    description: 'Mailchimp Marketing API key: 32 hex characters + `-us` + data-center number.',
    trigger: { keywords: ['-us'] },
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{32}-us[0-9]{1,2}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'MAILCHIMP_API_KEY=f9717301fb1bd9def58435cee2f87925-us2',
        'mailchimp.setConfig({ apiKey: "232626fd9ae17521062170730c965ef4-us10", server: "us14" });',
      ],
      negative: ['MAILCHIMP_API_KEY=abc-us12', 'MAILCHIMP_API_KEY=<api key>-us12'],
    },
  },
  {
    id: 'postmark-server-token',
    name: 'Postmark server token',
    category: 'secret',
    description: 'Postmark server or account API token: a UUID; no prefix, so it requires a Postmark context word.',
    trigger: { keywords: ['postmark'] },
    pattern: UUID,
    confidence: 'low',
    context: ['postmark'],
    requiresContext: true,
    examples: {
      positive: [
        'POSTMARK_SERVER_TOKEN=b8eb033d-6dda-4dfd-81a7-30f6e650d28e',
        'curl https://api.postmarkapp.com/email -H "X-Postmark-Server-Token: bf649941-2101-4faf-b570-7f677c8b4398"',
      ],
      negative: ['POSTMARK_SERVER_TOKEN=0a1b2c3d-0a1b', 'POSTMARK_SERVER_TOKEN=<server token>'],
    },
  },
  {
    id: 'brevo-api-key',
    name: 'Brevo (Sendinblue) API key',
    category: 'secret',
    description:
      'Brevo (formerly Sendinblue) API key: `xkeysib-` + 64 hex characters + `-` + 16 alphanumeric characters.',
    trigger: { keywords: ['xkeysib-'] },
    pattern: /(?<![A-Za-z0-9])xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'BREVO_API_KEY=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',
        'curl https://api.brevo.com/v3/account -H "api-key: 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"',
      ],
      negative: ['BREVO_API_KEY=xkeysib-abc', 'BREVO_API_KEY=xkeysib-<key>'],
    },
  },
  {
    id: 'brevo-smtp-key',
    name: 'Brevo (Sendinblue) SMTP key',
    category: 'secret',
    description:
      'Brevo (formerly Sendinblue) SMTP key: `xsmtpsib-` + 64 hex characters + `-` + 16 alphanumeric characters.',
    trigger: { keywords: ['xsmtpsib-'] },
    pattern: /(?<![A-Za-z0-9])xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SMTP_PASSWORD=xsmtpsib-8ef1ffc6a0c230742e07f6a7ecef6348c26249681f0bd2b3d2612a211eeaf9bd-KcI489jIaMP8PI7p',
        'spring.mail.password=xsmtpsib-385f4df4ab4b09e29a9060ed92afb6846cb881cda6103025f6051137d80059db-HWe7vkCic0D4AWQx',
      ],
      negative: ['SMTP_PASSWORD=xsmtpsib-abc', 'SMTP_PASSWORD=xsmtpsib-…'],
    },
  },
  {
    id: 'mandrill-api-key',
    name: 'Mailchimp Transactional (Mandrill) API key',
    category: 'secret',
    description:
      'Mailchimp Transactional (Mandrill) API key: `md-` followed by 22 URL-safe characters; the prefix is short, so it requires a Mandrill context word.',
    trigger: { keywords: ['mandrill', 'mailchimp_transactional', 'mailchimp transactional'] },
    pattern: /(?<![A-Za-z0-9-])md-[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g,
    confidence: 'medium',
    validate: (value) => /[0-9]/.test(value) && /[A-Z]/.test(value),
    context: ['mandrill', 'mailchimp_transactional', 'mailchimp transactional'],
    requiresContext: true,
    examples: {
      positive: [
        'MANDRILL_API_KEY=md-yPgNYLGrQAMa5t8-MamU7D',
        'mailchimp_transactional.Client("md--aNPh-rS8KhhD4eU6aOUUz")',
      ],
      negative: ['MANDRILL_API_KEY=md-abc', 'mandrill template md-welcome-email-layout'],
    },
  },
];
