import type { WebClient } from '@slack/web-api';
import { inspectError } from '../src/error-info.ts';
import type { ObservationInput, PersonInput } from '../src/types.ts';

/** Codes after which looking up more users is pointless for this sync (the token cannot read e-mails). */
const stopCodes = new Set(['missing_scope', 'not_allowed_token_type', 'no_permission']);

/**
 * Resolves Slack user ids to e-mails with `users.info` (scope users:read.email), once per user per sync. Without
 * the scope it stops asking and people keep their `ext:slack:<id>` keys.
 */
export function createEmailResolver(web: WebClient, call: <T>(fn: () => Promise<T>) => Promise<T>) {
  const cache = new Map<string, string | null>();
  let enabled = true;
  const lookup = async (id: string): Promise<string | null> => {
    if (!enabled) return null;
    if (cache.has(id)) return cache.get(id)!;
    try {
      const res = await call(() => web.users.info({ user: id }));
      const email = res.user?.profile?.email?.toLowerCase() ?? null;
      cache.set(id, email);
      return email;
    } catch (err) {
      const code = inspectError(err).vendorCode ?? '';
      if (stopCodes.has(code)) enabled = false;
      else if (code !== 'user_not_found' && code !== 'user_not_visible') throw err;
      cache.set(id, null);
      return null;
    }
  };

  /** Rewrites external-id people and observation persons to e-mails where Slack gives them. */
  return async function resolve(observations: ObservationInput[], people: PersonInput[]): Promise<void> {
    for (const o of observations) {
      if (!o.person || !('externalId' in o.person)) continue;
      const email = await lookup(o.person.externalId);
      if (email) o.person = { email };
    }
    for (const p of people) {
      if (p.email || !p.personKey.startsWith('ext:slack:')) continue;
      const email = await lookup(p.personKey.slice('ext:slack:'.length));
      if (email) Object.assign(p, { personKey: email, email });
    }
  };
}
