import type { Editable } from './editor-text.ts';
import { readEditorText } from './editor-text.ts';
import { type Check, checkText, checkTextAsync, type GuardContext, isLarge, settle } from './guard-flow.ts';
import { insertText, replaceText, saveSelection } from './insert-text.ts';
import { redactText } from './summarise-findings.ts';

const stop = (e: Event) => {
  e.preventDefault();
  e.stopImmediatePropagation();
};

/** Text pasted or dropped into a field: scanned before the editor sees it. Files are left to the file interceptor. */
export function handleTextTransfer(
  ctx: GuardContext,
  event: ClipboardEvent | DragEvent,
  trigger: 'paste' | 'drop',
): void {
  const data = 'clipboardData' in event ? event.clipboardData : (event as DragEvent).dataTransfer;
  if (!data || data.files.length > 0) return;
  const field = ctx.adapter.inComposer(event.target);
  if (!field) return;
  const text = data.getData('text/plain');
  if (text.length === 0) return;
  const account = ctx.account().accountType;
  const monitorOnly = ctx.config.mode !== 'enforce';
  if (isLarge(ctx, text)) {
    // Too big to scan without freezing the page: hold it, scan in the worker, then insert it if allowed.
    // In monitor mode the page gets it at once and the scan only reports.
    if (monitorOnly) {
      ctx.report({ kind: 'interaction', action: trigger, accountType: account, chars: text.length });
      void checkTextAsync(ctx, text).then((check) => settle(ctx, check, trigger, true));
      return;
    }
    stop(event);
    const saved = saveSelection(field);
    const started = performance.now();
    void checkTextAsync(ctx, text).then((check) => {
      performance.measure?.('sightline:offloaded-scan', { start: started });
      return finish(check, saved, true);
    });
    return;
  }
  const check = checkText(ctx, text);
  if (!check.intercept) {
    ctx.report({ kind: 'interaction', action: trigger, accountType: account, chars: text.length });
    void settle(ctx, check, trigger, true);
    return;
  }
  stop(event);
  void finish(check, saveSelection(field), false);

  async function finish(check: Check, saved: ReturnType<typeof saveSelection>, held: boolean) {
    const outcome = await settle(ctx, check, trigger, true);
    const insert = outcome === 'proceed' || outcome === 'redact' || (held && outcome === 'allow');
    if (!insert || !field) return;
    const out = outcome === 'redact' ? redactText(text, check.findings, (f) => ctx.policy.nameOf(f.detector)) : text;
    insertText(field, out, saved);
    ctx.report({ kind: 'interaction', action: trigger, accountType: account, chars: out.length });
  }
}

/**
 * Submit (Enter in a field, a click on the send button, a form submit): the whole prompt is scanned; if the
 * policy stops it, the page never sees the event. After "send anyway" the send is replayed once.
 */
export function createSubmitGuard(ctx: GuardContext) {
  let replaying = false;
  // Enter often makes the page click its own send button: one prompt, one check.
  let last = { text: '', at: 0, stopped: false };

  const replay = (field: Editable) => {
    replaying = true;
    try {
      const send = ctx.adapter.findSend();
      if (send) send.click();
      else {
        const init = {
          key: 'Enter',
          code: 'Enter',
          keyCode: 13,
          which: 13,
          bubbles: true,
          cancelable: true,
          composed: true,
        };
        field.dispatchEvent(new KeyboardEvent('keydown', init));
      }
    } finally {
      replaying = false;
    }
  };

  const guard = (event: Event, field: Editable | null) => {
    if (replaying || !field) return;
    const text = readEditorText(field);
    if (text.trim().length === 0) return;
    const now = performance.now();
    if (text === last.text && now - last.at < 1000) {
      // Already decided: a stopped prompt stays stopped, an allowed one is not checked (or reported) twice.
      if (last.stopped) stop(event);
      return;
    }
    last = { text, at: now, stopped: false };
    const account = ctx.account().accountType;
    if (isLarge(ctx, text)) {
      if (ctx.config.mode !== 'enforce') {
        ctx.report({ kind: 'interaction', action: 'prompt', accountType: account, chars: text.length });
        void checkTextAsync(ctx, text).then((check) => settle(ctx, check, 'submit', true));
        return;
      }
      stop(event);
      last.stopped = true;
      void checkTextAsync(ctx, text).then((check) => finish(check, field, text, true));
      return;
    }
    const check = checkText(ctx, text);
    if (!check.intercept) {
      ctx.report({ kind: 'interaction', action: 'prompt', accountType: account, chars: text.length });
      void settle(ctx, check, 'submit', true);
      return;
    }
    stop(event);
    last.stopped = true;
    void finish(check, field, text, false);
  };

  const finish = async (check: Check, field: Editable, text: string, held: boolean) => {
    const outcome = await settle(ctx, check, 'submit', true);
    last = { text: '', at: 0, stopped: false };
    if (outcome === 'proceed' || (held && outcome === 'allow')) {
      ctx.report({ kind: 'interaction', action: 'prompt', accountType: ctx.account().accountType, chars: text.length });
      replay(field);
    } else if (outcome === 'redact') {
      // The masked prompt goes back into the field for the person to review and send.
      replaceText(
        field,
        redactText(text, check.findings, (f) => ctx.policy.nameOf(f.detector)),
      );
    }
  };

  return {
    onKeydown(event: KeyboardEvent) {
      if (event.key !== 'Enter' && event.code !== 'NumpadEnter') return;
      if (event.shiftKey || event.isComposing || event.keyCode === 229 || !event.isTrusted) return;
      const field = ctx.adapter.inComposer(event.target);
      // A plain text input or a textarea with Enter as newline is not a send; editors and chat textareas are.
      if (field && field.tagName === 'INPUT') return;
      guard(event, field);
    },
    onClick(event: MouseEvent) {
      const target = event.target as Element | null;
      if (!target?.closest || !ctx.adapter.isSend(target)) return;
      guard(event, ctx.adapter.findInput());
    },
    onSubmit(event: SubmitEvent) {
      const form = event.target as HTMLFormElement;
      const input = ctx.adapter.findInput();
      if (input && form.contains(input)) guard(event, input);
    },
  };
}
