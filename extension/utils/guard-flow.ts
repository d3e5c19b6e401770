import type { DlpAction } from '@sightline/backend/protocol';
import type { Finding } from '@sightline/dlp';
import type { AccountInfo } from './detect-account.ts';
import type { PageEvent } from './messages.ts';
import { type NoticeContent, showNotice } from './notice-ui.ts';
import type { PageConfig } from './page-config.ts';
import type { PagePolicy } from './page-policy.ts';
import type { SiteAdapter } from './site-adapter.ts';
import { summariseFindings } from './summarise-findings.ts';

/** What the page script knows and can do; built once per page. */
export interface GuardContext {
  config: PageConfig;
  policy: PagePolicy;
  /** The in-page DLP engine; null until its script has loaded (meanwhile every scan runs in the worker). */
  scanner: { scan(text: string): Finding[] } | null;
  adapter: SiteAdapter;
  doc: Document;
  account(): AccountInfo;
  report(event: PageEvent): void;
  /** Scans text somewhere other than the page's main thread (the background worker); null when unavailable. */
  scanElsewhere?: (text: string) => Promise<Finding[] | null>;
}

/** Text at least this long is scanned off the main thread, so a huge paste never freezes the page. */
export const OFFLOAD_CHARS = 64 * 1024;

export type Trigger = 'paste' | 'drop' | 'upload' | 'submit';

/** The result of scanning: findings, the policy's action, and whether the page must be stopped now. */
export interface Check {
  findings: Finding[];
  action: DlpAction;
  /** Files that could not be scanned (not text-like or too large). */
  unscannable: number;
  /** True in enforce mode when the action is not `allow`: the event must not reach the page as it is. */
  intercept: boolean;
}

/** The outcome after the person saw the notice (or did not need to). */
export type Outcome = 'allow' | 'proceed' | 'cancel' | 'redact' | 'block';

function verdict(ctx: GuardContext, findings: Finding[]): Check {
  const action = findings.length === 0 ? 'allow' : ctx.policy.actionFor(findings, ctx.account().accountType);
  return { findings, action, unscannable: 0, intercept: ctx.config.mode === 'enforce' && action !== 'allow' };
}

/** Scans text synchronously and applies the bundle's action for this service and account. */
export function checkText(ctx: GuardContext, text: string): Check {
  return verdict(ctx, text.length === 0 || !ctx.scanner ? [] : ctx.scanner.scan(text));
}

/** True when `text` must be scanned off the main thread: it is large, or the in-page engine has not loaded yet. */
export function isLarge(ctx: GuardContext, text: string): boolean {
  return (text.length >= OFFLOAD_CHARS || ctx.scanner === null) && ctx.scanElsewhere !== undefined;
}

/** Like `checkText`, but large text is scanned off the main thread (falling back to the page if that fails). */
export async function checkTextAsync(ctx: GuardContext, text: string): Promise<Check> {
  if (!isLarge(ctx, text)) return checkText(ctx, text);
  const findings = await ctx.scanElsewhere!(text).catch(() => null);
  return findings ? verdict(ctx, findings) : checkText(ctx, text);
}

const EXPLAIN: Record<NoticeContent['action'], string> = {
  block: "Your organisation's policy does not allow sending this kind of data to this service. Nothing was sent.",
  warn: "Your organisation's policy asks you to confirm before sending this kind of data to this service. Nothing has been sent yet.",
  redact: 'The sensitive parts were replaced by markers before anything was sent.',
};

/** The notice lines: detector names with counts, never values. */
export function foundLines(ctx: GuardContext, check: Check): string[] {
  const lines = summariseFindings(check.findings, ctx.policy.categoryOf, false).map(
    (s) => `${ctx.policy.nameOf(s.detector)}${s.count > 1 ? ` (${s.count})` : ''}`,
  );
  if (check.unscannable > 0) lines.push(`${check.unscannable} file(s) that cannot be checked (type or size)`);
  return lines;
}

/**
 * Reports the check and, in enforce mode, tells the person: block and redact show an informational notice, warn
 * asks for a justification. `redactable` says whether the caller can insert a masked version instead.
 */
export async function settle(ctx: GuardContext, check: Check, trigger: Trigger, redactable: boolean): Promise<Outcome> {
  if (check.findings.length === 0 && check.unscannable === 0) return 'allow';
  let action = check.action;
  if (action === 'redact' && !redactable) action = 'block';
  const base = {
    kind: 'dlp' as const,
    trigger,
    accountType: ctx.account().accountType,
    findings: [
      ...summariseFindings(check.findings, ctx.policy.categoryOf, ctx.config.dlp.maskedPreviews),
      ...(check.unscannable > 0
        ? [
            {
              detector: 'unscannable-file',
              category: 'confidential' as const,
              confidence: 'low' as const,
              count: check.unscannable,
              hashes: [],
            },
          ]
        : []),
    ],
    action,
    mode: ctx.config.mode,
  };
  if (!check.intercept || action === 'allow') {
    ctx.report(base);
    return 'allow';
  }
  const notice = showNotice(ctx.doc, {
    action,
    found: foundLines(ctx, check),
    explanation: EXPLAIN[action],
    contact: ctx.config.notice.contact,
  });
  if (action !== 'warn') {
    ctx.report(base);
    void notice;
    return action;
  }
  const result = await notice;
  ctx.report({
    ...base,
    decision: result.decision === 'proceed' ? 'proceeded' : 'cancelled',
    ...(result.justification ? { justification: result.justification.slice(0, 1000) } : {}),
  });
  return result.decision;
}
