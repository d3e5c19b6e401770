import type { Detector } from '../../types.ts';

export const atlassianDetectors: Detector[] = [
  {
    id: 'atlassian-api-token',
    name: 'Atlassian API token',
    category: 'secret',
    description: 'Atlassian (Jira, Confluence) API token: `ATATT3` followed by about 180 URL-safe base64 characters.',
    trigger: { keywords: ['ATATT3'] },
    pattern: /(?<![A-Za-z0-9])ATATT3[A-Za-z0-9_=-]{100,250}(?![A-Za-z0-9_=-])/g,
    confidence: 'high',
    window: 600,
    examples: {
      positive: [
        'JIRA_API_TOKEN=ATATT3xFfGF0DBtOhPsMhkbCXp6XgufWtOWJEIMC6N_TPvdLCrQ4EDNY2TgabbEMGdWsyGcfJTbESJkxYtOW5yDstBRczvemKFtMwpJ0iXojNXZovwuryQqYCrNEIjmKntkkBP3bK-ATm0uSq_JgwPT61coqeSvAdddvwsJ-Ozm02ncCGnjbFO=C5C910CC',
        'curl -u ops@acme.io:ATATT3xFfGF0ZOdqUETph9tPJ23ot3Kfg_J5a2xBt7Lr3g1YnoIND5xFi_bdVFZb0ZlWfV5u983AKSYDR0_nrBNUMieuBjsZ4v39gFORbJpv07KFw4Ha3whjhnAVAdnG72lvkS6lVU8xnrFW6vvGBvEduXBG6UZ9XGcTLSaA2u8W5GRXZlO8Jf=72313B28 https://acme.atlassian.net/rest/api/3/myself',
      ],
      negative: ['JIRA_API_TOKEN=ATATT3xFfGF0', 'JIRA_API_TOKEN=ATATT3…(truncated)'],
    },
  },
  {
    id: 'bitbucket-app-password',
    name: 'Bitbucket app password',
    category: 'secret',
    description: 'Bitbucket Cloud app password: `ATBB` followed by 28-60 URL-safe characters.',
    trigger: { keywords: ['ATBB'] },
    pattern: /(?<![A-Za-z0-9])ATBB[A-Za-z0-9_=-]{28,60}(?![A-Za-z0-9_=-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'git clone https://deploy-bot:ATBBzBtE9EEzzYw4rKVu0DYS9TN5D4D90F4E@bitbucket.org/acme/web.git',
        'BITBUCKET_APP_PASSWORD=ATBB6gG6P6QiCXAOiKOoTdcLp9i6FB583D3B',
      ],
      negative: ['BITBUCKET_APP_PASSWORD=ATBB12345', 'ATBBQ is not a token'],
    },
  },
  {
    id: 'bitbucket-access-token',
    name: 'Bitbucket repository/workspace access token',
    category: 'secret',
    description:
      'Bitbucket Cloud repository, project or workspace access token: `ATCTT3` followed by about 180 URL-safe characters.',
    trigger: { keywords: ['ATCTT3'] },
    pattern: /(?<![A-Za-z0-9])ATCTT3[A-Za-z0-9_=-]{100,250}(?![A-Za-z0-9_=-])/g,
    confidence: 'high',
    window: 600,
    examples: {
      positive: [
        'Authorization: Bearer ATCTT3xFfGN0doy1mDQ_xCT-wvUQMNjCvPe0l_zR4u08BX0sykETJJe0YXsvGBcc_F8dtgtRARcUpRDSxzJm0m_WcDPADwcbjCgl208Qnc7IXB53t991-AvrWQXk1_n5eLfGQT1mgJQr0dH_BhH_oez9NSH2yd8RLIUfm3QPNf3Uu-Pvi-6J8R=CCB6EB78',
        'BITBUCKET_ACCESS_TOKEN="ATCTT3xFfGN0hZNvaDrcMrNao4GVZNPLsfjP9lb4xmJ32wc3hy8tlu5CLNNjW3pu4eJpjGK7dkSD_6UNw3ADAE8PBfqSW3YZE2iq3FY2bFraW_JqUgEDMhwjGPNSP0_Xg6pOlReDFbbmKZSzXl7BpeaqBHZBTrxnlUxnO-6jL-5xtZ0VTVbJXq=935E0342"',
      ],
      negative: ['BITBUCKET_ACCESS_TOKEN="ATCTT3xFfGN0"', 'Authorization: Bearer ATCTT3-short'],
    },
  },
];
