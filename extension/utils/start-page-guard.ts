import { showBlockedPage } from './block-page.ts';
import { type AccountInfo, detectAccount } from './detect-account.ts';
import type { GuardContext } from './guard-flow.ts';
import { createFileGuard } from './intercept-files.ts';
import { createSubmitGuard, handleTextTransfer } from './intercept-text.ts';
import { type PageEvent, sendMessage } from './messages.ts';
import type { PageConfig } from './page-config.ts';
import { createPagePolicy } from './page-policy.ts';
import { type ScannerFactory, whenScannerFactory } from './scanner-bridge.ts';
import { createSiteAdapter } from './site-adapter.ts';
import { watchSurface } from './watch-surface.ts';

export interface PageGuardOptions {
  window: Window & typeof globalThis;
  send: (message: unknown) => Promise<unknown>;
  /** The DLP engine factory; by default the one the engine script provides. */
  scannerFactory?: Promise<ScannerFactory>;
  /** How long a known site may take to show its prompt field before `adapter_health` is reported. */
  surfaceTimeoutMs?: number;
}

/** The page's guard once running: its context (for tests and the benchmark) and the timing of its start. */
export interface PageGuard {
  ready: Promise<GuardContext | null>;
  /** Milliseconds from script start until the capture listeners were installed. */
  listenersMs: number;
}

/**
 * The page script: installs capture-phase listeners at once (so nothing slips through while the configuration
 * loads), asks the background for this page's configuration, then confirms the surface and reports it.
 */
export function startPageGuard(options: PageGuardOptions): PageGuard {
  const started = performance.now();
  const win = options.window;
  const doc = win.document;
  let ctx: GuardContext | null = null;
  let submit: ReturnType<typeof createSubmitGuard> | null = null;
  let files: ReturnType<typeof createFileGuard> | null = null;

  // A failing handler is reported once per page (error name only: a message could quote page content).
  let failureReported = false;
  const reportFailure = (type: string, err: unknown) => {
    if (failureReported || !ctx) return;
    failureReported = true;
    const name = err instanceof Error ? err.name : typeof err;
    report({ kind: 'adapter_health', adapter: ctx.adapter.name, problem: 'adapter_error', detail: `${type}: ${name}` });
  };
  const on = <K extends keyof WindowEventMap>(type: K, handler: (e: WindowEventMap[K]) => void) =>
    win.addEventListener(
      type,
      (e) => {
        try {
          handler(e);
        } catch (err) {
          console.error(`sightline: ${type} handler failed`, err);
          reportFailure(type, err);
        }
      },
      { capture: true },
    );
  on('paste', (e) => {
    if (!ctx) return;
    files?.onTransfer(e);
    if (!e.defaultPrevented) handleTextTransfer(ctx, e, 'paste');
  });
  on('drop', (e) => {
    if (!ctx) return;
    files?.onTransfer(e);
    if (!e.defaultPrevented) handleTextTransfer(ctx, e, 'drop');
  });
  on('keydown', (e) => submit?.onKeydown(e));
  on('click', (e) => submit?.onClick(e));
  on('submit', (e) => submit?.onSubmit(e as SubmitEvent));
  on('change', (e) => files?.onFileInput(e));
  on('input', (e) => files?.onFileInput(e));
  const listenersMs = performance.now() - started;
  // User-timing entries are shared with the page, so the benchmark can read how long the start took.
  performance.measure?.('sightline:listeners', { start: started });

  const report = (event: PageEvent) => {
    void sendMessage(options.send, 'report', { event }).catch(() => undefined);
  };

  const ready = sendMessage(options.send, 'pageHello', {})
    .then((config: PageConfig | null) => {
      if (!config) return null;
      const adapter = createSiteAdapter(config.serviceId, config.dom, doc);
      let account: AccountInfo = { accountType: 'unknown' };
      const readAccount = () => {
        account = detectAccount(
          config.accountHints,
          { host: win.location.hostname, path: win.location.pathname, doc, cookie: doc.cookie },
          config.emailDomains,
        );
        return account;
      };
      const policy = createPagePolicy(config);
      const guard: GuardContext = {
        config,
        policy,
        scanner: null,
        adapter,
        doc,
        account: () => account,
        report,
        scanElsewhere: async (text) => {
          const answer = await sendMessage(options.send, 'scanText', { text });
          if (!answer) return null;
          policy.addNames(answer.names);
          return answer.findings;
        },
      };
      ctx = guard;
      // The engine arrives with the second page script (document_idle); until then scans run in the worker.
      void (options.scannerFactory ?? whenScannerFactory()).then((factory) => {
        const scanner = factory(config);
        policy.addNames(scanner.names());
        guard.scanner = scanner;
        performance.measure?.('sightline:ready', { start: started });
        (win.requestIdleCallback ?? ((fn: () => void) => win.setTimeout(fn, 200)))(() => scanner.warmUp());
      });
      submit = createSubmitGuard(ctx);
      files = createFileGuard(ctx, win);
      const whenDom = (fn: () => void) =>
        doc.readyState === 'loading' ? doc.addEventListener('DOMContentLoaded', fn, { once: true }) : fn();
      // Frames of an AI page scan what is pasted into them, but only the top page reports the surface.
      if (win !== win.top) return ctx;
      whenDom(() => {
        readAccount();
        if (config.status === 'blocked' && config.mode === 'enforce') {
          showBlockedPage(doc, {
            serviceName: config.serviceName,
            organization: config.organization,
            contact: config.notice.contact,
          });
        }
        watchSurface(
          adapter,
          doc,
          {
            found: () => {
              const info = readAccount();
              report({ kind: 'surface', adapter: adapter.name, ...info });
            },
            missing: () => {
              if (config.dom) report({ kind: 'adapter_health', adapter: adapter.name, problem: 'input_not_found' });
            },
          },
          options.surfaceTimeoutMs,
        );
      });
      return ctx;
    })
    .catch((err: unknown) => {
      console.error('sightline: page start failed', err);
      return null;
    });
  return { ready, listenersMs };
}
