import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Creates `dir` (and missing parents) and proves a file can be written in it, before any slow work.
 * Parents are made one level at a time because a recursive mkdir under a read-only mount reports
 * ENOENT for the missing child instead of the EROFS that is the reason; here the error thrown is the
 * one from the first level that could not be made.
 */
export function ensureWritableDir(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  if (!statSync(dir).isDirectory()) throw new Error(`output path is not a folder: ${dir}`);
  const probe = join(dir, `.write-probe.${process.pid}.tmp`);
  try {
    writeFileSync(probe, '');
  } finally {
    rmSync(probe, { force: true });
  }
}
