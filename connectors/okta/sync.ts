/** Okta sync: apps with assignments and consent grants (full pass), then the System Log from a persistent polling cursor. */
import type { Client } from '@okta/okta-sdk-nodejs';
import { z } from 'zod';
import type { ConnectorContext, ObservationInput, PersonInput, SyncOptions, SyncSummary } from '../src/types.ts';
import { oktaRetryDecision } from './client.ts';
import {
  mapOktaApp,
  mapOktaAppUser,
  mapOktaGrant,
  mapOktaLogEvent,
  type OktaApp,
  oktaAppSchema,
  oktaAppUserSchema,
  oktaEventTypes,
  oktaGrantSchema,
  oktaLogEventSchema,
} from './map.ts';
import { withRetry } from './retry.ts';

/** Where a sync resumes: inside the app listing (`apps.next`), and the System Log polling link (`logsNext`). */
export const oktaCursorSchema = z.object({
  apps: z.object({ next: z.string() }).optional(),
  logsNext: z.string().optional(),
});
export type OktaCursor = z.infer<typeof oktaCursorSchema>;

/** The paging surface of the SDK's `Collection` that the sync drives one page at a time. */
interface Pager {
  nextUri: string | undefined;
  getNextPage(): Promise<unknown[]>;
}

/** Page sizes (Okta maximums by default; tests use small pages to get many batches). */
export interface OktaPaging {
  appPage: number;
  logPage: number;
}
const defaultPaging: OktaPaging = { appPage: 50, logPage: 1000 };
const APP_CONCURRENCY = 4;

/** Runs one sync; every emitted batch carries the cursor that resumes right after it. */
export async function syncOkta(
  client: Client,
  config: { logLookbackDays: number },
  context: ConnectorContext,
  options: SyncOptions,
  paging: OktaPaging = defaultPaging,
): Promise<SyncSummary> {
  const { signal } = options;
  const summary: SyncSummary = { pages: 0, items: 0, counts: {} };
  const count = (key: string, n: number) => {
    summary.counts[key] = (summary.counts[key] ?? 0) + n;
  };
  const retry = <T>(fn: () => Promise<T>) =>
    withRetry(fn, {
      maxRetries: context.maxRetries ?? 5,
      signal,
      classify: oktaRetryDecision,
      onWait: ({ throttled }) => throttled && count('throttled', 1),
    });
  const fetchPage = async (pager: Pager): Promise<unknown[]> => {
    signal.throwIfAborted();
    const uri = pager.nextUri;
    const items = await retry(() => {
      pager.nextUri = uri;
      return pager.getNextPage();
    });
    summary.pages++;
    return items;
  };
  const drain = async (pager: Pager): Promise<unknown[]> => {
    const all: unknown[] = [];
    while (pager.nextUri) all.push(...(await fetchPage(pager)));
    return all;
  };
  const report = (phase: string, items: number) => {
    summary.items += items;
    options.progress({ phase, pages: summary.pages, items: summary.items });
  };

  let cursor: OktaCursor = oktaCursorSchema.parse(options.cursor ?? {});
  const now = context.now();

  // Apps, their assignments and scope consent grants: no change feed in Okta, so a full pass each run.
  const apps = (await client.applicationApi.listApplications({ limit: paging.appPage })) as unknown as Pager;
  if (cursor.apps) apps.nextUri = cursor.apps.next;
  while (apps.nextUri) {
    const page = (await fetchPage(apps)).map((a) => oktaAppSchema.parse(a));
    const observations: ObservationInput[] = [];
    const people = new Map<string, PersonInput>();
    const perApp = await mapLimit(page, APP_CONCURRENCY, async (app) => {
      const users = await drain(
        (await client.applicationApi.listApplicationUsers({
          appId: app.id,
          expand: 'user',
          limit: 500,
        })) as unknown as Pager,
      );
      const grants =
        app.signOnMode === 'OPENID_CONNECT'
          ? await drain((await client.applicationApi.listScopeConsentGrants({ appId: app.id })) as unknown as Pager)
          : [];
      return { app, users, grants };
    });
    for (const { app, users, grants } of perApp) {
      observations.push(mapOktaApp(app, now));
      const emails = new Map<string, string>();
      for (const raw of users) {
        const { observation, person } = mapOktaAppUser(app, oktaAppUserSchema.parse(raw), now);
        observations.push(observation);
        if (person) {
          people.set(person.personKey, person);
          emails.set(String(observation.details?.['oktaUserId']), person.personKey);
        }
      }
      for (const raw of grants) {
        const grant = oktaGrantSchema.parse(raw);
        observations.push(mapOktaGrant(app, grant, now, grant.userId ? emails.get(grant.userId) : undefined));
      }
      count('assignments', users.length);
      count('grants', grants.length);
    }
    count('apps', page.length);
    cursor = { ...cursor, apps: apps.nextUri ? { next: apps.nextUri } : undefined };
    await options.emit({ observations, people: [...people.values()], cursor });
    report('apps', observations.length);
  }

  // System Log: a polling query never ends (a next link is always present); an empty page means caught up.
  const since = new Date(now.getTime() - config.logLookbackDays * 86_400_000).toISOString();
  const filter = oktaEventTypes.map((t) => `eventType eq "${t}"`).join(' or ');
  const logs = (await client.systemLogApi.listLogEvents(
    cursor.logsNext
      ? { filter, limit: paging.logPage, sortOrder: 'ASCENDING' }
      : { since, filter, limit: paging.logPage, sortOrder: 'ASCENDING' },
  )) as unknown as Pager;
  if (cursor.logsNext) logs.nextUri = cursor.logsNext;
  let emitted = false;
  while (logs.nextUri) {
    const page = await fetchPage(logs);
    if (page.length === 0 && emitted) break;
    const observations: ObservationInput[] = [];
    for (const raw of page) {
      const o = mapOktaLogEvent(oktaLogEventSchema.parse(raw));
      if (!o) continue;
      observations.push(o);
      count(o.kind === 'sign_in' ? 'sign-ins' : 'consents', 1);
    }
    cursor = { ...cursor, logsNext: logs.nextUri };
    await options.emit({ observations, cursor });
    emitted = true;
    report('sign-ins', observations.length);
    if (page.length === 0) break;
  }
  return summary;
}

/** Maps `items` with at most `limit` calls in flight, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export type { OktaApp };
