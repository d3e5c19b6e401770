import type { DlpAction } from '@sightline/backend/protocol';
import type { Finding } from '@sightline/dlp';
import { type Check, checkTextAsync, type GuardContext, settle } from './guard-flow.ts';
import { stricter } from './page-policy.ts';
import { fileType, readTextFile } from './text-file.ts';

/** Scans files: text-like ones up to the size limit are read; the rest follow the bundle's unscannable rule. */
export async function checkFiles(ctx: GuardContext, files: readonly File[]): Promise<Check> {
  const findings: Finding[] = [];
  let action: DlpAction = 'allow';
  let unscannable = 0;
  for (const file of files) {
    const text = await readTextFile(file, ctx.config.dlp.maxFileBytes).catch(() => null);
    if (text === null) {
      unscannable++;
      action = stricter(action, ctx.config.dlp.unscannableFiles);
      continue;
    }
    const check = await checkTextAsync(ctx, text);
    findings.push(...check.findings);
    action = stricter(action, check.action);
  }
  if (unscannable > 0 && ctx.config.dlp.unscannableFiles === 'allow') unscannable = 0;
  return { findings, action, unscannable, intercept: ctx.config.mode === 'enforce' && action !== 'allow' };
}

function uploadReport(ctx: GuardContext, files: readonly File[], action: 'upload' | 'drop') {
  ctx.report({
    kind: 'interaction',
    action,
    accountType: ctx.account().accountType,
    files: files.length,
    bytes: files.reduce((n, f) => n + f.size, 0),
    fileTypes: [...new Set(files.map(fileType))].slice(0, 50),
  });
}

/**
 * File selection, file drops and pasted files. In enforce mode the event is held back while the files are
 * read and scanned, then replayed to the page if allowed (a file cannot be redacted, so redact blocks it).
 * In monitor mode the page gets the event at once and the scan only reports.
 */
export function createFileGuard(ctx: GuardContext, win: Window & typeof globalThis) {
  const replayed = new WeakSet<Event>();
  const enforce = ctx.config.mode === 'enforce';

  const hold = (
    event: Event,
    files: File[],
    trigger: 'upload' | 'drop' | 'paste',
    release: () => void,
    reject: () => void,
  ) => {
    if (!enforce) {
      uploadReport(ctx, files, trigger === 'upload' ? 'upload' : 'drop');
      void checkFiles(ctx, files).then((check) => settle(ctx, check, trigger, false));
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    void checkFiles(ctx, files)
      .then((check) => settle(ctx, check, trigger, false))
      .then((outcome) => {
        if (outcome === 'allow' || outcome === 'proceed') {
          uploadReport(ctx, files, trigger === 'upload' ? 'upload' : 'drop');
          release();
        } else reject();
      });
  };

  return {
    /** `input` and `change` of a file input. */
    onFileInput(event: Event) {
      const input = event.target as HTMLInputElement;
      if (replayed.has(event) || input?.tagName !== 'INPUT' || input.type !== 'file') return;
      // Browsers fire `input` then `change`; only `change` starts a check, `input` is held with it.
      if (event.type === 'input') {
        if (enforce) event.stopImmediatePropagation();
        return;
      }
      const files = [...(input.files ?? [])];
      if (files.length === 0) return;
      hold(
        event,
        files,
        'upload',
        () => {
          for (const type of ['input', 'change']) {
            const again = new Event(type, { bubbles: true });
            replayed.add(again);
            input.dispatchEvent(again);
          }
        },
        () => {
          input.value = '';
        },
      );
    },
    /** `drop` and `paste` carrying files. */
    onTransfer(event: DragEvent | ClipboardEvent) {
      if (replayed.has(event)) return;
      const data = 'clipboardData' in event ? event.clipboardData : (event as DragEvent).dataTransfer;
      const files = data ? [...data.files] : [];
      if (files.length === 0) return;
      const target = event.target as EventTarget;
      const paste = event.type === 'paste';
      hold(
        event,
        files,
        paste ? 'paste' : 'drop',
        () => {
          const dt = new win.DataTransfer();
          for (const f of files) dt.items.add(f);
          const again = paste
            ? new win.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })
            : new win.DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
          replayed.add(again);
          target.dispatchEvent(again);
        },
        () => undefined,
      );
    },
  };
}
