import type { WxtBrowser } from 'wxt/browser';
import { contentScriptMatches } from './host-patterns.ts';

export const CONTENT_SCRIPT_ID = 'sightline-ai-page';
export const CONTENT_SCRIPT_FILE = 'content-scripts/ai-page.js';

type Scripting = Pick<
  WxtBrowser['scripting'],
  'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'
>;
type Permissions = Pick<WxtBrowser['permissions'], 'contains'>;

/** Bundle additions whose hosts the extension may script (their origins were granted); others get visits only. */
export async function grantedRules(rules: readonly string[], permissions: Permissions): Promise<string[]> {
  const out: string[] = [];
  for (const rule of rules) {
    const host = rule.split('/')[0]!;
    if (await permissions.contains({ origins: [`https://${host}/*`] }).catch(() => false)) out.push(rule);
  }
  return out;
}

/**
 * Registers the page script for exactly these host rules (and nothing else), replacing an older registration
 * when the set changed. Returns the match patterns in force.
 */
export async function registerContentScripts(scripting: Scripting, rules: readonly string[]): Promise<string[]> {
  const matches = contentScriptMatches(rules);
  const existing = await scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  const current = existing[0]?.matches ?? [];
  if (
    existing.length > 0 &&
    current.length === matches.length &&
    current.every((m: string, i: number) => m === matches[i])
  ) {
    return matches;
  }
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (matches.length === 0) return [];
  await scripting.registerContentScripts([
    {
      id: CONTENT_SCRIPT_ID,
      js: [CONTENT_SCRIPT_FILE],
      matches,
      runAt: 'document_start',
      allFrames: true,
      persistAcrossSessions: true,
    },
  ]);
  return matches;
}
