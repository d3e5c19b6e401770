import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { inspectError } from '../src/error-info.ts';
import { withRetry } from '../src/retry.ts';
import type { ConnectorContext, ObservationInput, PersonInput, SyncOptions, SyncSummary } from '../src/types.ts';
import type { SlackConfig } from './client.ts';
import { createEmailResolver } from './emails.ts';
import {
  appRequestSchema,
  approvedAppSchema,
  integrationLogSchema,
  logRef,
  mapAppRequest,
  mapApprovedApp,
  mapIntegrationLog,
} from './map.ts';

/** Where a Slack sync resumes: the phase and page of the current pass, and per phase the newest change seen. */
export const slackCursorSchema = z.object({
  pass: z
    .object({
      phase: z.number().int().min(0),
      next: z.string().optional(),
      page: z.number().int().min(1).optional(),
      maxSeen: z.number(),
      refsAtMax: z.array(z.string()).default([]),
    })
    .optional(),
  watermarks: z.record(z.string(), z.number()).default({}),
  /** Integration log entries at the log watermark's second (Slack dates have one-second resolution). */
  logRefsAtWatermark: z.array(z.string()).default([]),
});
export type SlackCursor = z.output<typeof slackCursorSchema>;
type Pass = NonNullable<SlackCursor['pass']>;

const phases = ['approved', 'requests', 'logs'] as const;
/** Vendor errors meaning "this org or plan has no such data": the phase is skipped, the sync goes on. */
const unavailable: Record<(typeof phases)[number], string[]> = {
  approved: ['team_not_on_enterprise', 'feature_not_enabled', 'not_an_enterprise'],
  requests: ['team_not_on_enterprise', 'feature_not_enabled', 'not_an_enterprise'],
  logs: ['paid_only', 'feature_not_enabled'],
};
const limit = 100;

interface Page {
  observations: ObservationInput[];
  people: PersonInput[];
  /** The pass after this page (newest change seen, next cursor or page). */
  pass: Pass;
  /** The phase is complete. */
  done: boolean;
  items: number;
  /** Records not in the documented shape, skipped. */
  invalid: number;
}

/** Incremental Slack sync: approved and requested apps (changed since the last pass), then new integration log entries. */
export async function syncSlack(
  web: WebClient,
  config: SlackConfig,
  context: ConnectorContext,
  options: SyncOptions,
): Promise<SyncSummary> {
  const summary: SyncSummary = { pages: 0, items: 0, counts: {} };
  const parsed = slackCursorSchema.safeParse(options.cursor ?? {});
  let cursor: SlackCursor = parsed.success ? parsed.data : { watermarks: {}, logRefsAtWatermark: [] };
  let pass: Pass = cursor.pass ?? { phase: 0, maxSeen: 0, refsAtMax: [] };
  const call = <T>(fn: () => Promise<T>) =>
    withRetry(fn, { signal: options.signal, maxRetries: context.maxRetries ?? 5 });
  // The config schema requires one of the two.
  const resolve = config.resolveEmails ? createEmailResolver(web, call) : null;
  const scope = config.enterpriseId ? { enterprise_id: config.enterpriseId } : { team_id: config.teamId! };

  while (pass.phase < phases.length) {
    const phase = phases[pass.phase]!;
    const since = cursor.watermarks[phase] ?? 0;
    let page: Page;
    try {
      if (phase === 'logs') {
        const team = config.teamId ? { team_id: config.teamId } : {};
        const res = await call(() => web.team.integrationLogs({ count: limit, page: pass.page ?? 1, ...team }));
        page = logsPage(res as unknown as Record<string, unknown>, pass, since, cursor.logRefsAtWatermark);
      } else {
        const res =
          phase === 'approved'
            ? await call(() => web.admin.apps.approved.list({ ...scope, limit, cursor: pass.next }))
            : await call(() => web.admin.apps.requests.list({ ...scope, limit, cursor: pass.next }));
        page = appsPage(phase, res as unknown as Record<string, unknown>, pass, since);
      }
    } catch (err) {
      const code = inspectError(err).vendorCode;
      if (options.signal.aborted || !code || !unavailable[phase].includes(code)) throw err;
      summary.counts[`${phase}Unavailable`] = 1;
      page = { observations: [], people: [], pass, done: true, items: 0, invalid: 0 };
    }
    if (resolve) await resolve(page.observations, page.people);
    pass = page.pass;
    if (page.done) {
      if (phase === 'logs') cursor = { ...cursor, logRefsAtWatermark: refsAtWatermark(cursor, pass, since) };
      cursor = { ...cursor, watermarks: { ...cursor.watermarks, [phase]: Math.max(since, pass.maxSeen) } };
      pass = { phase: pass.phase + 1, maxSeen: 0, refsAtMax: [] };
    }
    cursor = { ...cursor, pass: pass.phase < phases.length ? pass : undefined };
    await options.emit({ observations: page.observations, people: page.people, cursor });
    summary.pages++;
    if (page.invalid > 0) summary.counts.invalid = (summary.counts.invalid ?? 0) + page.invalid;
    summary.items += page.observations.length;
    summary.counts[phase] = (summary.counts[phase] ?? 0) + page.observations.length;
    options.progress({ phase, pages: summary.pages, items: summary.items });
  }
  return summary;
}

