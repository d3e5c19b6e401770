import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
