import type { Detector } from '../../types.ts';
import { isAzureSasSignature } from './validators.ts';

export const azureDetectors: Detector[] = [
  {
    id: 'azure-storage-account-key',
    name: 'Azure storage account key (connection string)',
    category: 'secret',
    description:
      'Azure storage account key inside a connection string: `AccountKey=` followed by 86 base64 characters and `==` (64 bytes).',
    trigger: { keywords: ['AccountKey='] },
    pattern: /AccountKey=(?<value>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/g,
    confidence: 'high',
    examples: {
      positive: [
        'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmesunuvr;AccountKey=sZwVyGEYzOQln1bEYLOU4hpQCYVvNh3Nwokt1Qs2/kOmQWOLZ/9ioLJHqmTASmB5faDP6rvYy6UcQXqUeTmYdQ==;EndpointSuffix=core.windows.net"',
        '"ConnectionStrings": { "Blob": "DefaultEndpointsProtocol=https;AccountName=acmervnrfw;AccountKey=tyF7DpqewU6m+EhCT/jiSF7hJYuEWXQ7u/1HWYhe9mtXHM7wCHKkBilMRPe2RI6Db5jA6Fn/7KBTcAw0TTMlbA==;EndpointSuffix=core.windows.net" }',
      ],
      negative: [
        'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=abc==;EndpointSuffix=core.windows.net',
        'AccountKey=<storage-account-key>',
      ],
    },
  },
  {
    id: 'azure-sas-token',
    name: 'Azure shared access signature',
    category: 'secret',
    description:
      'Azure SAS token: the `sig=` parameter, URL-encoded base64 of a 32-byte HMAC-SHA256 (decoded and length-checked), next to `sv=`/`se=`/`sp=` parameters or an Azure host (requires that context).',
    trigger: { keywords: ['sig='] },
    pattern: /(?<![A-Za-z0-9])sig=(?<value>[A-Za-z0-9%/+]{43,60}=?)(?![A-Za-z0-9%/+=])/g,
    confidence: 'medium',
    validate: isAzureSasSignature,
    context: ['sv=', 'se=', 'sp=', 'srt=', 'core.windows.net', 'sharedaccesssignature'],
    requiresContext: true,
    examples: {
      positive: [
        'https://acmebackups.blob.core.windows.net/db/dump.bak?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01T00:00:00Z&spr=https&sig=n%2FWeipcTgH83MimmgKwtmgWOc8JYQWz2kRiQg%2BVLwjI%3D',
        'AZURE_SAS="?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01T00:00:00Z&spr=https&sig=qUrdYEWXywuaH1EqrH%2BU8tTb4FA%2BCFb2bcJdE7uHqa4%3D"',
      ],
      negative: [
        'https://acme.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=abc%3D',
        'https://acme.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4%3D',
      ],
    },
  },
  {
    id: 'azure-ad-client-secret',
    name: 'Microsoft Entra ID (Azure AD) client secret',
    category: 'secret',
    description:
      'Microsoft Entra ID application client secret: 3 characters, a digit, `Q~`, then 31-34 characters (about 40 in all).',
    trigger: { keywords: ['Q~'] },
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    confidence: 'high',
    context: ['azure', 'client_secret', 'entra', 'tenant'],
    examples: {
      positive: [
        'AZURE_CLIENT_SECRET=OzJ6Q~MVygWwRFOf22PVVRrg~pmBJMOrsY4m2u8L',
        'az login --service-principal -u 3f1c-app -p "SEj8Q~fP-p5jwTWbAc.-55zhmZ85KINiwcLf9yLT" --tenant acme.onmicrosoft.com',
      ],
      negative: ['AZURE_CLIENT_SECRET=abc8Q~short', 'AZURE_CLIENT_SECRET=abcQ~Zk3PqL9vX2mN7bR4tY8wC1dF6gH0jS5aE'],
    },
  },
  {
    id: 'azure-devops-pat',
    name: 'Azure DevOps personal access token',
    category: 'secret',
    description:
      'Azure DevOps personal access token (52 lower-case base32 characters); no prefix, so it requires an Azure DevOps context word.',
    trigger: { keywords: ['azure devops', 'azure_devops', 'dev.azure.com', 'visualstudio.com', 'azdo', 'ado_pat'] },
    pattern: /(?<![A-Za-z0-9_+/-])[a-z2-7]{52}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: (value) => /[2-7]/.test(value) && /[a-z]/.test(value),
    context: ['azure devops', 'azure_devops', 'dev.azure.com', 'visualstudio.com', 'azdo', 'ado_pat'],
    requiresContext: true,
    examples: {
      positive: [
        'AZURE_DEVOPS_EXT_PAT=zj6i4ubg73xhozstff56bjum5z4on73q5paetnq4arsgdesioneb',
        'git clone https://pat:xyvwcy7w5bwjtvuf2v6xybeaixsh5hlqd36jdjzerqxapd4oyzeh@dev.azure.com/acme/web/_git/web',
      ],
      negative: [
        'AZURE_DEVOPS_EXT_PAT=blfselvzhmgn4tyrlsukorvxmswpflmnqdza5iwermhqg3suf',
        'AZURE_DEVOPS_EXT_PAT=ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ',
      ],
    },
  },
];