function appsPage(phase: 'approved' | 'requests', res: Record<string, unknown>, pass: Pass, since: number): Page {
  const list = (res[phase === 'approved' ? 'approved_apps' : 'app_requests'] ?? []) as Record<string, unknown>[];
  const observations: ObservationInput[] = [];
  const people: PersonInput[] = [];
  let maxSeen = pass.maxSeen;
  let invalid = 0;
  for (const raw of list) {
    const changed = Number(raw[phase === 'approved' ? 'date_updated' : 'date_created'] ?? 0);
    maxSeen = Math.max(maxSeen, changed);
    if (changed <= since) continue;
    const schema = phase === 'approved' ? approvedAppSchema : appRequestSchema;
    if (!schema.safeParse(raw).success) {
      invalid++;
      continue;
    }
    if (phase === 'approved') observations.push(mapApprovedApp(raw));
    else {
      const m = mapAppRequest(raw);
      observations.push(m.observation);
      if (m.person) people.push(m.person);
    }
  }
  const next = (res.response_metadata as { next_cursor?: string } | undefined)?.next_cursor;
  const after = { ...pass, maxSeen, next: next || undefined };
  return { observations, people, items: list.length, invalid, pass: after, done: !next };
}

/** The log entries at the new watermark's second, so the next pass skips exactly those. */
function refsAtWatermark(cursor: SlackCursor, pass: Pass, since: number): string[] {
  if (pass.maxSeen > since) return pass.refsAtMax;
  return [...new Set([...cursor.logRefsAtWatermark, ...pass.refsAtMax])];
}

function logsPage(res: Record<string, unknown>, pass: Pass, since: number, atWatermark: readonly string[]): Page {
  const raws = Array.isArray(res.logs) ? res.logs : [];
  const logs = raws.flatMap((raw) => {
    const l = integrationLogSchema.safeParse(raw);
    return l.success ? [l.data] : [];
  });
  const paging = (res.paging ?? {}) as { page?: number; pages?: number };
  const observations: ObservationInput[] = [];
  const people: PersonInput[] = [];
  let { maxSeen, refsAtMax } = pass;
  let reachedOld = false;
  for (const raw of logs) {
    const date = Number(raw.date);
    const ref = logRef(raw);
    if (date < since || (date === since && atWatermark.includes(ref))) {
      reachedOld = date < since || reachedOld;
      continue;
    }
    if (date > maxSeen) [maxSeen, refsAtMax] = [date, [ref]];
    else if (date === maxSeen) refsAtMax = [...refsAtMax, ref];
    const m = mapIntegrationLog(raw);
    observations.push(m.observation);
    people.push(m.person);
  }
  const page = paging.page ?? pass.page ?? 1;
  const done = reachedOld || raws.length === 0 || page >= (paging.pages ?? page);
  const after = { ...pass, maxSeen, refsAtMax, page: page + 1 };
  return { observations, people, items: raws.length, invalid: raws.length - logs.length, pass: after, done };
}
