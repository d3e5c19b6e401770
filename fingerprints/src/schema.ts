import { z } from 'zod';

/** Service categories, in the order the dashboard lists them. */
export const categories = [
  'general-assistant',
  'coding',
  'writing',
  'image-video-audio',
  'meetings-notes',
  'research-search',
  'productivity',
  'agents-automation',
  'model-api',
  'translation',
  'chat-with-documents',
  'other',
] as const;
export type Category = (typeof categories)[number];

export const categoryLabels: Record<Category, string> = {
  'general-assistant': 'General assistant',
  coding: 'Coding',
  writing: 'Writing',
  'image-video-audio': 'Image, video and audio',
  'meetings-notes': 'Meetings and notes',
  'research-search': 'Research and search',
  productivity: 'Productivity with embedded AI',
  'agents-automation': 'Agents and automation',
  'model-api': 'Developer platform / model API',
  translation: 'Translation',
  'chat-with-documents': 'Chat with documents',
  other: 'Other',
};

/**
 * A host rule: a lower-case hostname matched as a suffix on label boundaries
 * (`chatgpt.com` matches `chatgpt.com` and `eu.chatgpt.com`, never `notchatgpt.com`),
 * optionally followed by a path prefix matched on segment boundaries
 * (`github.com/copilot` matches `/copilot` and `/copilot/c/1`, not `/copilotx`).
 */
export const hostRule = z
  .string()
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?:\/[A-Za-z0-9._~%!$&'()*+,;=:@-]+)*$/,
    'a lower-case hostname, optionally followed by a path prefix such as "github.com/copilot"',
  );

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** A risk fact with its evidence, or the literal `unverified` when we do not know. */
const fact = <T extends z.ZodType>(value: T) =>
  z.union([
    z.literal('unverified'),
    z.strictObject({
      value,
      /** Where the fact comes from: a document title or URL, short. */
      source: z.string().min(3).max(200),
      asOf: isoDate,
    }),
  ]);

export const riskSchema = z.strictObject({
  /** Does the service train models on user content by default (consumer / free tier)? */
  trainsOnUserContent: fact(z.boolean()),
  /** How long prompts and files are kept by default, as said by the vendor ("30 days", "until deleted"). */
  retention: fact(z.string().min(1).max(100)),
  /** Is there a paid business tier that contractually excludes training on customer content? */
  enterpriseNoTraining: fact(z.boolean()),
  sso: fact(z.boolean()),
  scim: fact(z.boolean()),
  /** Regions where customer data can be pinned, e.g. ["US", "EU"]; [] when none is offered. */
  dataResidency: fact(z.array(z.string().min(2).max(20)).max(20)),
  /** Attestations, e.g. ["SOC 2 Type II", "ISO 27001"]; [] when none is published. */
  certifications: fact(z.array(z.string().min(2).max(40)).max(20)),
});
export type Risk = z.infer<typeof riskSchema>;

export const identitySchema = z.strictObject({
  /** App names and labels as they appear in Okta, Entra, Google OAuth consent screens, Slack/GitHub marketplaces. */
  appNames: z.array(z.string().min(2).max(120)).default([]),
  /** Public OAuth client ids (Google, Slack, GitHub Apps, ...). */
  oauthClientIds: z.array(z.string().min(3).max(200)).default([]),
  /** Public Entra (Azure AD) application ids (GUIDs). */
  entraAppIds: z.array(z.string().uuid()).default([]),
  /** Domains seen in SSO ACS / OAuth redirect URIs, when different from `hosts`. */
  domains: z.array(hostRule).default([]),
  /** Marketplace ids: okta (OIN app name), slack (app id), github (app slug), google (Workspace Marketplace id). */
  marketplace: z
    .strictObject({
      okta: z.string().min(1).max(120).optional(),
      slack: z.string().min(1).max(40).optional(),
      github: z.string().min(1).max(120).optional(),
      google: z.string().min(1).max(120).optional(),
    })
    .default({}),
});

export const editorKinds = ['textarea', 'contenteditable', 'prosemirror', 'quill', 'lexical'] as const;

/** CSS selectors the extension tries in order; the first that matches wins. */
const selectors = z.array(z.string().min(1).max(300)).min(1).max(12);

export const domSchema = z.strictObject({
  editor: z.enum(editorKinds),
  input: selectors,
  send: selectors,
  fileInput: selectors.optional(),
  dropZone: selectors.optional(),
});

/**
 * How a corporate workspace differs from a personal account.
 * kind: `host`  value is a host rule; visiting it means the account is `signal`;
 *       `path`  value is a URL path prefix on the service's own hosts;
 *       `selector` value is a CSS selector; its presence in the page means `signal`;
 *       `email` value is a CSS selector whose text or aria-label holds the signed-in e-mail
 *               (corporate when its domain is one of the organisation's domains);
 *       `cookie` value is a cookie name whose presence means `signal` (read by the background worker).
 */
export const accountHintSchema = z.strictObject({
  kind: z.enum(['host', 'path', 'selector', 'email', 'cookie']),
  value: z.string().min(1).max(300),
  signal: z.enum(['corporate', 'personal']),
  note: z.string().min(3).max(300),
});

export const serviceSchema = z.strictObject({
  /** Stable kebab-case id; never renamed once published. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case'),
  name: z.string().min(1).max(80),
  vendor: z.string().min(1).max(80),
  category: z.enum(categories),
  /** Web apps. */
  hosts: z.array(hostRule).default([]),
  /** Programmatic access (model APIs, SDK endpoints). */
  apiHosts: z.array(hostRule).default([]),
  /** Host rules that another service also lists on purpose (each side must declare it). */
  sharedHosts: z.array(hostRule).default([]),
  identity: identitySchema.default({
    appNames: [],
    oauthClientIds: [],
    entraAppIds: [],
    domains: [],
    marketplace: {},
  }),
  dom: domSchema.optional(),
  accountHints: z.array(accountHintSchema).default([]),
  risk: riskSchema,
  /** Free text for maintainers: what was checked, what is odd about this service. */
  notes: z.string().max(1000).optional(),
});
export type ServiceInput = z.input<typeof serviceSchema>;
export type Service = z.output<typeof serviceSchema>;
