/**
 * The wire contract between the browser extension and the backend: enrolment, policy bundle, ingest.
 * Browser-safe (zod only): the extension imports this file as `@sightline/backend/protocol`.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

export const uuidv7Schema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a lower-case UUIDv7');

const host = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9.-]+$/, 'a lower-case hostname');
const serviceId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);

// ---- enrolment -------------------------------------------------------------------------------

export const deviceFactsSchema = z.strictObject({
  browser: z.enum(['chrome', 'edge', 'firefox', 'brave', 'other']),
  browserVersion: z.string().min(1).max(40),
  extensionVersion: z.string().min(1).max(40),
  os: z.enum(['windows', 'mac', 'linux', 'chromeos', 'android', 'ios', 'other']),
  /** The managed user's e-mail when the browser knows it (managed configuration or identity API). */
  userEmail: z.email().max(254).optional(),
});
export type DeviceFacts = z.infer<typeof deviceFactsSchema>;

export const enrollRequestSchema = z.strictObject({
  enrollmentToken: z.string().min(10).max(200),
  device: deviceFactsSchema,
  /** Set when re-enrolling: the device id the extension had, so history stays with one device. */
  previousDeviceId: z.uuid().optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.uuid(),
  /** Bearer token for bundle and ingest; shown once, stored hashed by the backend. */
  deviceToken: z.string(),
  organization: z.object({ name: z.string() }),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

// ---- policy bundle ---------------------------------------------------------------------------

export const serviceStatuses = ['sanctioned', 'tolerated', 'unsanctioned', 'blocked'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];
export const accountTypes = ['personal', 'corporate', 'unknown'] as const;
export type AccountType = (typeof accountTypes)[number];
export const dlpActions = ['allow', 'warn', 'redact', 'block'] as const;
export type DlpAction = (typeof dlpActions)[number];
export const dlpCategoryNames = ['secret', 'pii', 'financial', 'health', 'confidential', 'custom'] as const;

const actionByAccount = z.strictObject({
  personal: z.enum(dlpActions),
  corporate: z.enum(dlpActions),
  unknown: z.enum(dlpActions),
});
const actionByStatus = z.strictObject({
  sanctioned: actionByAccount,
  tolerated: actionByAccount,
  unsanctioned: actionByAccount,
  blocked: actionByAccount,
});

export const customDetectorSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('keywords'),
    id: z.string().max(80),
    name: z.string().max(120),
    words: z.array(z.string().min(2).max(100)).min(1).max(1000),
  }),
  z.strictObject({
    type: z.literal('dictionary'),
    id: z.string().max(80),
    name: z.string().max(120),
    /** Hex SHA-256 of `salt + term.toLowerCase()`; the terms themselves never ship. */
    hashes: z
      .array(z.string().regex(/^[0-9a-f]{64}$/))
      .min(1)
      .max(100_000),
    salt: z.string().max(100),
    maxWords: z.number().int().min(1).max(5),
  }),
  z.strictObject({
    type: z.literal('regex'),
    id: z.string().max(80),
    name: z.string().max(120),
    pattern: z.string().min(1).max(500),
    flags: z
      .string()
      .regex(/^[imsu]*$/)
      .default(''),
  }),
]);
export type CustomDetectorSpec = z.infer<typeof customDetectorSpecSchema>;

export const bundleSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  /** Content hash of everything below; also the ETag. */
  version: z.string(),
  generatedAt: z.string(),
  organization: z.object({ name: z.string(), emailDomains: z.array(z.string()) }),
  /** The enforcement mode the organisation wants; managed configuration on the device may override it. */
  mode: z.enum(['monitor', 'enforce']),
  catalog: z.object({
    /** Version of the catalog the backend knows; the extension ships its own built-in copy. */
    version: z.string(),
    /** Services (or hosts) the organisation added, in the compact catalog format. */
    additions: z.array(
      z.object({
        id: serviceId,
        name: z.string(),
        vendor: z.string(),
        category: z.string(),
        hosts: z.array(z.string()),
      }),
    ),
  }),
  /** Status per service id; services not listed have `defaultStatus`. */
  services: z.record(z.string(), z.enum(serviceStatuses)),
  defaultStatus: z.enum(serviceStatuses),
  dlp: z.object({
    minConfidence: z.enum(['low', 'medium', 'high']),
    /** action[category][status][accountType] */
    actions: z.record(z.enum(dlpCategoryNames), actionByStatus),
    /** Files that are not text-like or are over `maxFileBytes`. */
    unscannableFiles: z.enum(['allow', 'warn', 'block']),
    maxFileBytes: z.number().int().positive(),
    /** Salt for value hashes in dlp events (org-wide, so repeats correlate across devices). */
    hashSalt: z.string(),
    customDetectors: z.array(customDetectorSpecSchema),
  }),
  privacy: z.object({
    /** Report full URLs of AI pages instead of host + service id. */
    fullUrls: z.boolean(),
    /** Include masked previews (at most 4 characters of a value) in dlp events. */
    maskedPreviews: z.boolean(),
  }),
  notice: z.object({ title: z.string(), text: z.string(), contact: z.string() }),
  reporting: z.object({
    batchSize: z.number().int().min(1).max(1000),
    flushSeconds: z.number().int().min(1),
    bundleRefreshMinutes: z.number().int().min(1),
  }),
});
export type Bundle = z.infer<typeof bundleSchema>;

