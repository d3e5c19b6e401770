import type { createPageScanner } from './page-scanner.ts';

/** Builds the DLP engine for a page; provided by the second page script once it has loaded. */
export type ScannerFactory = typeof createPageScanner;

const FACTORY = '__sightlineScannerFactory';
const WAITING = '__sightlineScannerWaiting';
type Shared = Record<string, unknown>;

/**
 * Hands the engine to the page script. Both scripts run in the extension's isolated world of the same frame,
 * so they share its global object (the page's own scripts cannot see it).
 */
export function provideScannerFactory(factory: ScannerFactory, shared: Shared = globalThis as unknown as Shared): void {
  shared[FACTORY] = factory;
  const waiting = (shared[WAITING] as ((f: ScannerFactory) => void)[] | undefined) ?? [];
  shared[WAITING] = [];
  for (const resolve of waiting) resolve(factory);
}

/** Resolves with the engine factory as soon as the engine script has run (at once if it already has). */
export function whenScannerFactory(shared: Shared = globalThis as unknown as Shared): Promise<ScannerFactory> {
  const ready = shared[FACTORY] as ScannerFactory | undefined;
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve) => {
    const waiting = (shared[WAITING] as ((f: ScannerFactory) => void)[] | undefined) ?? [];
    waiting.push(resolve);
    shared[WAITING] = waiting;
  });
}
