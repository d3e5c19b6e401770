import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { headerValue } from '../src/rate-limit.ts';
import { withRetry } from '../src/retry.ts';
import {
  type ConnectorContext,
  ConnectorError,
  type ObservationInput,
  type PersonInput,
  type SyncOptions,
  type SyncSummary,
} from '../src/types.ts';
import type { GithubConfig } from './client.ts';
import { mapInstallation, mapPatGrant, mapSeat, newest } from './map.ts';

interface Phase {
  name: 'installations' | 'seats' | 'grants';
  path: (org: string) => string;
  /** Key of the list in the response body; none when the body is the list. */
  key?: string;
  /** When the record changed last (epoch ms), to emit only what changed since the previous pass. */
  changedAt: (raw: Record<string, string | null | undefined>) => number;
  map: (raw: unknown) => { observation: ObservationInput; person?: PersonInput } | null;
  /** HTTP statuses meaning "this organisation or token cannot have this data": the phase is skipped. */
  unavailable: number[];
}

export const githubPhases: readonly Phase[] = [
  {
    name: 'installations',
    path: (org) => `/orgs/${org}/installations`,
    key: 'installations',
    changedAt: (r) => newest(r.created_at, r.updated_at),
    map: (raw) => ({ observation: mapInstallation(raw) }),
    unavailable: [],
  },
  {
    name: 'seats',
    path: (org) => `/orgs/${org}/copilot/billing/seats`,
    key: 'seats',
    changedAt: (r) => newest(r.created_at, r.updated_at, r.last_activity_at, r.pending_cancellation_date),
    map: mapSeat,
    // No Copilot Business/Enterprise subscription.
    unavailable: [404, 422],
  },
  {
    name: 'grants',
    path: (org) => `/orgs/${org}/personal-access-tokens`,
    changedAt: (r) => newest(r.access_granted_at, r.token_last_used_at),
    map: mapPatGrant,
    // GitHub serves fine-grained token grants to GitHub App tokens only; other tokens get 403/404.
    unavailable: [403, 404],
  },
];

/** Where a GitHub sync resumes: the phase and next page of the current pass, and per phase the newest change seen. */
export const githubCursorSchema = z.object({
  pass: z.object({ phase: z.number().int().min(0), next: z.string().optional(), maxSeen: z.number() }).optional(),
  watermarks: z.record(z.string(), z.number()).default({}),
});
export type GithubCursor = z.output<typeof githubCursorSchema>;

const perPage = 100;

/** The `rel="next"` target of a Link header, relative to `baseUrl`; throws if it leaves the API host. */
export function nextPath(link: string | undefined, baseUrl: string): string | undefined {
  const m = link && /<([^>]+)>;\s*rel="next"/.exec(link);
  if (!m) return undefined;
  const base = baseUrl.replace(/\/+$/, '');
  if (!m[1]!.startsWith(`${base}/`)) {
    throw new ConnectorError('unexpected', `GitHub returned a next page outside ${base}; refusing to follow it.`);
  }
  return m[1]!.slice(base.length);
}

/** Incremental GitHub sync: app installations, Copilot seats and token grants, emitting records changed since the last pass. */
export async function syncGithub(
  octokit: Octokit,
  config: GithubConfig,
  context: ConnectorContext,
  options: SyncOptions,
): Promise<SyncSummary> {
  const summary: SyncSummary = { pages: 0, items: 0, counts: {} };
  const parsed = githubCursorSchema.safeParse(options.cursor ?? {});
  let cursor: GithubCursor = parsed.success ? parsed.data : { watermarks: {} };
  let pass = cursor.pass ?? { phase: 0, maxSeen: 0 };
  while (pass.phase < githubPhases.length) {
    const phase = githubPhases[pass.phase]!;
    const since = cursor.watermarks[phase.name] ?? 0;
    const path = pass.next ?? `${phase.path(config.org)}?per_page=${perPage}`;
    let res: Awaited<ReturnType<Octokit['request']>>;
    try {
      res = await withRetry(() => octokit.request(`GET ${path}`, { request: { signal: options.signal } }), {
        signal: options.signal,
        maxRetries: context.maxRetries ?? 5,
      });
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (options.signal.aborted || status === undefined || !phase.unavailable.includes(status)) throw err;
      summary.counts[`${phase.name}Unavailable`] = 1;
      pass = { phase: pass.phase + 1, maxSeen: 0 };
      cursor = { ...cursor, pass: pass.phase < githubPhases.length ? pass : undefined };
      await options.emit({ observations: [], cursor });
      continue;
    }
    const body = res.data as Record<string, unknown> | unknown[];
    const items = (Array.isArray(body) ? body : phase.key ? body[phase.key] : []) as Record<string, string>[];
    const observations: ObservationInput[] = [];
    const people: PersonInput[] = [];
    let maxSeen = pass.maxSeen;
    for (const raw of items ?? []) {
      const changed = phase.changedAt(raw);
      maxSeen = Math.max(maxSeen, changed);
      if (changed <= since) continue;
      let mapped: ReturnType<Phase['map']>;
      try {
        mapped = phase.map(raw);
      } catch (err) {
        // A record not in the documented shape is counted and skipped; the sync goes on.
        if (!(err instanceof z.ZodError)) throw err;
        summary.counts.invalid = (summary.counts.invalid ?? 0) + 1;
        continue;
      }
      if (!mapped) continue;
      observations.push(mapped.observation);
      if (mapped.person) people.push(mapped.person);
    }
    const next = nextPath(headerValue(res.headers as Record<string, string>, 'link'), config.baseUrl);
    if (next) pass = { phase: pass.phase, next, maxSeen };
    else {
      cursor = { ...cursor, watermarks: { ...cursor.watermarks, [phase.name]: Math.max(since, maxSeen) } };
      pass = { phase: pass.phase + 1, maxSeen: 0 };
    }
    cursor = { ...cursor, pass: pass.phase < githubPhases.length ? pass : undefined };
    await options.emit({ observations, people, cursor });
    summary.pages++;
    summary.items += observations.length;
    summary.counts[phase.name] = (summary.counts[phase.name] ?? 0) + observations.length;
    options.progress({ phase: phase.name, pages: summary.pages, items: summary.items });
  }
  return summary;
}