// ---- ingest ----------------------------------------------------------------------------------

const eventBase = {
  id: uuidv7Schema,
  /** Device clock, ISO 8601. The backend adds its own receive time and bounds the skew. */
  at: z.iso.datetime({ offset: true }),
};
const onService = {
  host,
  /** Catalog id, or null for a host the generic heuristic flagged. */
  serviceId: serviceId.nullable(),
};
const accountType = z.enum(accountTypes);

export const visitEventSchema = z.strictObject({
  ...eventBase,
  kind: z.literal('visit'),
  ...onService,
  /** Only when the bundle's privacy.fullUrls is on. */
  url: z.url().max(2048).optional(),
});
export const surfaceEventSchema = z.strictObject({
  ...eventBase,
  kind: z.literal('surface'),
  ...onService,
  adapter: z.string().max(60),
  accountType,
  /** E-mail domain of the signed-in account when the page shows it (never the address). */
  accountDomain: host.optional(),
});
export const interactionEventSchema = z.strictObject({
  ...eventBase,
  kind: z.literal('interaction'),
  ...onService,
  action: z.enum(['prompt', 'paste', 'upload', 'drop']),
  accountType,
  chars: z.number().int().min(0).max(100_000_000).optional(),
  bytes: z.number().int().min(0).max(10_000_000_000).optional(),
  files: z.number().int().min(0).max(1000).optional(),
  fileTypes: z.array(z.string().max(20)).max(50).optional(),
});
export const dlpFindingSummarySchema = z.strictObject({
  detector: z.string().max(80),
  category: z.enum(dlpCategoryNames),
  confidence: z.enum(['low', 'medium', 'high']),
  count: z.number().int().min(1).max(100_000),
  /** Salted SHA-256 (hex, first 32 chars) of each distinct value, at most 20. */
  hashes: z.array(z.string().regex(/^[0-9a-f]{16,64}$/)).max(20),
  /** Masked previews, only when privacy.maskedPreviews is on. */
  masked: z.array(z.string().max(40)).max(20).optional(),
});
export const dlpEventSchema = z.strictObject({
  ...eventBase,
  kind: z.literal('dlp'),
  ...onService,
  trigger: z.enum(['paste', 'drop', 'upload', 'submit']),
  accountType,
  findings: z.array(dlpFindingSummarySchema).min(1).max(100),
  action: z.enum(dlpActions),
  /** What the person did when warned: continued (with justification) or cancelled. */
  decision: z.enum(['proceeded', 'cancelled']).nullable().optional(),
  justification: z.string().max(1000).optional(),
  mode: z.enum(['monitor', 'enforce']),
});
export const adapterHealthEventSchema = z.strictObject({
  ...eventBase,
  kind: z.literal('adapter_health'),
  ...onService,
  adapter: z.string().max(60),
  problem: z.enum(['input_not_found', 'send_not_found', 'file_input_not_found', 'adapter_error']),
  detail: z.string().max(500).optional(),
});
export const queueOverflowEventSchema = z.strictObject({
  ...eventBase,
  kind: z.literal('queue_overflow'),
  /** Events dropped per kind since `since`. */
  dropped: z
    .partialRecord(z.enum(['visit', 'surface', 'interaction', 'dlp', 'adapter_health']), z.number().int().min(1))
    .refine((d) => Object.keys(d).length > 0, 'at least one kind'),
  since: z.iso.datetime({ offset: true }),
});

export const eventSchema = z.discriminatedUnion('kind', [
  visitEventSchema,
  surfaceEventSchema,
  interactionEventSchema,
  dlpEventSchema,
  adapterHealthEventSchema,
  queueOverflowEventSchema,
]);
export type DeviceEvent = z.infer<typeof eventSchema>;
export type EventKind = DeviceEvent['kind'];

export const MAX_BATCH_EVENTS = 1000;
export const MAX_BATCH_BYTES = 1024 * 1024;

/** The envelope is checked first; each event is then validated on its own so one bad event never sinks the batch. */
export const ingestRequestSchema = z.strictObject({
  events: z.array(z.unknown()).min(1).max(MAX_BATCH_EVENTS),
});

export const ingestResultSchema = z.object({
  id: z.string().nullable(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().optional(),
});
export const ingestResponseSchema = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  /** One per submitted event, in order. Rejected events must not be retried; accepted and duplicate ones are stored. */
  results: z.array(ingestResultSchema),
});
export type IngestResponse = z.infer<typeof ingestResponseSchema>;
