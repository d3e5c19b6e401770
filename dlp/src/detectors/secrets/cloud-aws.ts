import type { Detector } from '../../types.ts';
import { isAwsSecretKey, isMixedAlnum } from './validators.ts';

const AWS_SECRET_CONTEXT = [
  'aws_secret_access_key',
  'aws_secret_key',
  'secret_access_key',
  'secretaccesskey',
  'aws secret',
  'aws_access_key_id',
  'akia',
  'asia',
];

export const awsDetectors: Detector[] = [
  {
    id: 'aws-access-key-id',
    name: 'AWS access key ID',
    category: 'secret',
    description:
      'AWS access key ID: `AKIA` (long-term), `ASIA` (temporary), `ABIA` or `ACCA` + 16 base32 characters (20 in all).',
    trigger: { keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'] },
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/g,
    confidence: 'high',
    context: ['aws', 'access_key', 'access key'],
    examples: {
      positive: [
        'export AWS_ACCESS_KEY_ID=AKIACYWONJ76CUBXDRCV',
        '[default]\naws_access_key_id = ASIAQ7V6AT7VOTRZABMX',
      ],
      negative: ['AWS_ACCESS_KEY_ID=AKIA1234', 'role ARN arn:aws:iam::123456789012:role/AKIAdeploy'],
    },
  },
  {
    id: 'aws-secret-access-key',
    name: 'AWS secret access key',
    category: 'secret',
    description:
      'AWS secret access key: 40 base64 characters with mixed case and digits; has no prefix, so it needs an AWS secret key name or an access key ID nearby (requires context).',
    trigger: { keywords: ['aws', 'secret_access_key', 'secretaccesskey', 'AKIA', 'ASIA'] },
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    confidence: 'medium',
    validate: isAwsSecretKey,
    context: AWS_SECRET_CONTEXT,
    requiresContext: true,
    examples: {
      positive: [
        'export AWS_ACCESS_KEY_ID=ASIAJ5G2XFS2Z2CL4WPM\nexport AWS_SECRET_ACCESS_KEY=jyim9UDUSBCTrXyKZWDTeiNQhjITcbApIr1LRr5q',
        '[prod]\naws_secret_access_key = 8Nz5OqE1Ku26gvZJtjzm0rme3Y8J5CoyZUCUpRfX\nregion = eu-west-1',
      ],
      negative: [
        'aws_secret_access_key = 4f9d2c1b8a7e6d5c4b3a29187f6e5d4c3b2a1908',
        'aws_secret_access_key = wMWdgZ2ZqJ+p76zFt2rMok9pDDq31LxWoDFCJ',
      ],
    },
  },
  {
    id: 'aws-session-token',
    name: 'AWS session token',
    category: 'secret',
    description:
      'AWS STS session token: base64 starting `IQoJb3JpZ2luX2Vj` (an encoded `origin_ec` field), hundreds of characters long.',
    trigger: { keywords: ['IQoJb3JpZ2luX2Vj'] },
    pattern: /(?<![A-Za-z0-9/+])IQoJb3JpZ2luX2Vj[A-Za-z0-9/+]{100,1400}={0,2}(?![A-Za-z0-9/+=])/g,
    confidence: 'high',
    window: 1500,
    examples: {
      positive: [
        'export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2Vjph3hmtRMk1ROmX0OOWHSACan/t6tetEGcw3NsbPo/yF1tHi+7AGDXZF17WTSTNV4A8fbN0uyxf3a7uc532dr1Hv6J9m+5R/oaf0SEtkqBIZO0y/is85T7PfrgLkfw/dTGlAuOAOBHStVCy9cka7N/YtYwt0HvXPELecfknbCZT6sbZsOAW71eZCWOxB4uiEtZ/a1xMV8aZ55N1WvBaxFaWMpRSCDbCa0uLkfVX7zrR8rNe37E/rNqSj8FvEa2loP1xAXVoDk9ONkq+XdAMkZUNNpcZ7EY0oFzya+RzxFq+4eMj7n8kusi5FNina92Uyyar6sBQOHG3Y6MQ//b5nOQx',
        '"SessionToken": "IQoJb3JpZ2luX2VjNNF82exEhZvG+UAsfAH3tI3Mmvqt6QDlKR6/t/AjM+ONU1Bwn7WSHuuQVwdroBr8cQQ9BGnRdS4fmk3RGZRROf61TKb/C7OgM+LKznUqhpOT1J38MsVcl7ocY328TRTFqgzlFiKWROhEK9tXPkDh8W+ZbymImovmShBb0wmXA1YX+awLFvEmwrQjbN9/BsriYINW2eijZ2EEMb+CyhjBqVSd4uYVXXlJvUx15qj/ByM2Ka5Fc9C7vo21YbX1zC++aLpkjIdQMZvtESvaRISmoABWffGwABms28Mk9wEEfJvXuZsWc6gjPBqxTqi0JvWg1D5h+RnOwURtP5r9yTOMt56O/yCjVlxQAJoIG+SmqUjbHdKG9s",',
      ],
      negative: ['AWS_SESSION_TOKEN=IQoJb3JpZ2luX2Vj', 'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjE…'],
    },
  },
  {
    id: 'aws-mws-auth-token',
    name: 'Amazon MWS auth token',
    category: 'secret',
    description: 'Amazon Marketplace Web Service auth token: `amzn.mws.` followed by a UUID.',
    trigger: { keywords: ['amzn.mws.'] },
    pattern: /(?<![A-Za-z0-9.])amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/g,
    confidence: 'high',
    examples: {
      positive: [
        'MWS_AUTH_TOKEN=amzn.mws.83586b16-268f-468f-915b-485d7acde082',
        'MWSAuthToken: amzn.mws.9eb890f5-1a4b-48ce-a050-1031e662ee89',
      ],
      negative: ['MWS_AUTH_TOKEN=amzn.mws.1234', 'see amzn.mws.<auth-token> in the seller console'],
    },
  },
  {
    id: 'alibaba-access-key-id',
    name: 'Alibaba Cloud AccessKey ID',
    category: 'secret',
    description: 'Alibaba Cloud AccessKey ID: `LTAI` followed by 12-20 alphanumeric characters.',
    trigger: { keywords: ['LTAI'] },
    pattern: /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])/g,
    confidence: 'high',
    validate: (value) => /[0-9]/.test(value.slice(4)),
    context: ['alibaba', 'aliyun', 'accesskey'],
    examples: {
      positive: [
        'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAILYl3yoveqc3mAybz',
        'aliyun configure --access-key-id LTAIi9AXRwaprvC2qNfLHsbw',
      ],
      negative: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5t', 'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI_key_here'],
    },
  },
  {
    id: 'alibaba-access-key-secret',
    name: 'Alibaba Cloud AccessKey secret',
    category: 'secret',
    description:
      'Alibaba Cloud AccessKey secret: 30 alphanumeric characters with mixed case and digits; no prefix, so it requires an Alibaba context word.',
    trigger: { keywords: ['alibaba', 'aliyun', 'access_key_secret', 'accesskeysecret'] },
    pattern: /(?<![A-Za-z0-9_+/-])[A-Za-z0-9]{30}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: isMixedAlnum,
    context: ['alibaba', 'aliyun', 'access_key_secret', 'accesskeysecret', 'ltai'],
    requiresContext: true,
    examples: {
      positive: [
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=zk932tdYK6RAiJ7OhTy2LkjmBn6RMu',
        'aliyun configure --access-key-secret w9Q7hEYbyiFf1UQwiq6wd5YOnSi3QL',
      ],
      negative: [
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=abcdefghijklmnopqrstuvwxyzabcd',
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=tkqJm9pzxUVrJU1m1C8MfK66LEh',
      ],
    },
  },
  {
    id: 'tencent-secret-id',
    name: 'Tencent Cloud SecretId',
    category: 'secret',
    description: 'Tencent Cloud API SecretId: `AKID` followed by 32 alphanumeric characters.',
    trigger: { keywords: ['AKID'] },
    pattern: /(?<![A-Za-z0-9])AKID[A-Za-z0-9]{32}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'TENCENTCLOUD_SECRET_ID=AKIDb5kgyJmBmIlMbLro8QBwp6yLoIqsw1v6',
        'tccli configure set secretId AKIDNh386kxzHabNBizrjrBUieT9RsgP3aoP',
      ],
      negative: ['TENCENTCLOUD_SECRET_ID=AKID1234', 'TENCENTCLOUD_SECRET_ID=AKID4M7sLHPWCeThRvC9suTjS7BrUKhSC'],
    },
  },
  {
    id: 'ibm-cloud-api-key',
    name: 'IBM Cloud API key',
    category: 'secret',
    description:
      'IBM Cloud IAM API key: 44 URL-safe characters with mixed case and digits; no prefix, so it requires an IBM Cloud context word.',
    trigger: { keywords: ['ibmcloud', 'ibm_cloud', 'ibm cloud', 'ic_api_key', 'ibm-cloud'] },
    pattern: /(?<![A-Za-z0-9_+/-])[A-Za-z0-9_-]{44}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: isMixedAlnum,
    context: ['ibmcloud', 'ibm_cloud', 'ibm cloud', 'ic_api_key', 'ibm-cloud'],
    requiresContext: true,
    examples: {
      positive: [
        'export IBMCLOUD_API_KEY=PDc1dbKlh4C32trsZ9TbkQBbzunz5PqBVcLhN-pEbMV2',
        'ibmcloud login --apikey WAu1xl1oHry2YYe8hOvRKRK3JXDD7bndpMUSI62Kp-Lj -r us-south',
      ],
      negative: [
        'IBMCLOUD_API_KEY=NPYDY6TvwKoSn00nghrGAVC_hV3oq-bCVHlMqz9Tf',
        'ibmcloud login --apikey abcdefghijabcdefghijabcdefghijabcdefghijabcd',
      ],
    },
  },
];
