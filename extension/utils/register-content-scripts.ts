import type { WxtBrowser } from 'wxt/browser';
import { contentScriptMatches } from './host-patterns.ts';

export const CONTENT_SCRIPT_ID = 'sightline-ai-page';
export const SCANNER_SCRIPT_ID = 'sightline-ai-scanner';

/** The page script (small, at document_start) and the DLP engine (large, at document_idle, never delaying the page). */
const SCRIPTS = [
  { id: CONTENT_SCRIPT_ID, js: ['content-scripts/ai-page.js'], runAt: 'document_start' as const },
  { id: SCANNER_SCRIPT_ID, js: ['content-scripts/ai-scanner.js'], runAt: 'document_idle' as const },
];

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
 * Registers the page scripts for exactly these host rules (and nothing else), replacing an older registration
 * when the set changed. Returns the match patterns in force.
 */
export async function registerContentScripts(scripting: Scripting, rules: readonly string[]): Promise<string[]> {
  const matches = contentScriptMatches(rules);
  const existing = await scripting.getRegisteredContentScripts({ ids: SCRIPTS.map((s) => s.id) });
  const same = (m: readonly string[] | undefined) =>
    m !== undefined && m.length === matches.length && m.every((x, i) => x === matches[i]);
  if (existing.length === SCRIPTS.length && existing.every((e) => same(e.matches))) return matches;
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map((e) => e.id) });
  if (matches.length === 0) return [];
  await scripting.registerContentScripts(
    SCRIPTS.map((s) => ({ ...s, matches, allFrames: true, persistAcrossSessions: true })),
  );
  return matches;
}
