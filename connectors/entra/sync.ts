/** Entra sync: users, service principals (delta) with assignments, delegated grants, sign-ins (watermark), Copilot seats. */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { withRetry } from '../okta/retry.ts';
import type { ConnectorContext, ObservationInput, SyncOptions, SyncSummary } from '../src/types.ts';
import { type EntraConfig, graphLinkParts, graphRetryDecision, premiumCode } from './client.ts';
import * as m from './map.ts';

/** Resume state: SP delta (in-progress next link or final delta link), grants next link, sign-in watermark traversal. */
export const entraCursorSchema = z.object({
  phase: z.enum(['sps', 'grants', 'signins', 'copilot']).optional(),
  spNext: z.string().optional(),
  spDelta: z.string().optional(),
  grantsNext: z.string().optional(),
  signIns: z
    .object({ watermark: z.string().optional(), next: z.string().optional(), newest: z.string().optional() })
    .default({}),
  notes: z.array(z.string()).optional(),
});
export type EntraCursor = z.infer<typeof entraCursorSchema>;

interface Page {
  value: unknown[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Runs one sync; each emit carries the cursor that resumes after it. */
export async function syncEntra(
  client: Client,
  config: EntraConfig,
  context: ConnectorContext,
  options: SyncOptions,
): Promise<SyncSummary> {
  const { signal } = options;
  const summary: SyncSummary = { pages: 0, items: 0, counts: {} };
  const count = (k: string, n: number) => {
    summary.counts[k] = (summary.counts[k] ?? 0) + n;
  };
  const now = context.now();
  const get = async (link: string): Promise<Page> => {
    signal.throwIfAborted();
    const page = await withRetry(
      () => {
        if (!/^https?:\/\//.test(link)) return client.api(link).get() as Promise<Page>;
        const { version, path } = graphLinkParts(link);
        return client.api(path).version(version).get() as Promise<Page>;
      },
      {
        maxRetries: context.maxRetries ?? 5,
        signal,
        classify: graphRetryDecision,
        onWait: ({ throttled }) => throttled && count('throttled', 1),
      },
    );
    summary.pages++;
    return page;
  };
  const report = (phase: string, n: number) => {
    summary.items += n;
    options.progress({ phase, pages: summary.pages, items: summary.items });
  };
  let cursor: EntraCursor = entraCursorSchema.parse(options.cursor ?? {});
  const emit = async (
    observations: ObservationInput[],
    phase: string,
    next: Partial<EntraCursor>,
    people?: ReturnType<typeof m.mapUser>[],
  ) => {
    cursor = { ...cursor, ...next };
    await options.emit({ observations, people, cursor });
    report(phase, observations.length);
  };

  // Users: full list every run (the id → e-mail map resolves grants and assignments); people only, no cursor change.
  const emails = new Map<string, string>();
  for (
    let link: string | undefined = '/users?$select=id,mail,userPrincipalName,department,displayName&$top=999';
    link;
  ) {
    const page = await get(link);
    const people = page.value.map((u) => {
      const user = m.userSchema.parse(u);
      const p = m.mapUser(user);
      if (p.email) emails.set(user.id, p.email);
      return p;
    });
    count('people', people.length);
    await emit([], 'users', {}, people);
    link = page['@odata.nextLink'];
  }

  const sps = new Map<string, m.SpRef>();
  const resolveSp = async (id: string): Promise<m.SpRef | undefined> => {
    if (!sps.has(id)) {
      try {
        sps.set(id, m.spRef(m.spSchema.parse(await get(`/servicePrincipals/${id}?$select=id,appId,displayName`))));
      } catch {
        return undefined;
      }
    }
    return sps.get(id);
  };

  if (!cursor.phase || cursor.phase === 'sps') {
    let link =
      cursor.spNext ??
      cursor.spDelta ??
      '/servicePrincipals/delta?$select=id,appId,displayName,appDisplayName,publisherName,verifiedPublisher,servicePrincipalType,replyUrls,homepage,tags';
    for (;;) {
      const page = await get(link);
      const observations: ObservationInput[] = [];
      for (const raw of page.value) {
        const sp = m.spSchema.parse(raw);
        const o = m.mapServicePrincipal(sp, now);
        if (!o) continue;
        sps.set(sp.id, m.spRef(sp));
        observations.push(o);
        count('apps', 1);
        // Assignments are read for SPs the delta reports (all of them on the first sync).
        for (let a: string | undefined = `/servicePrincipals/${sp.id}/appRoleAssignedTo?$top=999`; a; ) {
          const assigned = await get(a);
          for (const r of assigned.value) {
            const asg = m.assignmentSchema.parse(r);
            observations.push(m.mapAppRoleAssignment(asg, sps.get(sp.id), emails.get(asg.principalId), now));
            count('assignments', 1);
          }
          a = assigned['@odata.nextLink'];
        }
      }
      const next = page['@odata.nextLink'];
      const delta = page['@odata.deltaLink'];
      await emit(
        observations,
        'apps',
        next
          ? { phase: 'sps', spNext: next }
          : { phase: 'grants', spNext: undefined, spDelta: delta ?? cursor.spDelta, grantsNext: undefined },
      );
      if (!next) break;
      link = next;
    }
  }

  if (cursor.phase === 'grants') {
    for (let link: string | undefined = cursor.grantsNext ?? '/oauth2PermissionGrants?$top=999'; link; ) {
      const page = await get(link);
      const observations: ObservationInput[] = [];
      for (const raw of page.value) {
        const g = m.grantSchema.parse(raw);
        observations.push(
          m.mapPermissionGrant(
            g,
            await resolveSp(g.clientId),
            g.principalId ? emails.get(g.principalId) : undefined,
            now,
          ),
        );
      }
      count('grants', observations.length);
      link = page['@odata.nextLink'];
      await emit(observations, 'grants', link ? { grantsNext: link } : { phase: 'signins', grantsNext: undefined });
    }
  }

  if (cursor.phase === 'signins') await syncSignIns(get, config, now, cursor, emit, count);
  if (cursor.phase === 'copilot') {
    try {
      for (
        let link: string | undefined =
          `/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='${config.copilotPeriod}')`;
        link;
      ) {
        const page: Page = link.startsWith('/') ? await get(`${config.graphUrl}/beta${link}`) : await get(link);
        const seats = page.value.map((r) => m.mapCopilotSeat(m.copilotRowSchema.parse(r)));
        count('seats', seats.length);
        link = page['@odata.nextLink'];
        await emit(seats, 'seats', link ? {} : { phase: undefined });
      }
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== 403 && status !== 404) throw error;
      count('copilotSkipped', 1);
      await emit([], 'seats', {
        phase: undefined,
        notes: [
          ...(cursor.notes ?? []).filter((n) => !n.startsWith('copilot')),
          'copilot: usage report not readable (Reports.Read.All or Copilot licence missing)',
        ],
      });
    }
  }
  return summary;
}

type Emit = (o: ObservationInput[], phase: string, next: Partial<EntraCursor>) => Promise<void>;

/** Sign-ins newest first above the watermark; the watermark moves to the newest seen only when the traversal ends. */
async function syncSignIns(
  get: (l: string) => Promise<Page>,
  config: EntraConfig,
  now: Date,
  cursor: EntraCursor,
  emit: Emit,
  count: (k: string, n: number) => void,
) {
  const watermark =
    cursor.signIns.watermark ?? new Date(now.getTime() - config.signInLookbackDays * 86_400_000).toISOString();
  let newest = cursor.signIns.newest;
  let link: string | undefined =
    cursor.signIns.next ?? `/auditLogs/signIns?$filter=createdDateTime ge ${watermark}&$top=1000`;
  try {
    while (link) {
      const page = await get(link);
      const observations = page.value.map((raw) => m.mapSignIn(m.signInSchema.parse(raw)));
      for (const o of observations)
        if (!newest || o.windowStart.toISOString() > newest) newest = o.windowStart.toISOString();
      count('sign-ins', observations.length);
      link = page['@odata.nextLink'];
      await emit(
        observations,
        'sign-ins',
        link
          ? { signIns: { watermark, next: link, newest } }
          : {
              phase: 'copilot',
              signIns: { watermark: newest ?? watermark },
              notes: cursor.notes?.filter((n) => !n.startsWith('sign-ins')),
            },
      );
    }
  } catch (error) {
    if ((error as { code?: string }).code !== premiumCode) throw error;
    count('signInsSkippedNoLicense', 1);
    const note =
      'sign-ins: skipped, the tenant has no Microsoft Entra ID P1/P2 licence (Authentication_RequestFromNonPremiumTenantOrB2CTenant)';
    await emit([], 'sign-ins', {
      phase: 'copilot',
      notes: [...(cursor.notes ?? []).filter((n) => !n.startsWith('sign-ins')), note],
    });
  }
}
