import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const roles = ['owner', 'admin', 'analyst', 'auditor'] as const;
export type Role = (typeof roles)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Local admin accounts. `email` is stored lower-case. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    role: text('role').$type<Role>().notNull(),
    passwordHash: text('password_hash').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    disabledAt: ts('disabled_at'),
    passwordChangedAt: ts('password_changed_at').notNull(),
    createdAt: ts('created_at').notNull(),
    lastLoginAt: ts('last_login_at'),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time tokens, e.g. the first-run owner set-up token. Stored hashed. */
export const oneTimeTokens = pgTable('one_time_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  purpose: text('purpose').notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

/**
 * Append-only audit log. `seq` orders the chain; `prevHash` links each entry to the one before;
 * `hash` is SHA-256 over the canonical JSON of the entry's content and `prevHash`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_seq_idx').on(t.seq), index('audit_log_at_idx').on(t.at)],
);

/** Signed checkpoints over the audit chain: Ed25519 signature of (seq, hash). */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: uuid('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  entryId: uuid('entry_id').notNull(),
  hash: text('hash').notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
  at: ts('at').notNull(),
});

/** Ed25519 signing keys; the private key is sealed with the secret key (AES-256-GCM). */
export const signingKeys = pgTable('signing_keys', {
  id: text('id').primaryKey(),
  purpose: text('purpose').notNull(),
  publicKey: text('public_key').notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: ts('created_at').notNull(),
  retiredAt: ts('retired_at'),
});

/** Organisation-wide settings as JSON documents by key (organisation profile, privacy, notice, ...). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** Tokens an admin hands to browsers to enrol. Only the SHA-256 of the secret is stored. */
export const enrollmentTokens = pgTable(
  'enrollment_tokens',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, to recognise it in lists. */
    hint: text('hint').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at'),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    rotatedAt: ts('rotated_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('enrollment_tokens_hash_key').on(t.tokenHash)],
);

