import type { Detector } from '../../types.ts';
import { isMixedAlnum } from './validators.ts';

function openaiKey(kind: string, id: string, name: string, positive: string[], negative: string[]): Detector {
  return {
    id,
    name,
    category: 'secret',
    description: `${name}: \`sk-${kind}-\` followed by 40-250 URL-safe characters.`,
    trigger: { keywords: [`sk-${kind}-`] },
    pattern: new RegExp(`(?<![A-Za-z0-9])sk-${kind}-[A-Za-z0-9_-]{40,250}(?![A-Za-z0-9_-])`, 'g'),
    confidence: 'high',
    window: 400,
    examples: { positive, negative },
  };
}

export const aiProviderDetectors: Detector[] = [
  openaiKey(
    'proj',
    'openai-project-key',
    'OpenAI project API key',
    [
      'export OPENAI_API_KEY=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',
      'client = OpenAI(api_key="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")',
    ],
    ['OPENAI_API_KEY=sk-proj-...your key here...', 'OPENAI_API_KEY=sk-proj-abc123'],
  ),
  openaiKey(
    'svcacct',
    'openai-service-account-key',
    'OpenAI service account API key',
    [
      'OPENAI_API_KEY=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',
      'curl https://api.openai.com/v1/models -H "Authorization: Bearer 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"',
    ],
    ['OPENAI_API_KEY=sk-svcacct-<key>', 'OPENAI_API_KEY=sk-svcacct-12'],
  ),
  openaiKey(
    'admin',
    'openai-admin-key',
    'OpenAI admin API key',
    [
      'OPENAI_ADMIN_KEY=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',
      'curl https://api.openai.com/v1/organization/users -H "Authorization: Bearer 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"',
    ],
    ['OPENAI_ADMIN_KEY=sk-admin-…', 'OPENAI_ADMIN_KEY=sk-admin-abc'],
  ),
  {
    id: 'openai-legacy-key',
    name: 'OpenAI API key (legacy user key)',
    category: 'secret',
    description:
      'OpenAI legacy user API key: `sk-` + 20 alphanumeric characters + the `T3BlbkFJ` marker + 20 alphanumeric characters.',
    trigger: { keywords: ['T3BlbkFJ'] },
    pattern: /(?<![A-Za-z0-9-])sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'openai.api_key = "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"',
        'OPENAI_API_KEY=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',
      ],
      negative: ['OPENAI_API_KEY=sk-T3BlbkFJ', 'OPENAI_API_KEY=sk-sk-MCUMuWszySiYfTj0nrCGT3BlbkFJvbyCeWmguuWX6qP5s'],
    },
  },
  {
    id: 'anthropic-api-key',
    name: 'Anthropic API key',
    category: 'secret',
    description: 'Anthropic API key: `sk-ant-api` + two-digit version + `-` + 80-120 URL-safe characters.',
    trigger: { keywords: ['sk-ant-api'] },
    pattern: /(?<![A-Za-z0-9])sk-ant-api[0-9]{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'export ANTHROPIC_API_KEY=sk-ant-api03-oYMwi39pfBc2D-oMx4basfyA5fatxPKIJm2A05WXGFVtZgJRWdILXhfgK8jxwpjASqGPuHbbh0RbPUR6a2oyvtjam3hMxAA',
        'curl https://api.anthropic.com/v1/messages -H "x-api-key: sk-ant-api03-MtpSgClecuiZybxfsnTwVqSF05Zrjoyjr9hs7YN9xxkJIXDrSgxzL68ZpSsmA14uWM9ToIqJU9wTbRvY4FqnIq1Z0-PTCAA"',
      ],
      negative: ['ANTHROPIC_API_KEY=sk-ant-api03-...', 'ANTHROPIC_API_KEY=sk-ant-api03-abc'],
    },
  },
  {
    id: 'anthropic-admin-key',
    name: 'Anthropic Admin API key',
    category: 'secret',
    description: 'Anthropic Admin API key: `sk-ant-admin` + two-digit version + `-` + 80-120 URL-safe characters.',
    trigger: { keywords: ['sk-ant-admin'] },
    pattern: /(?<![A-Za-z0-9])sk-ant-admin[0-9]{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-geQ3ipqUKkz6_Kku8jEKpyorfPebTXR32SBDSoT8OA06Z1snpO9nGI4gpYjciL5qphOTapn9gv1DhvI_VVn5iD-XKNs_fAA',
        'curl https://api.anthropic.com/v1/organizations/users -H "x-api-key: sk-ant-admin01-Wb6yh4nacZOLyITiP60-6CP4Emqo9RDnhNbC_NM8E3S_54qWC23lJHti71bBx46A6B40xHv6r_TKutd4jH04z8h2-txhWAA"',
      ],
      negative: ['ANTHROPIC_ADMIN_KEY=sk-ant-admin01-', 'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-<key>'],
    },
  },
  {
    id: 'google-api-key',
    name: 'Google API key (Google AI / Gemini, Google Cloud, Maps)',
    category: 'secret',
    description:
      'Google API key (Gemini / Google AI Studio, Google Cloud, Firebase, Maps): `AIza` followed by 35 URL-safe characters.',
    trigger: { keywords: ['AIza'] },
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'export GEMINI_API_KEY=AIzaSytJdqQePGwi--MqpZ-QqKVv8x02wJ2yFog',
        'https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-pro:generateContent?key=AIzaSyk7O5roE-YcKr8vIqSnbG3EeuQ-VJt6CfF',
      ],
      negative: ['GEMINI_API_KEY=AIzaSy', 'GEMINI_API_KEY=AIzaSy9ftn_KZYsSURDxLkNOy8psj_MUkNgs'],
    },
  },
  {
    id: 'xai-api-key',
    name: 'xAI (Grok) API key',
    category: 'secret',
    description: 'xAI (Grok) API key: `xai-` followed by 60-100 alphanumeric characters.',
    trigger: { keywords: ['xai-'] },
    pattern: /(?<![A-Za-z0-9])xai-[A-Za-z0-9]{60,100}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'XAI_API_KEY=xai-87IXzHMvAL5bs80wCMtP8zoqrgQeRqUn7ACBExlyYjc4hXNvxfADuolZCFou138S2iyRYsusr6lUmXkq',
        'client = Client(api_key="xai-HCJeBQIuOkp5wzBh3TLU286xPnmbFyYK9eer57w1xuxYsF4FjjSFXDs06p6WfbchA6YQf2Ewz7DicxvF")  # grok-2',
      ],
      negative: ['XAI_API_KEY=xai-abc', 'XAI_API_KEY=xai-<key>'],
    },
  },
  {
    id: 'azure-openai-api-key',
    name: 'Azure OpenAI API key',
    category: 'secret',
    description:
      'Azure OpenAI resource key: 32 hex characters; no prefix, so it requires an Azure OpenAI context word.',
    trigger: { keywords: ['azure_openai', 'azure openai', 'openai.azure.com', 'azureopenai'] },
    pattern: /(?<![A-Za-z0-9_+/-])[a-f0-9]{32}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: (value) => /[a-f]/.test(value) && /[0-9]/.test(value),
    context: ['azure_openai', 'azure openai', 'openai.azure.com', 'azureopenai'],
    requiresContext: true,
    examples: {
      positive: [
        'AZURE_OPENAI_API_KEY=43468bd97f7797168d8b7a16bfab6418\nAZURE_OPENAI_ENDPOINT=https://acme.openai.azure.com/',
        'curl https://acme.openai.azure.com/openai/deployments/gpt4o/chat/completions -H "api-key: 8089f9d66af789506159648641d8193c"',
      ],
      negative: ['AZURE_OPENAI_API_KEY=d984789a79b9967e2bd7337f13f24', 'AZURE_OPENAI_API_KEY=<resource key>'],
    },
  },
  {
    id: 'mistral-api-key',
    name: 'Mistral AI API key',
    category: 'secret',
    description:
      'Mistral AI API key: 32 alphanumeric characters with mixed case and digits; no prefix, so it requires a Mistral context word.',
    trigger: { keywords: ['mistral'] },
    pattern: /(?<![A-Za-z0-9_+/-])[A-Za-z0-9]{32}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: isMixedAlnum,
    context: ['mistral'],
    requiresContext: true,
    examples: {
      positive: [
        'export MISTRAL_API_KEY=HjFolpeXYKVbar6Ofz5vP85gTjxcdC0x',
        'client = Mistral(api_key="K4rCfpEqlHtzDjy2VNXJePaTr0muWAIL")',
      ],
      negative: [
        'MISTRAL_API_KEY=g7Ri4oaKodC6CLc38pYXxRJ2McZbn',
        'mistral model hash 9fceb02d0ae598e95dc970b74767f193',
      ],
    },
  },
  {
    id: 'cohere-api-key',
    name: 'Cohere API key',
    category: 'secret',
    description:
      'Cohere API key: 40 alphanumeric characters with mixed case and digits; no prefix, so it requires a Cohere context word.',
    trigger: { keywords: ['cohere', 'co_api_key'] },
    pattern: /(?<![A-Za-z0-9_+/-])[A-Za-z0-9]{40}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: isMixedAlnum,
    context: ['cohere', 'co_api_key'],
    requiresContext: true,
    examples: {
      positive: [
        'export COHERE_API_KEY=oRkz9FPB8o1cdFOcrugiu4bVzWVlI16tfxL96Cw9',
        'co = cohere.ClientV2("tThThU6tBQ5uwURqS7HmA7ZOWTOG0aC1ZvAG21gp")',
      ],
      negative: [
        'COHERE_API_KEY=Z5CpqWlz7YHP0189CTK5F9ZMZ1XnoC2VcxZyN',
        'cohere commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      ],
    },
  },
  {
    id: 'deepseek-api-key',
    name: 'DeepSeek API key',
    category: 'secret',
    description:
      'DeepSeek API key: `sk-` followed by 32 hex characters; the prefix is shared, so it requires a DeepSeek context word.',
    trigger: { keywords: ['deepseek'] },
    pattern: /(?<![A-Za-z0-9-])sk-[a-f0-9]{32}(?![A-Za-z0-9_-])/g,
    confidence: 'medium',
    context: ['deepseek'],
    requiresContext: true,
    examples: {
      positive: [
        'DEEPSEEK_API_KEY=sk-e429bec89c516f4fe6fe736c7f422ee9',
        'client = OpenAI(api_key="sk-ff71f759f6b70fe11279f67d2bb6c534", base_url="https://api.deepseek.com")',
      ],
      negative: ['DEEPSEEK_API_KEY=sk-abc', 'DEEPSEEK_API_KEY=sk-ead85d016ac19b15207f7e620508b'],
    },
  },
];
