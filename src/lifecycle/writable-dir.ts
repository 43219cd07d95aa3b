import { existsSync, mkdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Creates `dir` and its missing parents one level at a time, returning the folders it made (outermost
 * first). One level at a time because a recursive mkdir under a read-only mount reports ENOENT for
 * the missing child instead of the EROFS that is the reason; here the error thrown is the one from the
 * first level that could not be made.
 */
export function makeDirs(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  const made: string[] = [];
  for (const d of missing) {
    try {
      mkdirSync(d);
      made.push(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  if (!statSync(dir).isDirectory()) throw new Error(`output path is not a folder: ${dir}`);
  return made;
}

/**
 * Proves a file can be written in `dir` before any slow work, and leaves nothing behind: folders it
 * had to make for the probe are removed again (a build that fails later must not have created them).
 */
export function probeWritableDir(dir: string): void {
  const made = makeDirs(dir);
  const probe = join(dir, `.write-probe.${process.pid}.tmp`);
  try {
    writeFileSync(probe, '');
  } finally {
    rmSync(probe, { force: true });
    for (const d of made.reverse()) rmdirSync(d);
  }
}