/** Enrolled browsers. The device token is stored as its SHA-256. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    enrollmentTokenId: uuid('enrollment_token_id').references(() => enrollmentTokens.id),
    browser: text('browser').notNull(),
    browserVersion: text('browser_version').notNull(),
    extensionVersion: text('extension_version').notNull(),
    os: text('os').notNull(),
    userEmail: text('user_email'),
    enrolledAt: ts('enrolled_at').notNull(),
    lastSeenAt: ts('last_seen_at'),
    lastBundleVersion: text('last_bundle_version'),
    revokedAt: ts('revoked_at'),
    events: bigint('events', { mode: 'number' }).notNull().default(0),
  },
  (t) => [uniqueIndex('devices_token_hash_key').on(t.tokenHash), index('devices_user_email_idx').on(t.userEmail)],
);

export const serviceStatuses = ['sanctioned', 'tolerated', 'unsanctioned', 'blocked'] as const;

/** The organisation's decision per AI service. Services without a row have the default status. */
export const serviceGovernance = pgTable('service_governance', {
  serviceId: text('service_id').primaryKey(),
  status: text('status').$type<(typeof serviceStatuses)[number]>().notNull(),
  owner: text('owner'),
  notes: text('notes'),
  reviewDate: ts('review_date'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
  version: integer('version').notNull().default(1),
});

/**
 * Daily rollup per service × person × day, updated in the same statement that stores raw events.
 * `serviceKey` is the catalog id, or `host:<host>` for unknown AI-like hosts.
 */
export const dailyUsage = pgTable(
  'daily_usage',
  {
    day: text('day').notNull(),
    serviceKey: text('service_key').notNull(),
    personKey: text('person_key').notNull(),
    visits: integer('visits').notNull().default(0),
    surfaces: integer('surfaces').notNull().default(0),
    prompts: integer('prompts').notNull().default(0),
    pastes: integer('pastes').notNull().default(0),
    uploads: integer('uploads').notNull().default(0),
    dlpEvents: integer('dlp_events').notNull().default(0),
    dlpSecret: integer('dlp_secret').notNull().default(0),
    dlpPii: integer('dlp_pii').notNull().default(0),
    dlpFinancial: integer('dlp_financial').notNull().default(0),
    dlpHealth: integer('dlp_health').notNull().default(0),
    dlpConfidential: integer('dlp_confidential').notNull().default(0),
    dlpCustom: integer('dlp_custom').notNull().default(0),
    dlpBlocked: integer('dlp_blocked').notNull().default(0),
    /** Bit set of account types seen: 1 personal, 2 corporate, 4 unknown. */
    accountTypes: integer('account_types').notNull().default(0),
    adapterProblems: integer('adapter_problems').notNull().default(0),
  },
  (t) => [
    uniqueIndex('daily_usage_key').on(t.day, t.serviceKey, t.personKey),
    index('daily_usage_service_idx').on(t.serviceKey, t.day),
  ],
);

// ---- discovery -------------------------------------------------------------------------------

export const observationKinds = [
  'app',
  'assignment',
  'sign_in',
  'oauth_grant',
  'seat',
  'install',
  'browser_use',
] as const;
export type ObservationKind = (typeof observationKinds)[number];

/**
 * What one source saw, normalised: every source (connectors, the test fixture source) writes here through
 * `reportObservations`; the extension's rollups appear beside them in the `all_observations` view.
 * `(source, sourceRef)` is unique, so a re-sync updates instead of duplicating.
 */
export const observations = pgTable(
  'observations',
  {
    id: uuid('id').primaryKey(),
    source: text('source').notNull(),
    sourceRef: text('source_ref').notNull(),
    kind: text('kind').$type<ObservationKind>().notNull(),
    /** Catalog id when matched, else null and `unknownKey` names the unknown app or host. */
    serviceId: text('service_id'),
    unknownKey: text('unknown_key'),
    /** App name or host as the source shows it. */
    displayName: text('display_name').notNull(),
    /** How the service was matched: rule and confidence, or the AI-likeness heuristic's reasons. */
    match: jsonb('match').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Lower-case e-mail, or `ext:<source>:<id>` when only an external id is known. */
    personKey: text('person_key'),
    windowStart: ts('window_start').notNull(),
    windowEnd: ts('window_end').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    firstReportedAt: ts('first_reported_at').notNull(),
    lastReportedAt: ts('last_reported_at').notNull(),
  },
  (t) => [
    uniqueIndex('observations_source_ref_key').on(t.source, t.sourceRef),
    index('observations_service_idx').on(t.serviceId, t.windowEnd),
    index('observations_unknown_idx').on(t.unknownKey),
    index('observations_person_idx').on(t.personKey),
  ],
);

/** People as the directory knows them (department for breakdowns). Filled by connectors or the fixture source. */
export const people = pgTable('people', {
  personKey: text('person_key').primaryKey(),
  email: text('email'),
  name: text('name'),
  department: text('department'),
  source: text('source').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const assetStates = ['detected', 'evaluated', 'governed', 'ungoverned', 'suppressed'] as const;
export type AssetState = (typeof assetStates)[number];

/** One per organisation × service (catalog) or × unknown AI-like app/host (suspected). */
export const aiAssets = pgTable(
  'ai_assets',
  {
    id: uuid('id').primaryKey(),
    /** `svc:<serviceId>` or the observation's `unknownKey` (`app:<normalised name>` / `host:<host>`). */
    assetKey: text('asset_key').notNull(),
    serviceId: text('service_id'),
    name: text('name').notNull(),
    vendor: text('vendor'),
    category: text('category'),
    suspected: boolean('suspected').notNull().default(false),
    riskTier: text('risk_tier'),
    state: text('state').$type<AssetState>().notNull(),
    tier: integer('tier').notNull(),
    /** The signals present at the last evaluation, with their evidence counts. */
    signals: jsonb('signals').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    peopleCount: integer('people_count').notNull().default(0),
    departments: jsonb('departments').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    accountTypes: jsonb('account_types').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    sources: jsonb('sources').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Aggregates the policies read (interactions, dlp events by category, personal-account people, ...). */
    stats: jsonb('stats').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    firstSeen: ts('first_seen').notNull(),
    lastSeen: ts('last_seen').notNull(),
    /** Set when an operator confirmed the asset (tier 4). */
    confirmedAt: ts('confirmed_at'),
    confirmedBy: text('confirmed_by'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('ai_assets_key').on(t.assetKey), index('ai_assets_service_idx').on(t.serviceId)],
);

/** Every tier change of an asset, with the signals that moved it; drops carry their reason. */
export const assetTierChanges = pgTable(
  'asset_tier_changes',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => aiAssets.id, { onDelete: 'cascade' }),
    fromTier: integer('from_tier'),
    toTier: integer('to_tier').notNull(),
    signals: jsonb('signals').$type<string[]>().notNull(),
    reason: text('reason').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    at: ts('at').notNull(),
  },
  (t) => [index('asset_tier_changes_asset_idx').on(t.assetId, t.at)],
);

/** Stored policy versions; `snapshotId` is the content hash the evidence cites. One is active. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').primaryKey(),
    snapshotId: text('snapshot_id').notNull(),
    documents: jsonb('documents').$type<string[]>().notNull(),
    active: boolean('active').notNull().default(false),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('policy_versions_snapshot_key').on(t.snapshotId),
    uniqueIndex('policy_versions_one_active').on(t.active).where(sql`${t.active}`),
  ],
);

export const findingStatuses = ['open', 'acknowledged', 'confirmed', 'suppressed', 'resolved'] as const;
export type FindingStatus = (typeof findingStatuses)[number];
export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const;

/** Findings raised by policy rules over assets and events. `findingKey` = rule id + subject, so re-evaluation updates. */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey(),
    findingKey: text('finding_key').notNull(),
    ruleId: text('rule_id').notNull(),
    policySnapshotId: text('policy_snapshot_id').notNull(),
    assetId: uuid('asset_id').references(() => aiAssets.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    severity: text('severity').$type<(typeof severities)[number]>().notNull(),
    tier: integer('tier').notNull(),
    status: text('status').$type<FindingStatus>().notNull(),
    /** Links and counts of the observations and events behind it. */
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    suppressedUntil: ts('suppressed_until'),
    suppressionReason: text('suppression_reason'),
    firstSeen: ts('first_seen').notNull(),
    lastSeen: ts('last_seen').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('findings_key').on(t.findingKey),
    index('findings_status_idx').on(t.status, t.severity),
    index('findings_asset_idx').on(t.assetId),
  ],
);

/**
 * The evidence contract: every decision, automated or human, with decision, subject, rule id and reason,
 * policy snapshot id, actor (type, id, role), time, and for human decisions the subject version decided on.
 * `idempotencyKey` makes a repeated identical decision a no-op.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey(),
    decision: text('decision').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    subjectVersion: integer('subject_version'),
    ruleId: text('rule_id'),
    reason: text('reason'),
    policySnapshotId: text('policy_snapshot_id'),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    at: ts('at').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('decisions_subject_idx').on(t.subjectType, t.subjectId, t.at),
    uniqueIndex('decisions_idempotency_key').on(t.idempotencyKey),
  ],
);

export const alertStatuses = ['open', 'acknowledged'] as const;

/** Alerts from exposure rules; `alertKey` de-duplicates repeats of one condition. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey(),
    alertKey: text('alert_key').notNull(),
    ruleId: text('rule_id').notNull(),
    policySnapshotId: text('policy_snapshot_id').notNull(),
    severity: text('severity').$type<(typeof severities)[number]>().notNull(),
    message: text('message').notNull(),
    assetId: uuid('asset_id').references(() => aiAssets.id, { onDelete: 'set null' }),
    findingId: uuid('finding_id').references(() => findings.id, { onDelete: 'set null' }),
    status: text('status').$type<(typeof alertStatuses)[number]>().notNull(),
    createdAt: ts('created_at').notNull(),
    lastRaisedAt: ts('last_raised_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    /** Webhook delivery: pending, delivered, failed, skipped (below threshold or no webhook). */
    delivery: text('delivery').notNull().default('skipped'),
    deliveryAttempts: integer('delivery_attempts').notNull().default(0),
  },
  (t) => [uniqueIndex('alerts_key').on(t.alertKey), index('alerts_status_idx').on(t.status, t.createdAt)],
);

