import type { Detector } from '../../types.ts';

export const paymentDetectors: Detector[] = [
  {
    id: 'stripe-secret-key',
    name: 'Stripe secret API key',
    category: 'secret',
    description: 'Stripe secret API key: `sk_live_` or `sk_test_` followed by 24-247 alphanumeric characters.',
    trigger: { keywords: ['sk_live_', 'sk_test_'] },
    pattern: /(?<![A-Za-z0-9])sk_(?:live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/g,
    confidence: 'high',
    window: 400,
    examples: {
      positive: [
        'STRIPE_SECRET_KEY=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',
        'const stripe = new Stripe("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", { apiVersion: "2024-06-20" });',
      ],
      negative: ['STRIPE_SECRET_KEY=sk_live_abc', 'STRIPE_SECRET_KEY=sk_live_...your key here...'],
    },
  },
  {
    id: 'stripe-restricted-key',
    name: 'Stripe restricted API key',
    category: 'secret',
    description: 'Stripe restricted API key: `rk_live_` or `rk_test_` followed by 24-247 alphanumeric characters.',
    trigger: { keywords: ['rk_live_', 'rk_test_'] },
    pattern: /(?<![A-Za-z0-9])rk_(?:live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/g,
    confidence: 'high',
    window: 400,
    examples: {
      positive: [
        'STRIPE_RESTRICTED_KEY=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',
        'curl https://api.stripe.com/v1/charges -u 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:',
      ],
      negative: ['STRIPE_RESTRICTED_KEY=rk_live_0', 'STRIPE_RESTRICTED_KEY=rk_live_<restricted key>'],
    },
  },
  {
    id: 'stripe-webhook-secret',
    name: 'Stripe webhook signing secret',
    category: 'secret',
    description: 'Stripe webhook endpoint signing secret: `whsec_` followed by 32-64 base64 characters.',
    trigger: { keywords: ['whsec_'] },
    pattern: /(?<![A-Za-z0-9])whsec_[A-Za-z0-9+/]{32,64}={0,2}(?![A-Za-z0-9+/=])/g,
    confidence: 'high',
    examples: {
      positive: [
        'STRIPE_WEBHOOK_SECRET=whsec_MqA6ieDVxdYxbcfmC9RGZCZMxG1y8WTc',
        'stripe.webhooks.constructEvent(body, sig, "whsec_fwbNc8BKt2ekpviUTPA0nQcaa0d6f1VZ")',
      ],
      negative: ['STRIPE_WEBHOOK_SECRET=whsec_abc', 'STRIPE_WEBHOOK_SECRET=whsec_<signing secret>'],
    },
  },
  {
    id: 'square-access-token',
    name: 'Square access token',
    category: 'secret',
    description:
      'Square access token: `EAAA` followed by 60 URL-safe characters (the prefix is short: medium, raised by a Square context word).',
    trigger: { keywords: ['EAAA'] },
    pattern: /(?<![A-Za-z0-9])EAAA[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-])/g,
    confidence: 'medium',
    context: ['square', 'squareup'],
    examples: {
      positive: [
        'SQUARE_ACCESS_TOKEN=EAAAI5J5KYn-FmHc83X9pcc6NcEghgOlIF1R9AQxxiNWLPuu3-uO6PEWYsJ5TEKX',
        'curl https://connect.squareup.com/v2/locations -H "Authorization: Bearer EAAA2hhongfvMS4756ldhYDEbXSFkeL00Q1CAag-0Cn7uOTnXMgNRifdh87lr0gv"',
      ],
      negative: [
        'SQUARE_ACCESS_TOKEN=EAAAl',
        'SQUARE_ACCESS_TOKEN=EAAALWus8Rg-htdMCG75pDk3QoG3GYaj_RrDTB0VURNWdLfT-kLRbgeC-zrkn',
      ],
    },
  },
  {
    id: 'square-legacy-access-token',
    name: 'Square OAuth access token (legacy)',
    category: 'secret',
    description: 'Square legacy access token: `sq0atp-` followed by 22 URL-safe characters.',
    trigger: { keywords: ['sq0atp-'] },
    pattern: /(?<![A-Za-z0-9])sq0atp-[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: ['SQUARE_TOKEN=sq0atp-tsnooI20PyLmm6w53idBRB', 'Authorization: Bearer sq0atp-EcJf737fzwOrEhzMSB_bAQ'],
      negative: ['SQUARE_TOKEN=sq0atp-abc', 'SQUARE_TOKEN=sq0atp-N70uayuulvgl393lC2-'],
    },
  },
  {
    id: 'square-application-secret',
    name: 'Square application secret',
    category: 'secret',
    description: 'Square OAuth application secret: `sq0csp-` followed by 43 URL-safe characters.',
    trigger: { keywords: ['sq0csp-'] },
    pattern: /(?<![A-Za-z0-9])sq0csp-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SQUARE_APP_SECRET=sq0csp-7O9vxFx1zdkLKcm8Bz3sj2cfeX3SP8to61xHXTysCar',
        'client_secret: sq0csp--r66t8z49rTnecTjHKGJr6M65dxbErAEaakHVX4wFIx',
      ],
      negative: ['SQUARE_APP_SECRET=sq0csp-1', 'SQUARE_APP_SECRET=sq0csp-G9s1hE4f6wJYhS9aFS4nc_n78O5F3VjePCSbWniN'],
    },
  },
  {
    id: 'braintree-access-token',
    name: 'PayPal Braintree access token',
    category: 'secret',
    description:
      'PayPal Braintree access token: `access_token$production$` (or `$sandbox$`) + 16 characters + `$` + 32 hex characters.',
    trigger: { keywords: ['access_token$'] },
    pattern: /(?<![A-Za-z0-9])access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'BRAINTREE_ACCESS_TOKEN=access_token$production$akcoi1tz5pqr9yd8$65923eacfe3bf572f90b51a9ccc0d5a4',
        'gateway = braintree.BraintreeGateway(access_token="access_token$production$coyuvn38uhp9eoxz$336a19fd41a5d64d7fb7a9c94b08703d")',
      ],
      negative: [
        'BRAINTREE_ACCESS_TOKEN=access_token$production$abc$def',
        'BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant>$<token>',
      ],
    },
  },
  {
    id: 'adyen-api-key',
    name: 'Adyen API key',
    category: 'secret',
    description:
      'Adyen API key: `AQE` followed by 80-200 base64 characters and dashes; the prefix is short, so it requires an Adyen context word.',
    trigger: { keywords: ['adyen', 'x-api-key'] },
    pattern: /(?<![A-Za-z0-9+/])AQE[A-Za-z0-9+/=-]{80,200}(?![A-Za-z0-9+/=-])/g,
    confidence: 'medium',
    context: ['adyen'],
    requiresContext: true,
    window: 400,
    examples: {
      positive: [
        'ADYEN_API_KEY=AQEULfqlTWyZz8y58aAVma0vpZ4tk8fNG38LBZjJl0CG1qt8nikomv2ntjVvMv2hMBgFC2GTLzyol6n6Wqq1dTFgd4J1p=-tPa+JX97d047UN88oxM8FVT5YwTpxXzWBR7Q7F3F8Fr=',
        'curl https://checkout-live.adyen.com/v71/payments -H "X-API-Key: AQEYtBPIZ0dJbG78XmW72CJyQKrDXAi6zfz9oNkZF87YrjtaNApTJ9t7dHPGmbG6ZIIxwzL115HG0TWeQSNHDKF31C9w0=-FWTD2cZDvKN37M9n4rgM3bd/+iFixaR4qZI9T9OFNPv="',
      ],
      negative: ['ADYEN_API_KEY=AQEabc', 'ADYEN_API_KEY=AQE<api key>'],
    },
  },
  {
    id: 'razorpay-key-id',
    name: 'Razorpay live key ID',
    category: 'secret',
    description:
      "Razorpay API key ID: `rzp_live_` or `rzp_test_` followed by 14 alphanumeric characters (the pair's secret sits next to it).",
    trigger: { keywords: ['rzp_live_', 'rzp_test_'] },
    pattern: /(?<![A-Za-z0-9])rzp_(?:live|test)_[A-Za-z0-9]{14}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'RAZORPAY_KEY_ID=rzp_live_SAWsVh0wlja1tZ',
        'new Razorpay({ key_id: "rzp_live_qfkLpxS2jRX9on", key_secret: process.env.RZP_SECRET })',
      ],
      negative: ['RAZORPAY_KEY_ID=rzp_live_abc', 'RAZORPAY_KEY_ID=rzp_live_<key id>'],
    },
  },
  {
    id: 'flutterwave-secret-key',
    name: 'Flutterwave secret key',
    category: 'secret',
    description: 'Flutterwave secret key: `FLWSECK-` (or `FLWSECK_TEST-`) + 32 hex characters + `-X`.',
    trigger: { keywords: ['FLWSECK'] },
    pattern: /(?<![A-Za-z0-9])FLWSECK(?:_TEST)?-[a-f0-9]{32}-X(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'FLW_SECRET_KEY=FLWSECK-0309ae55f8d833138b0edfc46cc56dcf-X',
        'Authorization: Bearer FLWSECK-ebfcce8191e4bc17e4e7ab1ee82237d9-X',
      ],
      negative: ['FLW_SECRET_KEY=FLWSECK-abc-X', 'FLW_SECRET_KEY=FLWSECK-<secret>-X'],
    },
  },
  {
    id: 'plaid-access-token',
    name: 'Plaid access token',
    category: 'secret',
    description:
      'Plaid access token: `access-production-`, `access-development-` or `access-sandbox-` followed by a UUID.',
    trigger: { keywords: ['access-production-', 'access-development-', 'access-sandbox-'] },
    pattern:
      /(?<![A-Za-z0-9-])access-(?:production|development|sandbox)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        '{"access_token": "access-production-8eb0ec09-54a0-4186-bd58-7388e5380289", "item_id": "Qk7vR2mZp9wJ4tLx"}',
        'PLAID_ACCESS_TOKEN=access-production-166e9f29-8764-4382-97f6-910615b1627b',
      ],
      negative: ['PLAID_ACCESS_TOKEN=access-production-', 'role access-production-readers granted'],
    },
  },
];
