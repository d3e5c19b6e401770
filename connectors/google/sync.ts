import { z } from 'zod';
import { withRetry } from '../src/retry.ts';
import type { ConnectorContext, ObservationInput, PersonInput, SyncOptions, SyncSummary } from '../src/types.ts';
import type { GoogleClients, GoogleConfig } from './client.ts';
import { mapActivities, mapToken, mapUser, tokenSchema, userSchema } from './map.ts';

const passSchema = z.object({ startTime: z.string(), endTime: z.string(), pageToken: z.string().optional() });

/** Where a Google sync resumes: an in-progress users/tokens pass, and per report application a watermark or pass. */
export const googleCursorSchema = z.object({
  grants: z.object({ startedAt: z.string(), pageToken: z.string().optional() }).optional(),
  grantsDoneAt: z.string().optional(),
  reports: z
    .record(z.string(), z.object({ watermark: z.string().optional(), pass: passSchema.optional() }))
    .default({}),
});
export type GoogleCursor = z.output<typeof googleCursorSchema>;

/** Reports arrive late (Google documents lags of hours), so each pass re-reads this much before the watermark. */
export const reportOverlapMs = 60 * 60 * 1000;
const usersPageSize = 200;
const reportsPageSize = 1000;
const tokenConcurrency = 4;

interface Run {
  clients: GoogleClients;
  config: GoogleConfig;
  context: ConnectorContext;
  options: SyncOptions;
  summary: SyncSummary;
}

/** Runs one SDK call with retries and backoff (vendor waits honoured), cancellable by the sync's signal. */
function call<T>(run: Run, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { signal } = run.options;
  return withRetry(() => fn(signal), { signal, maxRetries: run.context.maxRetries ?? 5 });
}

/** Counts a record that did not match the vendor's documented shape; it is skipped, the sync goes on. */
function invalid(run: Run) {
  run.summary.counts.invalid = (run.summary.counts.invalid ?? 0) + 1;
}

function count(run: Run, phase: string, items: number) {
  run.summary.pages++;
  run.summary.items += items;
  run.summary.counts[phase] = (run.summary.counts[phase] ?? 0) + items;
  run.options.progress({ phase, pages: run.summary.pages, items: run.summary.items });
}

/** Lists every user's OAuth tokens, one users page at a time, committing the next page token with each page. */
async function syncGrants(run: Run, cursor: GoogleCursor): Promise<GoogleCursor> {
  const now = run.context.now();
  const pass = cursor.grants ?? { startedAt: now.toISOString() };
  let pageToken = pass.pageToken;
  do {
    const res = await call(run, (signal) =>
      run.clients.directory.users.list(
        { customer: run.config.customerId, maxResults: usersPageSize, pageToken, projection: 'full' },
        { signal },
      ),
    );
    const users = (res.data.users ?? []).flatMap((raw) => {
      const u = userSchema.safeParse(raw);
      if (!u.success) invalid(run);
      return u.success ? [u.data] : [];
    });
    const people: PersonInput[] = users.map(mapUser);
    const observations: ObservationInput[] = [];
    for (let i = 0; i < users.length; i += tokenConcurrency) {
      const chunk = users.slice(i, i + tokenConcurrency);
      const lists = await Promise.all(chunk.map((u) => listTokens(run, u.primaryEmail)));
      chunk.forEach((u, j) => {
        for (const t of lists[j] ?? []) {
          if (tokenSchema.safeParse(t).success) observations.push(mapToken(u.primaryEmail, t, now));
          else invalid(run);
        }
      });
    }
    pageToken = res.data.nextPageToken ?? undefined;
    cursor = pageToken
      ? { ...cursor, grants: { startedAt: pass.startedAt, pageToken } }
      : { ...cursor, grants: undefined, grantsDoneAt: pass.startedAt };
    await run.options.emit({ observations, people, cursor });
    count(run, 'grants', observations.length + people.length);
  } while (pageToken);
  return cursor;
}

async function listTokens(run: Run, userKey: string): Promise<unknown[]> {
  try {
    const res = await call(run, (signal) => run.clients.directory.tokens.list({ userKey }, { signal }));
    return res.data.items ?? [];
  } catch (err) {
    // A user deleted between users.list and tokens.list has no tokens to report.
    if ((err as { status?: number }).status === 404) return [];
    throw err;
  }
}

/** Reads one report application from its watermark (minus the overlap) to now, a page per committed batch. */
async function syncReport(run: Run, cursor: GoogleCursor, application: string): Promise<GoogleCursor> {
  const state = cursor.reports[application] ?? {};
  const now = run.context.now().getTime();
  const start = state.watermark
    ? Date.parse(state.watermark) - reportOverlapMs
    : now - run.config.lookbackDays * 24 * 3600 * 1000;
  const pass = state.pass ?? { startTime: new Date(start).toISOString(), endTime: new Date(now).toISOString() };
  let pageToken = pass.pageToken;
  do {
    const res = await call(run, (signal) =>
      run.clients.reports.activities.list(
        {
          userKey: 'all',
          applicationName: application,
          customerId: run.config.customerId === 'my_customer' ? undefined : run.config.customerId,
          startTime: pass.startTime,
          endTime: pass.endTime,
          maxResults: reportsPageSize,
          pageToken,
        },
        { signal },
      ),
    );
    const items = res.data.items ?? [];
    const { observations, people, invalid: bad } = mapActivities(items);
    if (bad > 0) run.summary.counts.invalid = (run.summary.counts.invalid ?? 0) + bad;
    pageToken = res.data.nextPageToken ?? undefined;
    const next = pageToken ? { pass: { ...pass, pageToken } } : { watermark: pass.endTime };
    cursor = { ...cursor, reports: { ...cursor.reports, [application]: next } };
    await run.options.emit({ observations, people, cursor });
    count(run, application, items.length);
  } while (pageToken);
  return cursor;
}

/** Whether the users/tokens pass is due: in progress, never done, or older than `grantsEveryHours`. */
function grantsDue(cursor: GoogleCursor, config: GoogleConfig, now: Date): boolean {
  if (cursor.grants) return true;
  if (!cursor.grantsDoneAt) return true;
  return now.getTime() - Date.parse(cursor.grantsDoneAt) >= config.grantsEveryHours * 3600 * 1000;
}

/** Incremental Google Workspace sync: OAuth grants (when due), then each report application from its watermark. */
export async function syncGoogle(
  clients: GoogleClients,
  config: GoogleConfig,
  context: ConnectorContext,
  options: SyncOptions,
): Promise<SyncSummary> {
  const run: Run = { clients, config, context, options, summary: { pages: 0, items: 0, counts: {} } };
  const parsed = googleCursorSchema.safeParse(options.cursor ?? {});
  let cursor: GoogleCursor = parsed.success ? parsed.data : { reports: {} };
  if (grantsDue(cursor, config, context.now())) cursor = await syncGrants(run, cursor);
  for (const application of config.activities) cursor = await syncReport(run, cursor, application);
  return run.summary;
}
