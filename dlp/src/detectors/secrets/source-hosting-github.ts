import type { Detector } from '../../types.ts';
import { verifyBase62Crc32Token } from './checksums.ts';

/** The five GitHub token kinds that share the `gh?_` + 30 base62 + 6-character CRC-32 checksum layout. */
function githubToken(prefix: string, id: string, name: string, positive: string[], negative: string[]): Detector {
  return {
    id,
    name,
    category: 'secret',
    description: `${name}: \`${prefix}\` + 30 base62 characters + a 6-character base62 CRC-32 checksum of them, verified.`,
    trigger: { keywords: [prefix] },
    pattern: new RegExp(`(?<![A-Za-z0-9])${prefix}[A-Za-z0-9]{36}(?![A-Za-z0-9])`, 'g'),
    confidence: 'high',
    validate: (value) => verifyBase62Crc32Token(value, 4),
    examples: { positive, negative },
  };
}

export const githubDetectors: Detector[] = [
  githubToken(
    'ghp_',
    'github-pat-classic',
    'GitHub personal access token (classic)',
    [
      'export GITHUB_TOKEN=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',
      'git remote set-url origin https://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@github.com/acme/billing.git',
    ],
    ['GITHUB_TOKEN=ghp_HNGjwMnQCmbHRejZBF6I7r3hDSef1q1DFyeN', 'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  ),
  githubToken(
    'gho_',
    'github-oauth-token',
    'GitHub OAuth access token',
    [
      'curl -H "Authorization: token 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" https://api.github.com/user',
      'oauth_token: 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',
    ],
    ['oauth_token: gho_5DKtAWCraqc3DaR8L8HqFz4f8dxfnN2OeHQG', 'oauth_token: gho_Lq6KJqnLZIwfk2Ed7XMooOL3bPW3sF0CY'],
  ),
  githubToken(
    'ghu_',
    'github-user-to-server-token',
    'GitHub App user-to-server token',
    [
      '{"access_token":"ghu_3JbT5f6xCVAs2ymA7faysZfUyKcDCs0y3gNv","token_type":"bearer"}',
      'GH_USER_TOKEN=ghu_IJxrymhvJNziCLT2ghixbNNukfs7Wr3bdHsg',
    ],
    ['GH_USER_TOKEN=ghu_t22j0CPj2LsQRf78bcDwAmWeMSpbCY3BMP9J', 'GH_USER_TOKEN=ghu_<token>'],
  ),
  githubToken(
    'ghs_',
    'github-server-to-server-token',
    'GitHub App installation (server-to-server) token',
    [
      'Authorization: Bearer ghs_kwPpXD4wtCZvQL3jLV4tiQi28nSp9j1ZrvIL',
      'installation token ghs_Ya0JmJl3cIElKR0ejKrz5daCRJeXy31R47v8 expires in 1h',
    ],
    ['Authorization: Bearer ghs_euFDVYSPExhIZtoj7sVwlPXRChRmDa3AvbUC', 'Authorization: Bearer ghs_0000'],
  ),
  githubToken(
    'ghr_',
    'github-refresh-token',
    'GitHub App refresh token',
    [
      '"refresh_token": "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"',
      'GITHUB_REFRESH=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 # rotate monthly',
    ],
    ['"refresh_token": "ghr_fz4qFNJPJJYmvp5HPFwci2v0cHpQBZ0vN9ns"', '"refresh_token": "ghr_abc"'],
  ),
  {
    id: 'github-pat-fine-grained',
    name: 'GitHub fine-grained personal access token',
    category: 'secret',
    description:
      'GitHub fine-grained personal access token: `github_pat_` + 22 base62 characters + `_` + 59 base62 characters.',
    trigger: { keywords: ['github_pat_'] },
    pattern: /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'GH_TOKEN=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 gh pr list',
        '[credential]\n  token = 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',
      ],
      negative: [
        'GH_TOKEN=github_pat_OLqMmm0ltkvpzLrZg4Zpgv_B2JhonVSDctm8kSSDSMVxdRWzSt3IwuNiDcgRMtlqShpiEPC15X41Wke',
        'GH_TOKEN=github_pat_<fine-grained token>',
      ],
    },
  },
];
