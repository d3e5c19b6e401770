import type { Catalog } from '../src/catalog-format.ts';

/** Non-AI browsing: what most navigations look like (the extension sees every one of them). */
const everydayUrls = [
  'https://www.google.com/search?q=quarterly+report+template&oq=quarterly',
  'https://mail.google.com/mail/u/0/#inbox',
  'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/edit',
  'https://drive.google.com/drive/folders/0B1234567890',
  'https://github.com/acme/payments-service/pull/1842/files',
  'https://github.com/acme/infra',
  'https://www.microsoft.com/en-us/microsoft-365',
  'https://outlook.office.com/mail/inbox/id/AAQkAGI2',
  'https://teams.microsoft.com/_#/conversations/General',
  'https://acme.sharepoint.com/sites/finance/Shared%20Documents/Forms/AllItems.aspx',
  'https://stackoverflow.com/questions/11227809/why-is-processing-a-sorted-array-faster',
  'https://en.wikipedia.org/wiki/Public_Suffix_List',
  'https://www.bbc.co.uk/news/technology-68412345',
  'https://acme.atlassian.net/browse/PAY-1234',
  'https://app.slack.com/client/T0123ABCD/C0456EFGH',
  'https://www.linkedin.com/feed/',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
  'https://news.ycombinator.com/item?id=40000000',
  'https://console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:',
  'https://portal.azure.com/#view/HubsExtension/BrowseAll',
  'https://acme.my.salesforce.com/lightning/r/Account/0015g00000XyZabAAB/view',
  'https://www.amazon.de/dp/B08N5WRWNW?ref=ppx_yo2ov_dt_b_product_details',
  'https://static.cdn.example-assets.net/v3/build/main.3f2a1b.js',
  'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=abc',
  'https://accounts.google.com/signin/v2/identifier?flowName=GlifWebSignIn',
  'https://huggingface.co/models?pipeline_tag=text-generation',
  'https://www.reddit.com/r/programming/comments/1abcde/some_title/',
  'https://calendar.google.com/calendar/u/0/r/week',
  'https://zoom.us/j/91234567890?pwd=abc',
  'https://www.notion.so/acme/Roadmap-2b3c4d5e6f',
];

const aiPaths = ['/', '/c/6650f1a2-1b2c-4d5e-8f90-1234567890ab', '/chat/new', '/app?tab=history', '/#/workspace'];

/** A realistic mix: about 30% AI-service URLs (from the catalog), 70% everyday non-AI browsing, some odd spellings. */
export function urlSamples(catalog: Catalog, size = 2000): string[] {
  const aiHosts = catalog.services.flatMap((s) => s.hosts);
  const out: string[] = [];
  for (let i = 0; out.length < size; i++) {
    if (i % 10 < 3 && aiHosts.length > 0) {
      const rule = aiHosts[(i * 7919) % aiHosts.length]!;
      const path = rule.includes('/') ? '/x' : aiPaths[i % aiPaths.length]!;
      const host = i % 4 === 0 ? `www.${rule}` : rule;
      out.push(i % 17 === 0 ? `https://${host.toUpperCase()}${path}` : `https://${host}${path}`);
    } else {
      const url = everydayUrls[(i * 31) % everydayUrls.length]!;
      out.push(i % 23 === 0 ? url.replace('https://', 'http://').replace('.com/', '.com:8443/') : url);
    }
  }
  return out;
}

const nonAiApps = [
  'Salesforce (SAML)',
  'Workday - Production',
  'Zoom for Work',
  'Slack Enterprise Grid',
  'Atlassian Cloud',
  'GitHub Enterprise Cloud - Organization',
  'Google Workspace',
  'AWS IAM Identity Center',
  'ServiceNow SSO',
  'DocuSign',
  'Box',
  'Dropbox Business',
  'Concur Travel & Expense',
  'BambooHR',
  'Greenhouse Recruiting',
];

/** App names as IdP records spell them: catalog names with decorations, and common non-AI apps. */
export function appNameSamples(catalog: Catalog, size = 2000): string[] {
  const names = catalog.services.map((s) => s.name);
  const decorations = ['', ' Enterprise (SAML)', ' - Production', ' SSO', ' for Work', '™ Team'];
  const out: string[] = [];
  for (let i = 0; out.length < size; i++) {
    if (i % 2 === 0 && names.length > 0)
      out.push(names[(i * 7919) % names.length]! + decorations[i % decorations.length]);
    else out.push(nonAiApps[i % nonAiApps.length]!);
  }
  return out;
}
