import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDir } from '../src/build-catalog.ts';

/** Every module reachable from `entry` through static imports, with the bare specifiers they import. */
function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
      if (spec!.startsWith('.')) {
        if (spec!.endsWith('.ts')) queue.push(resolve(dirname(file), spec!));
      } else packages.add(spec!);
    }
  }
  return { files, packages };
}

describe('what the extension imports', () => {
  it('uses no Node-only module', () => {
    const { files, packages } = importGraph(join(packageDir, 'src', 'index.ts'));
    expect(files.length).toBeGreaterThan(5);
    expect([...packages].sort()).toEqual(['tldts', 'zod']);
  });
});
