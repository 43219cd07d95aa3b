import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Read access to one package's files by package-relative POSIX path (`lib/index.d.mts`). Two sources:
 * a tarball already read into memory (build), or an installed package folder (a user's project).
 */
export interface PackageFiles {
  read(path: string): string | undefined;
  /** Every file path (used to expand wildcard `exports` patterns). */
  list(): string[];
}

/** Files a surface needs: declarations and the manifest. Everything else in a package is ignored. */
export function isSurfaceFile(path: string): boolean {
  return path === 'package.json' || /\.d\.(?:c|m)?ts$/.test(path);
}

export function filesFromMap(files: ReadonlyMap<string, string>): PackageFiles {
  return { read: (p) => files.get(normalise(p)), list: () => [...files.keys()] };
}

/** A package folder is walked at most this deep/wide: declaration trees are small; a runaway tree is not a package. */
const MAX_FILES = 5000;
const MAX_DEPTH = 12;
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * An installed package folder. Reads never leave it (symlinks resolved, `..` refused), nested
 * node_modules are not the package's own surface and are skipped.
 */
export function filesFromDir(dir: string): PackageFiles {
  const root = realpathSync(resolve(dir));
  let listed: string[] | undefined;
  const inside = (abs: string): boolean => abs === root || abs.startsWith(root + sep);
  return {
    read(p) {
      const rel = normalise(p);
      if (rel.split('/').includes('..')) return undefined;
      try {
        const abs = realpathSync(join(root, rel));
        if (!inside(abs)) return undefined;
        const st = statSync(abs);
        if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
        return readFileSync(abs, 'utf8');
      } catch {
        return undefined;
      }
    },
    list() {
      listed ??= walk(root, root);
      return listed;
    },
  };
}

function walk(root: string, dir: string, depth = 0, out: string[] = []): string[] {
  if (depth > MAX_DEPTH || out.length >= MAX_FILES) return out;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (out.length >= MAX_FILES) break;
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const abs = join(dir, e.name);
    if (e.isDirectory()) walk(root, abs, depth + 1, out);
    else if (e.isFile()) {
      const rel = relative(root, abs).split(sep).join('/');
      if (isSurfaceFile(rel)) out.push(rel);
    }
  }
  return out;
}

export function normalise(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
}
