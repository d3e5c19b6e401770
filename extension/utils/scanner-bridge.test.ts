import { describe, expect, it } from 'vitest';
import { createPageScanner } from './page-scanner.ts';
import { provideScannerFactory, whenScannerFactory } from './scanner-bridge.ts';

describe('scanner bridge', () => {
  it.each([
    { name: 'the engine script runs after the page script asked', provideFirst: false },
    { name: 'the engine script ran first', provideFirst: true },
  ])('$name', async ({ provideFirst }) => {
    const shared: Record<string, unknown> = {};
    if (provideFirst) provideScannerFactory(createPageScanner, shared);
    const waiting = [whenScannerFactory(shared), whenScannerFactory(shared)];
    if (!provideFirst) provideScannerFactory(createPageScanner, shared);
    expect(await Promise.all(waiting)).toEqual([createPageScanner, createPageScanner]);
  });

  it('keeps waiting until the engine arrives', async () => {
    const shared: Record<string, unknown> = {};
    let resolved = false;
    void whenScannerFactory(shared).then(() => {
      resolved = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(resolved).toBe(false);
  });
});
