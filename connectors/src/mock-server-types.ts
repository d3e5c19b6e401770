/**
 * The shape every vendor's `mock-server.ts` exports, so one contract suite (`contract.test.ts`) can run every
 * connector against its mock: `export const startMockServer: StartMockServer`.
 */

/** A failure the mock injects, in the vendor's wire format (status, headers and error body). */
export type MockFailureKind = 'rate_limit' | 'server_error' | 'bad_credentials' | 'missing_scope' | 'missing_license';

export interface MockFailure {
  kind: MockFailureKind;
  /** Only requests whose path (with query) contains this string; default every request. */
  path?: string;
  /** How many matching requests fail before the mock answers normally again; default 1, `Infinity` for always. */
  times?: number;
}

export interface MockServerOptions {
  /** `small` (default) for tests, `large` for the benchmark, or a vendor-specific fixture object. */
  fixture?: 'small' | 'large' | object;
  failures?: MockFailure[];
  /** Items per page the mock returns (default the vendor's usual, small in tests to exercise paging). */
  pageSize?: number;
}

export interface MockRequest {
  method: string;
  /** Path with query string, e.g. `/api/v1/apps?limit=2`. */
  path: string;
}

export interface MockServer {
  /** Base URL of the server, e.g. `http://127.0.0.1:54321`. */
  url: string;
  /** A complete, valid configuration (secrets included) for the connector pointed at this server; needs `allowCustomHost`. */
  config: Record<string, unknown>;
  /** Every request received, in order. */
  requests: MockRequest[];
  close(): Promise<void>;
}

export type StartMockServer = (options?: MockServerOptions) => Promise<MockServer>;
