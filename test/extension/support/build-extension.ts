import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXTENSION_DIR = join(import.meta.dirname, '../../../extension');
let built: string | undefined;

/**
 * Builds the Chrome MV3 extension once per test process into a temp folder, with the local backend origin
 * (http://127.0.0.1, any port) baked into host_permissions as an organisation's own build would.
 */
export function buildExtension(): string {
  if (built) return built;
  const out = mkdtempSync(join(tmpdir(), 'sl-ext-'));
  execFileSync(join(EXTENSION_DIR, '../node_modules/.bin/wxt'), ['build', '-b', 'chrome'], {
    cwd: EXTENSION_DIR,
    env: { ...process.env, SIGHTLINE_EXTENSION_OUT: out, SIGHTLINE_SERVER_ORIGIN: 'http://127.0.0.1' },
    stdio: 'pipe',
  });
  const dir = join(out, 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`wxt build produced no manifest in ${dir}`);
  built = dir;
  return dir;
}
