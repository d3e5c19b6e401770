import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const SNIFF_BYTES = 8000;

/** True when the file's first bytes hold a NUL byte (the usual binary test). */
export async function looksBinary(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead).includes(0);
  } finally {
    await handle.close();
  }
}

/**
 * Expands paths into text files: directories recursively (skipping node_modules and .git), binary files left
 * out. Paths that cannot be read are reported through `onError` and skipped.
 */
export async function collectFiles(
  paths: readonly string[],
  onError: (path: string, error: Error) => void,
): Promise<string[]> {
  const files: string[] = [];
  const visit = async (path: string): Promise<void> => {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const entries = await readdir(path, { withFileTypes: true });
        entries.sort((a, b) => a.name.localeCompare(b.name));
        for (const e of entries) {
          if (e.isDirectory() && SKIP_DIRS.has(e.name)) continue;
          if (e.isDirectory() || e.isFile()) await visit(join(path, e.name));
        }
      } else if (info.isFile()) {
        if (!(await looksBinary(path))) files.push(path);
      }
    } catch (error) {
      onError(path, error as Error);
    }
  };
  for (const p of paths) await visit(p);
  return files;
}
