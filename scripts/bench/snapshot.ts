/**
 * A private copy of what our server runs from (dist/, data/, package.json, sources.json), so that a
 * rebuild of dist/ while the benchmark runs (watch mode, a parallel `npm run build`) cannot mix two
 * versions inside one measurement. node_modules is linked, not copied.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Snapshot {
  root: string;
  remove(): void;
}

export function snapshotPackage(root: string): Snapshot {
  const dir = mkdtempSync(join(tmpdir(), 'workos-docs-bench-pkg-'));
  for (const entry of ['dist', 'data', 'package.json', 'sources.json']) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { root: `${dir}/`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
