/**
 * The one interface every connector implements (Okta, Entra ID, Google Workspace, GitHub, Slack).
 * The backend stores configuration (secrets sealed), schedules syncs under a PostgreSQL lease, and commits each
 * emitted batch of observations together with the cursor that covers it.
 */
import type { ObservationInput } from '@sightline/backend/observations';
import type { z } from 'zod';

export type { ObservationInput };

export const connectorTypes = ['okta', 'entra', 'google', 'github', 'slack'] as const;
export type ConnectorType = (typeof connectorTypes)[number];

/** A person as the directory knows them, for departments and e-mail resolution. */
export interface PersonInput {
  /** Lower-case e-mail, or `ext:<source>:<id>` when there is none. */
  personKey: string;
  email?: string;
  name?: string;
  department?: string;
}

/** Opaque, JSON-serialisable position in the vendor's data (delta links, watermarks, page tokens, next URIs). */
export type Cursor = Record<string, unknown>;

export interface SyncProgress {
  /** e.g. `apps`, `assignments`, `sign-ins`, `grants`, `seats`. */
  phase: string;
  pages: number;
  items: number;
}

export interface SyncBatch {
  observations: ObservationInput[];
  people?: PersonInput[];
  /** Where to resume after this batch is committed; the runner stores it in the same transaction. */
  cursor: Cursor;
}

export interface SyncOptions {
  /** The last committed cursor, or null for a full sync. */
  cursor: Cursor | null;
  /** Commits a batch (observations + people + cursor, atomically); resolves when durable. */
  emit(batch: SyncBatch): Promise<void>;
  progress(p: SyncProgress): void;
  /** Aborted when an admin cancels or the lease is lost; the connector stops at the next request. */
  signal: AbortSignal;
}

export interface SyncSummary {
  pages: number;
  items: number;
  /** Counts per phase, e.g. `{ apps: 120, grants: 3400 }`. */
  counts: Record<string, number>;
}

/** Why a connection test failed, so the admin knows what to fix. */
export type TestProblem =
  | 'bad_credentials'
  | 'missing_scope'
  | 'missing_license'
  | 'unreachable'
  | 'rate_limited'
  | 'unexpected';

export type TestResult =
  | { ok: true; message: string; details?: Record<string, unknown> }
  | { ok: false; problem: TestProblem; message: string; details?: Record<string, unknown> };

/** A failure during sync that the runner records with its problem class (same classes as `test`). */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    readonly problem: TestProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ConnectorContext {
  /** Whether an admin allowed a non-vendor or private base URL for this connector (testing, proxies). */
  allowCustomHost: boolean;
  /** Time source for watermarks. */
  now(): Date;
  /** Maximum retries of a transient failure (429/5xx/network) before giving up; default 5. */
  maxRetries?: number;
}

export interface ConnectorInstance {
  test(): Promise<TestResult>;
  sync(options: SyncOptions): Promise<SyncSummary>;
}

/**
 * A connector type. `configSchema` validates the whole configuration; `secretFields` names the fields that are
 * secret (stored sealed, never returned by the API); `vendorHosts` are the host suffixes base URLs may use
 * unless the admin allows a custom host.
 */
export interface ConnectorDefinition<Config = Record<string, unknown>> {
  type: ConnectorType;
  label: string;
  configSchema: z.ZodType<Config>;
  secretFields: readonly string[];
  vendorHosts: readonly string[];
  /** The config field holding the base URL that `vendorHosts` restricts (e.g. `orgUrl`), if any. */
  baseUrlField?: string;
  create(config: Config, context: ConnectorContext): ConnectorInstance;
}
