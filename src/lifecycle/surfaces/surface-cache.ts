import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Surfaces built on demand for versions the corpus does not carry, kept in the user cache
 * (`<cache>/surfaces/<name>-<version>.json`) so a version costs one download and one build per
 * machine. Each file records the surface format it was built with; another format is a miss.
 */
export function surfaceCacheFile(cacheDir: string, name: string, version: string): string {
  return join(cacheDir, 'surfaces', `${name.replace(/^@/, '').replace(/\//g, '__')}-${version}.json`);
}

export async function readCachedSurface<S>(file: string, format: number): Promise<S | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { format?: number; surface?: S };
    return data.format === format && data.surface ? data.surface : undefined;
  } catch {
    return undefined;
  }
}

/** Written through a temp file + rename, so a reader never sees half a surface. Failures only cost a rebuild. */
export async function writeCachedSurface(file: string, format: number, surface: unknown): Promise<void> {
  try {
    await mkdir(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, JSON.stringify({ format, surface }));
    await rename(tmp, file);
  } catch {
    // An unwritable cache is not an error for the answer being served.
  }
}
