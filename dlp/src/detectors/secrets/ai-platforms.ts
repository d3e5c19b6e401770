import type { Detector } from '../../types.ts';

export const aiPlatformDetectors: Detector[] = [
  {
    id: 'huggingface-token',
    name: 'Hugging Face access token',
    category: 'secret',
    description: 'Hugging Face user access token: `hf_` followed by 34 letters.',
    trigger: { keywords: ['hf_'] },
    pattern: /(?<![A-Za-z0-9])hf_[A-Za-z]{34}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'export HF_TOKEN=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',
        'huggingface-cli login --token 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',
      ],
      negative: ['HF_TOKEN=hf_abc', 'HF_TOKEN=hf_BsRkvMVFGWNeAcDPwIRWUnAVoKuFxOR'],
    },
  },
  {
    id: 'huggingface-org-token',
    name: 'Hugging Face organization API token',
    category: 'secret',
    description: 'Hugging Face organization API token: `api_org_` followed by 34 letters.',
    trigger: { keywords: ['api_org_'] },
    pattern: /(?<![A-Za-z0-9])api_org_[A-Za-z]{34}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'HF_ORG_TOKEN=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',
        'Authorization: Bearer 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',
      ],
      negative: ['HF_ORG_TOKEN=api_org_abc', 'HF_ORG_TOKEN=api_org_uwgOsXGENXaNxBHUwzUKhtCNRjjVUXt'],
    },
  },
  {
    id: 'groq-api-key',
    name: 'Groq API key',
    category: 'secret',
    description: 'Groq API key: `gsk_` followed by 48-56 alphanumeric characters.',
    trigger: { keywords: ['gsk_'] },
    pattern: /(?<![A-Za-z0-9])gsk_[A-Za-z0-9]{48,56}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'export GROQ_API_KEY=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',
        'client = Groq(api_key="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")',
      ],
      negative: ['GROQ_API_KEY=gsk_abc', 'GROQ_API_KEY=gsk_<key>'],
    },
  },
  {
    id: 'replicate-api-token',
    name: 'Replicate API token',
    category: 'secret',
    description: 'Replicate API token: `r8_` followed by 35-40 alphanumeric characters.',
    trigger: { keywords: ['r8_'] },
    pattern: /(?<![A-Za-z0-9])r8_[A-Za-z0-9]{35,40}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'export REPLICATE_API_TOKEN=r8_b7LptuaOvJLiK3och0rMLv4rWnn2nLRzBnKd9',
        'curl -H "Authorization: Bearer r8_MsseRSWyUiQrEBhXTGLe5SaQGMxWgH3z4BDbw" https://api.replicate.com/v1/predictions',
      ],
      negative: ['REPLICATE_API_TOKEN=r8_abc', 'REPLICATE_API_TOKEN=r8_<token>'],
    },
  },
  {
    id: 'perplexity-api-key',
    name: 'Perplexity API key',
    category: 'secret',
    description: 'Perplexity API key: `pplx-` followed by 40-56 alphanumeric characters.',
    trigger: { keywords: ['pplx-'] },
    pattern: /(?<![A-Za-z0-9])pplx-[A-Za-z0-9]{40,56}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'PERPLEXITY_API_KEY=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',
        'curl https://api.perplexity.ai/chat/completions -H "Authorization: Bearer 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"',
      ],
      negative: ['PERPLEXITY_API_KEY=pplx-abc', 'PERPLEXITY_API_KEY=pplx-…'],
    },
  },
  {
    id: 'openrouter-api-key',
    name: 'OpenRouter API key',
    category: 'secret',
    description: 'OpenRouter API key: `sk-or-v1-` followed by 64 hex characters.',
    trigger: { keywords: ['sk-or-v1-'] },
    pattern: /(?<![A-Za-z0-9])sk-or-v1-[a-f0-9]{64}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'OPENROUTER_API_KEY=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',
        'client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="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")',
      ],
      negative: [
        'OPENROUTER_API_KEY=sk-or-v1-abc',
        'OPENROUTER_API_KEY=sk-or-v1-6acc57af48eaaed52376f4e5056279c01c0ae87dc6159914b1ca630a293e8',
      ],
    },
  },
  {
    id: 'together-api-key',
    name: 'Together AI API key',
    category: 'secret',
    description: 'Together AI API key: `tgp_v1_` followed by 40-50 URL-safe characters.',
    trigger: { keywords: ['tgp_v1_'] },
    pattern: /(?<![A-Za-z0-9])tgp_v1_[A-Za-z0-9_-]{40,50}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'TOGETHER_API_KEY=tgp_v1_IfqpxvgxLOnu9iO-99Tp_c8tw6Gp8L0zoOMPTD0cdbu',
        'client = Together(api_key="tgp_v1_PRiySGtE0uvSsuaKAbUldjLpXy-pbgFhInbz2fqHs6x")',
      ],
      negative: ['TOGETHER_API_KEY=tgp_v1_abc', 'TOGETHER_API_KEY=tgp_v1_<key>'],
    },
  },
  {
    id: 'fireworks-api-key',
    name: 'Fireworks AI API key',
    category: 'secret',
    description:
      'Fireworks AI API key: `fw_` followed by 20-40 alphanumeric characters with mixed case and digits (short prefix: medium, high with Fireworks context).',
    trigger: { keywords: ['fw_'] },
    pattern: /(?<![A-Za-z0-9])fw_[A-Za-z0-9]{20,40}(?![A-Za-z0-9_-])/g,
    confidence: 'medium',
    validate: (value) => /[A-Z]/.test(value) && /[a-z]/.test(value.slice(3)) && /[0-9]/.test(value),
    context: ['fireworks'],
    examples: {
      positive: [
        'FIREWORKS_API_KEY=fw_gozNgnBUZXf29wukjwjxr22t',
        'curl https://api.fireworks.ai/inference/v1/chat/completions -H "Authorization: Bearer fw_YTkAdPJY5HP7pZR895p2sjao"',
      ],
      negative: ['fw_UpdateFirmwareImageHandler', 'FIREWORKS_API_KEY=fw_abc123'],
    },
  },
  {
    id: 'elevenlabs-api-key',
    name: 'ElevenLabs API key',
    category: 'secret',
    description:
      'ElevenLabs API key: `sk_` followed by 48 hex characters; the prefix is shared, so it requires an ElevenLabs context word.',
    trigger: { keywords: ['elevenlabs', 'xi-api-key', 'eleven_api_key'] },
    pattern: /(?<![A-Za-z0-9])sk_[a-f0-9]{48}(?![A-Za-z0-9])/g,
    confidence: 'medium',
    context: ['elevenlabs', 'xi-api-key', 'eleven_api_key'],
    requiresContext: true,
    examples: {
      positive: [
        'ELEVENLABS_API_KEY=sk_4127a7ed39f82d4c04666f18c5d90c11b8ea85db4e170a52',
        'curl https://api.elevenlabs.io/v1/voices -H "xi-api-key: sk_1be3affe873dde84de026bd384933066e0ddb7ea08b1e8b8"',
      ],
      negative: ['ELEVENLABS_API_KEY=sk_abc', 'ELEVENLABS_API_KEY=sk_25ba1932e7657a1ffb963f3914bee1a38068acf814a56'],
    },
  },
  {
    id: 'langsmith-api-key',
    name: 'LangSmith API key',
    category: 'secret',
    description: 'LangSmith personal or service key: `lsv2_pt_` / `lsv2_sk_` + 32 hex + `_` + 10 hex characters.',
    trigger: { keywords: ['lsv2_'] },
    pattern: /(?<![A-Za-z0-9])lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'LANGSMITH_API_KEY=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',
        'LANGCHAIN_API_KEY="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"',
      ],
      negative: ['LANGSMITH_API_KEY=lsv2_pt_abc', 'LANGSMITH_API_KEY=lsv2_pt_<key>'],
    },
  },
  {
    id: 'pinecone-api-key',
    name: 'Pinecone API key',
    category: 'secret',
    description: 'Pinecone API key: `pcsk_` + 4-8 characters + `_` + 50-80 alphanumeric characters.',
    trigger: { keywords: ['pcsk_'] },
    pattern: /(?<![A-Za-z0-9])pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'PINECONE_API_KEY=pcsk_xn5OfF_easrRperHWtB5T8764RsE9zGhAeMHMa84fumoXZa0Q1qXQ9I297F7JT87DkHvMH',
        'pc = Pinecone(api_key="pcsk_jLrbZZ_UB6qouxfZmeJvybDHpfBD7u2fTc8sPsmutUEuu9JXMZn0r24qG7T7T66rq9JEpT")',
      ],
      negative: ['PINECONE_API_KEY=pcsk_abc_def', 'PINECONE_API_KEY=pcsk_<key>'],
    },
  },
  {
    id: 'tavily-api-key',
    name: 'Tavily API key',
    category: 'secret',
    description: 'Tavily search API key: `tvly-`, an optional `dev-`/`prod-` part, then 28-40 alphanumeric characters.',
    trigger: { keywords: ['tvly-'] },
    pattern: /(?<![A-Za-z0-9])tvly-(?:dev-|prod-)?[A-Za-z0-9]{28,40}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'TAVILY_API_KEY=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',
        'TavilyClient(api_key="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")',
      ],
      negative: ['TAVILY_API_KEY=tvly-abc', 'TAVILY_API_KEY=tvly-<key>'],
    },
  },
  {
    id: 'wandb-api-key',
    name: 'Weights & Biases API key',
    category: 'secret',
    description: 'Weights & Biases API key: 40 hex characters; no prefix, so it requires a W&B context word.',
    trigger: { keywords: ['wandb', 'weights & biases', 'weights and biases'] },
    pattern: /(?<![A-Za-z0-9_+/-])[a-f0-9]{40}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: (value) => /[a-f]/.test(value) && /[0-9]/.test(value),
    context: ['wandb_api_key', 'wandb login', 'api.wandb.ai', 'wandb.login', 'weights & biases', 'weights and biases'],
    requiresContext: true,
    examples: {
      positive: [
        'export WANDB_API_KEY=c2843f9af4e58ad646d97d012493cd2ecda01dbb',
        'wandb login 73dabf4ad4b62c54b42cb23ba44120fde9aa7044',
      ],
      negative: ['WANDB_API_KEY=d7dc430acb06e0a2b91e94fc8d6e0d6c231a0', 'WANDB_API_KEY=<40-character key>'],
    },
  },
];