/** Exposure score per day and scope (`org`, `department:<name>`, `service:<asset key>`), with its contributions. */
export const exposureDaily = pgTable(
  'exposure_daily',
  {
    day: text('day').notNull(),
    scope: text('scope').notNull(),
    score: real('score').notNull(),
    contributions: jsonb('contributions').$type<unknown[]>().notNull(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [uniqueIndex('exposure_daily_key').on(t.day, t.scope)],
);

// ---- connectors ------------------------------------------------------------------------------

/** Configured IdP / SaaS connectors. Secret fields live only in `secretsSealed` (AES-256-GCM), never in `config`. */
export const connectors = pgTable('connectors', {
  id: uuid('id').primaryKey(),
  type: text('type').notNull(),
  name: text('name').notNull(),
  /** Non-secret configuration (base URL, tenant, org, scopes...). */
  config: jsonb('config').$type<Record<string, unknown>>().notNull(),
  secretsSealed: text('secrets_sealed').notNull(),
  /** A short, non-reversible hint per secret field (e.g. last 4 characters) for the admin UI. */
  secretHints: jsonb('secret_hints').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  /** An admin explicitly allowed a non-vendor or private base URL (e.g. for testing). */
  allowCustomHost: boolean('allow_custom_host').notNull().default(false),
  intervalMinutes: integer('interval_minutes').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** The sync cursor, committed in the same transaction as the data it covers. */
  cursor: jsonb('cursor').$type<Record<string, unknown> | null>(),
  leaseOwner: text('lease_owner'),
  leaseUntil: ts('lease_until'),
  nextRunAt: ts('next_run_at'),
  lastRunAt: ts('last_run_at'),
  lastStatus: text('last_status'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const connectorRunStatuses = ['running', 'succeeded', 'failed', 'cancelled'] as const;

/** One sync of a connector, with its progress and outcome. */
export const connectorRuns = pgTable(
  'connector_runs',
  {
    id: uuid('id').primaryKey(),
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => connectors.id, { onDelete: 'cascade' }),
    trigger: text('trigger').notNull(),
    status: text('status').$type<(typeof connectorRunStatuses)[number]>().notNull(),
    phase: text('phase'),
    pages: integer('pages').notNull().default(0),
    items: integer('items').notNull().default(0),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    error: jsonb('error').$type<Record<string, unknown> | null>(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    heartbeatAt: ts('heartbeat_at').notNull(),
    owner: text('owner').notNull(),
  },
  (t) => [index('connector_runs_connector_idx').on(t.connectorId, t.startedAt)],
);

/**
 * Leases for singleton jobs (discovery recompute): one row per job; a replica runs the job only while it holds an
 * unexpired lease, so N replicas never run it concurrently.
 */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  owner: text('owner').notNull(),
  leaseUntil: ts('lease_until').notNull(),
  acquiredAt: ts('acquired_at').notNull(),
  lastFinishedAt: ts('last_finished_at'),
  lastOutcome: jsonb('last_outcome').$type<Record<string, unknown>>(),
});
