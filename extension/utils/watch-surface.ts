import type { SiteAdapter } from './site-adapter.ts';

/**
 * Waits for the adapter to find the prompt field (the page may render it late): calls `found` once it appears,
 * or `missing` after `timeoutMs`. Watches DOM mutations, throttled to one lookup per animation-ish tick.
 */
export function watchSurface(
  adapter: SiteAdapter,
  doc: Document,
  handlers: { found(): void; missing(): void },
  timeoutMs = 10_000,
): () => void {
  let done = false;
  let pending = false;
  const finish = () => {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
  };
  const look = () => {
    pending = false;
    if (done || !adapter.findInput()) return;
    finish();
    handlers.found();
  };
  const observer = new MutationObserver(() => {
    if (pending || done) return;
    pending = true;
    setTimeout(look, 50);
  });
  const timer = setTimeout(() => {
    if (done) return;
    finish();
    handlers.missing();
  }, timeoutMs);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  look();
  return finish;
}
