import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXTENSION_DIR = join(import.meta.dirname, '../../../extension');
const built = new Map<string, string>();
const outputs: string[] = [];

export interface BuildOptions {
  browser?: 'chrome' | 'firefox';
  /** Backend origin baked into host_permissions; default the local test backend (http://127.0.0.1, any port). */
  serverOrigin?: string | null;
}

/**
 * Builds the MV3 extension once per test process and options into a temp folder (as an organisation's own build
 * would, with its backend origin in host_permissions) and returns the unpacked extension's folder.
 */
export function buildExtension(options: BuildOptions = {}): string {
  const browser = options.browser ?? 'chrome';
  const origin = options.serverOrigin === undefined ? 'http://127.0.0.1' : options.serverOrigin;
  const key = `${browser}|${origin}`;
  const cached = built.get(key);
  if (cached) return cached;
  const out = mkdtempSync(join(tmpdir(), 'sl-ext-'));
  const env: Record<string, string | undefined> = { ...process.env, SIGHTLINE_EXTENSION_OUT: out };
  if (origin) env.SIGHTLINE_SERVER_ORIGIN = origin;
  else delete env.SIGHTLINE_SERVER_ORIGIN;
  execFileSync(join(EXTENSION_DIR, '../node_modules/.bin/wxt'), ['build', '-b', browser, '--mv3'], {
    cwd: EXTENSION_DIR,
    env,
    stdio: 'pipe',
  });
  const dir = join(out, `${browser}-mv3`);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`wxt build produced no manifest in ${dir}`);
  built.set(key, dir);
  outputs.push(out);
  return dir;
}

/** Deletes every build this process made (call when its suites are done). */
export function removeBuilds(): void {
  for (const out of outputs.splice(0)) rmSync(out, { recursive: true, force: true });
  built.clear();
}
