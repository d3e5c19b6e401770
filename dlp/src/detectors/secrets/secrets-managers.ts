import type { Detector } from '../../types.ts';
import { verifyBech32 } from './checksums.ts';
import { isBase64JsonObject } from './validators.ts';

export const secretsManagerDetectors: Detector[] = [
  {
    id: 'vault-service-token',
    name: 'HashiCorp Vault service token',
    category: 'secret',
    description: 'HashiCorp Vault service token: `hvs.` followed by 24-200 URL-safe characters.',
    trigger: { keywords: ['hvs.'] },
    pattern: /(?<![A-Za-z0-9.])hvs\.[A-Za-z0-9_-]{24,200}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    window: 400,
    examples: {
      positive: [
        'export VAULT_TOKEN=hvs.ypGv5OjETK_tyhT5-ZmbCaRwr-yoIo0Xum_T0NpdzR9ZlulGCumt7kIDALsTwkBhjZCAPpqYBu0z8XJdxTy2RkjTSD4',
        'curl -H "X-Vault-Token: hvs.iMLY0YHZ4GTrmIayaoYQm7Tb7AMBlP6tq4NlLRrUU_CSkrzICK3pisJEk5vjI8pasOp9XGGKNX6xnSXghSYkrJ2WUgV" https://vault.acme.io/v1/secret/data/app',
      ],
      negative: ['VAULT_TOKEN=hvs.abc', 'VAULT_TOKEN=hvs.<token>'],
    },
  },
  {
    id: 'vault-batch-token',
    name: 'HashiCorp Vault batch token',
    category: 'secret',
    description: 'HashiCorp Vault batch token: `hvb.` followed by 24-400 URL-safe characters.',
    trigger: { keywords: ['hvb.'] },
    pattern: /(?<![A-Za-z0-9.])hvb\.[A-Za-z0-9_-]{24,400}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    window: 600,
    examples: {
      positive: [
        'VAULT_TOKEN=hvb.7OkxgfLAkbmAQqIvMYwt6ycs9ui-wJDIf_OQnI_EL022NRWovsrpUjAhcoK2chL156GQbv5IEIhPoTOcxrVrV2Niw0blR9DYRqAfG4mR2tq-r5JqybCEZsKF5KTQsclJl0YCdo',
        '{"auth": {"client_token": "hvb.X0fjelpibz9PMSX29hE--CnR6oiljku6-2bdKLMd24Cih4Fx9nzCFs079G9XM5kVtDW54qCd-6Sw0ol6IyvJMYVbiY6jJfSbtu6RN4iYhYsjxlc9T_NC7chSX0nmTXl_qEnnCN", "renewable": false}}',
      ],
      negative: ['VAULT_TOKEN=hvb.x', 'VAULT_TOKEN=hvb.…'],
    },
  },
  {
    id: 'vault-legacy-token',
    name: 'HashiCorp Vault token (legacy format)',
    category: 'secret',
    description:
      'HashiCorp Vault token in the pre-1.10 format: `s.` followed by 24 alphanumeric characters; the prefix is short, so it requires a Vault context word.',
    trigger: { keywords: ['vault'] },
    pattern: /(?<![A-Za-z0-9.])s\.[A-Za-z0-9]{24}(?![A-Za-z0-9])/g,
    confidence: 'medium',
    validate: (value) => /[A-Z]/.test(value) && /[a-z]/.test(value.slice(2)) && /[0-9]/.test(value),
    context: ['vault'],
    requiresContext: true,
    examples: {
      positive: ['export VAULT_TOKEN=s.mDHcOIxjFvIbf1OIwKIg2XJ4', 'vault login s.bxUuLaHxPe0niCpzeyhzLqEb'],
      negative: ['VAULT_TOKEN=s.abc123', 'vault docs: see s.HashicorpVaultOverview'],
    },
  },
  {
    id: 'doppler-personal-token',
    name: 'Doppler personal token',
    category: 'secret',
    description: 'Doppler personal token: `dp.pt.` followed by 40-44 alphanumeric characters.',
    trigger: { keywords: ['dp.pt.'] },
    pattern: /(?<![A-Za-z0-9.])dp\.pt\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'DOPPLER_TOKEN=dp.pt.cwJ6hWXYGh2D9DF2cZyXizjfAI67DWlPOyO1qhPOOXj',
        'doppler configure set token dp.pt.6jYCawQzVcs2UlRx4M5gvUYJvjycaUC4qPJyIb32Dc8',
      ],
      negative: ['DOPPLER_TOKEN=dp.pt.abc', 'DOPPLER_TOKEN=dp.pt.<token>'],
    },
  },
  {
    id: 'doppler-service-token',
    name: 'Doppler service token',
    category: 'secret',
    description:
      'Doppler service token: `dp.st.`, an optional config name and `.`, then 40-44 alphanumeric characters.',
    trigger: { keywords: ['dp.st.'] },
    pattern: /(?<![A-Za-z0-9.])dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'DOPPLER_TOKEN=dp.st.bswRm8lzHrhb5kquNUjwFDO4uK230j0hZTGYn7IMZIH doppler run -- npm start',
        'docker run -e DOPPLER_TOKEN="dp.st.Qxw0RoStuJsCaGBtZWDqzoLvBUNhRyb3JiJ2SXqCB6S" acme/api',
      ],
      negative: ['DOPPLER_TOKEN=dp.st.prd.abc', 'DOPPLER_TOKEN=dp.st.'],
    },
  },
  {
    id: 'doppler-cli-token',
    name: 'Doppler CLI token',
    category: 'secret',
    description: 'Doppler CLI token: `dp.ct.` followed by 40-44 alphanumeric characters.',
    trigger: { keywords: ['dp.ct.'] },
    pattern: /(?<![A-Za-z0-9.])dp\.ct\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        '~/.doppler/.doppler.yaml:\n  token: dp.ct.TdrPBVLJjrlBpqGzYK8MjceFWZR0658VAS1oQnqePDL',
        'DOPPLER_TOKEN=dp.ct.jSsuD30O7YJ6qxEOQD4rgPj8CvNbTfqu1o1NF4Qib0m',
      ],
      negative: ['DOPPLER_TOKEN=dp.ct.1', 'DOPPLER_TOKEN=dp.ct.…'],
    },
  },
  {
    id: 'doppler-service-account-token',
    name: 'Doppler service account token',
    category: 'secret',
    description: 'Doppler service account token: `dp.sa.` followed by 40-44 alphanumeric characters.',
    trigger: { keywords: ['dp.sa.'] },
    pattern: /(?<![A-Za-z0-9.])dp\.sa\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'DOPPLER_TOKEN=dp.sa.sqeT9hhAdtMLSE00i3q73ZIbnyjYdcGLvKol3wuBmU6',
        'Authorization: Bearer dp.sa.zxvkcPXQPV25tzRD1ppXhZcAbntbPCSo9U5gKE6p9AX',
      ],
      negative: ['DOPPLER_TOKEN=dp.sa.x1', 'DOPPLER_TOKEN=dp.sa.<token>'],
    },
  },
  {
    id: 'onepassword-service-account-token',
    name: '1Password service account token',
    category: 'secret',
    description:
      '1Password service account token: `ops_` followed by base64 that decodes to a JSON object (decoded and checked).',
    trigger: { keywords: ['ops_eyJ'] },
    pattern: /(?<![A-Za-z0-9])ops_eyJ[A-Za-z0-9+/_-]{100,1200}={0,2}(?![A-Za-z0-9+/=_-])/g,
    confidence: 'high',
    validate: (value) => isBase64JsonObject(value.slice(4)),
    window: 1300,
    examples: {
      positive: [
        'export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiYWNtZS4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoiZnQ1QTZyajZCNnZhaVhjTVJ2YTNGbiJ9LCJlbWFpbCI6ImRzcGFzanBpMDR5OHRAMXBhc3N3b3Jkc2VydmljZWFjY291bnRzLmNvbSIsInNycFgiOiIxMTIzMTAyMGI5ODAxM2Y1YWZmNmJkN2FmNjYyMTBhODU2OGVmYzA5ZDcyOTlmZmU1NWEyMWY0NzdjODY2YzUxIiwibXVrIjp7ImFsZyI6IkEyNTZHQ00iLCJleHQiOnRydWUsImsiOiJodFJtRzZPQl9ZZGtwRDFFcEZpckJwb1k3ak1wVUZLU1RxeFRIaTFiSTNmIiwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtSjA3SlFELVY4SFNRUyIsImRldmljZVV1aWQiOiJka3praHByYm1uMDlwZDN3NjNhNWc0YTQ1NyJ9',
        'OP_SERVICE_ACCOUNT_TOKEN: "ops_eyJzaWduSW5BZGRyZXNzIjoiYWNtZS4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoiRGZjSGtpYUVia3dkRzNzb3ZIMEtobCJ9LCJlbWFpbCI6Imo2NWowcDVybThoeGxAMXBhc3N3b3Jkc2VydmljZWFjY291bnRzLmNvbSIsInNycFgiOiJmZDY3ZGY3NDUzYzA2OGY2NjRlNzI4NzY5YjUxMmM0NDQwYTViYmVhZWYzOWUxNTE1ZjUxMDRjMDM0ZjA2NGVlIiwibXVrIjp7ImFsZyI6IkEyNTZHQ00iLCJleHQiOnRydWUsImsiOiJWcUNLQ2VCNzl2MV9GLTVKdi0ySUdQODlUTGJPQnRFa09QNDI5aDY0cHVaIiwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtQzlRWVlBLVAzVEIzWSIsImRldmljZVV1aWQiOiI4amVwdjVqcjdsajdnenRhbGRkZHA0MWRyeSJ9"',
      ],
      negative: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJhbGciOi', 'OP_SERVICE_ACCOUNT_TOKEN=ops_<token>'],
    },
  },
  {
    id: 'onepassword-secret-key',
    name: '1Password account Secret Key',
    category: 'secret',
    description: '1Password account Secret Key: `A3-` then six groups of upper-case letters and digits (6-6-5-5-5-5).',
    trigger: { keywords: ['A3-'] },
    pattern:
      /(?<![A-Za-z0-9-])A3-[A-Z0-9]{6}-[A-Z0-9]{6}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])/g,
    confidence: 'high',
    examples: {
      positive: [
        '1Password emergency kit\nSecret Key: A3-TU2YAF-AORR6H-Q0DBO-RPNSF-JH8OS-JXLNC',
        'OP_SECRET_KEY=A3-WGLMSE-NULD2C-BNVZL-0NVWP-S0X6N-S4UAW',
      ],
      negative: ['paper size A3-portrait', 'OP_SECRET_KEY=A3-ABC123-DEF456'],
    },
  },
  {
    id: 'age-secret-key',
    name: 'age secret key',
    category: 'secret',
    description:
      'age (file encryption) secret key: `AGE-SECRET-KEY-1` + 58 Bech32 characters, Bech32 checksum verified.',
    trigger: { keywords: ['AGE-SECRET-KEY-1'] },
    pattern: /(?<![A-Za-z0-9])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Za-z0-9])/g,
    confidence: 'high',
    validate: verifyBech32,
    examples: {
      positive: [
        '# created: 2025-03-01T10:00:00Z\n# public key: age1acme\nAGE-SECRET-KEY-19GKKXX3CVZHHCTX544U0UZADAVWGGT0TQ5FN33QQCVWN09JFAGPQSVYAFU',
        'SOPS_AGE_KEY=AGE-SECRET-KEY-18HTVWMRJHLAFV9KF6G6MRMZ02SW8SXFQG765PM8ENG7JV43LD40SA9ZK4C',
      ],
      negative: [
        'SOPS_AGE_KEY=AGE-SECRET-KEY-1JV5KEV9RC86YV6YZADD6C72VVTRFZRCAXAPH4KD6NN0SCKCDCQ7SX2TPEP',
        'SOPS_AGE_KEY=AGE-SECRET-KEY-1…',
      ],
    },
  },
  {
    id: 'pulumi-access-token',
    name: 'Pulumi access token',
    category: 'secret',
    description: 'Pulumi Cloud access token: `pul-` followed by 40 hex characters.',
    trigger: { keywords: ['pul-'] },
    pattern: /(?<![A-Za-z0-9])pul-[a-f0-9]{40}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'export PULUMI_ACCESS_TOKEN=pul-8df61a8dea9b42178cc75a100071896511c522f9',
        'pulumi login --token pul-b000d27886f0ae99f30c785ff0a47c9b4410c155',
      ],
      negative: ['PULUMI_ACCESS_TOKEN=pul-abc', 'PULUMI_ACCESS_TOKEN=pul-d2d97d16b1d81cca748538f0f9ac8875b9bc0'],
    },
  },
  {
    id: 'terraform-cloud-token',
    name: 'Terraform Cloud / HCP Terraform API token',
    category: 'secret',
    description: 'Terraform Cloud API token: 14 alphanumeric characters + `.atlasv1.` + 60-70 URL-safe characters.',
    trigger: { keywords: ['.atlasv1.'] },
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'credentials "app.terraform.io" {\n  token = "44gtSXTf0t6tJ5.atlasv1.MuCmWSZhjcG6cg8gbXVxc3oc3eusJw_sL3TsV2Aa6ogf00LZdXXDCoBtoNI6kko4L1C"\n}',
        'TF_TOKEN_app_terraform_io=TIoSfeNRfM3CzX.atlasv1.8I_2LKdGXcNaD0kvfF9JikgU4VuJl6c5JatQ4ti1RxNHCczfpZFIEq58EWuGJ0wtG2u',
      ],
      negative: ['token = "abc.atlasv1.def"', 'TF_TOKEN_app_terraform_io=aB3dE5gH7jK9mN.atlasv1.'],
    },
  },
];
