import { normalise, type PackageFiles } from './package-files.js';

/** One export subpath and the declaration file that types it. */
export interface DeclarationEntry {
  /** The import specifier: `@workos-inc/node`, `@workos-inc/authkit-nextjs/components`. */
  module: string;
  /** Package-relative declaration file. */
  file: string;
}

interface PackageJson {
  types?: unknown;
  typings?: unknown;
  main?: unknown;
  module?: unknown;
  exports?: unknown;
}

/** ESM first: it is what current bundlers and `"type": "module"` projects resolve. */
const CONDITIONS = ['types', 'import', 'module', 'default', 'node', 'require'];

/**
 * The declaration files a package's consumers see, one per export subpath, found exactly the way
 * TypeScript finds them: the `types` condition, else the declaration twin of the JS target
 * (`.mjs` -> `.d.mts`), else the top-level `types`/`typings`. File names carry build hashes, so
 * nothing is guessed: only what package.json and the file list say.
 */
export function declarationEntries(
  packageName: string,
  files: PackageFiles,
): { entries: DeclarationEntry[]; problems: string[] } {
  const problems: string[] = [];
  let pkg: PackageJson = {};
  const text = files.read('package.json');
  if (text === undefined) problems.push('package.json missing');
  else {
    try {
      pkg = JSON.parse(text) as PackageJson;
    } catch (err) {
      problems.push(`package.json is not valid JSON (${(err as Error).message})`);
    }
  }
  const entries: DeclarationEntry[] = [];
  const seen = new Set<string>();
  const add = (subpath: string, file: string | undefined): void => {
    if (!file || seen.has(file)) return;
    seen.add(file);
    entries.push({
      module: subpath === '.' ? packageName : `${packageName}/${subpath.replace(/^\.\//, '')}`,
      file,
    });
  };

  for (const [subpath, target] of exportSubpaths(pkg.exports)) {
    if (subpath === './package.json' || subpath.endsWith('/')) continue;
    if (subpath.includes('*')) {
      for (const [expanded, file] of expandWildcard(subpath, target, files)) add(expanded, file);
      continue;
    }
    const file = declarationFor(target, files);
    if (file) add(subpath, file);
    else if (subpath !== '.') problems.push(`exports["${subpath}"]: no declaration file found`);
  }
  if (!entries.some((e) => e.module === packageName)) {
    const fallback = [pkg.types, pkg.typings, pkg.module, pkg.main, 'index.js']
      .filter((t): t is string => typeof t === 'string')
      .map((t) => declarationTwin(t, files))
      .find((f) => f !== undefined);
    if (fallback) entries.unshift({ module: packageName, file: fallback });
    else
      problems.push('no declaration entry: package.json names no types and the main file has no .d.ts twin');
  }
  return { entries, problems };
}

function exportSubpaths(exportsField: unknown): [string, unknown][] {
  if (exportsField === undefined || exportsField === null) return [];
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return [['.', exportsField]];
  if (typeof exportsField !== 'object') return [];
  const keys = Object.keys(exportsField);
  // An object whose keys are conditions (not subpaths) is the "." export.
  if (!keys.some((k) => k.startsWith('.'))) return [['.', exportsField]];
  return Object.entries(exportsField as Record<string, unknown>).filter(([k]) => k.startsWith('.'));
}

/** Candidate target strings of a conditional export, best condition first. */
function targets(target: unknown, depth = 0): string[] {
  if (depth > 6 || target === null || target === undefined) return [];
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.flatMap((t) => targets(t, depth + 1));
  if (typeof target !== 'object') return [];
  const obj = target as Record<string, unknown>;
  const ordered = [
    ...CONDITIONS.filter((c) => c in obj),
    ...Object.keys(obj).filter((k) => !CONDITIONS.includes(k)),
  ];
  return ordered.flatMap((c) => targets(obj[c], depth + 1));
}

function declarationFor(target: unknown, files: PackageFiles): string | undefined {
  for (const t of targets(target)) {
    const file = declarationTwin(t, files);
    if (file) return file;
  }
  return undefined;
}

const TWINS: [RegExp, string[]][] = [
  [/\.d\.(?:c|m)?ts$/, []],
  [/\.mjs$/, ['.d.mts', '.d.ts']],
  [/\.cjs$/, ['.d.cts', '.d.ts']],
  [/\.jsx?$/, ['.d.ts']],
  [/\.tsx?$/, ['.d.ts']],
];

/** `./lib/index.mjs` -> `lib/index.d.mts` when that file exists; a declaration path is taken as is. */
function declarationTwin(target: string, files: PackageFiles): string | undefined {
  const path = normalise(target);
  if (/\.d\.(?:c|m)?ts$/.test(path)) return files.read(path) !== undefined ? path : undefined;
  for (const [pattern, exts] of TWINS) {
    if (!pattern.test(path)) continue;
    for (const ext of exts) {
      const twin = path.replace(pattern, ext);
      if (files.read(twin) !== undefined) return twin;
    }
    return undefined;
  }
  // Extensionless (`./dist/index`) or a folder.
  for (const candidate of [`${path}.d.ts`, `${path}/index.d.ts`]) {
    if (files.read(candidate) !== undefined) return candidate;
  }
  return undefined;
}

/** `"./*": {types: "./dist/*.client.d.ts"}` -> one entry per file the pattern matches. */
function expandWildcard(subpath: string, target: unknown, files: PackageFiles): [string, string][] {
  const declTarget =
    targets(target).find((t) => /\.d\.(?:c|m)?ts$/.test(t)) ??
    targets(target).map((t) =>
      t
        .replace(/\.mjs$/, '.d.mts')
        .replace(/\.cjs$/, '.d.cts')
        .replace(/\.js$/, '.d.ts'),
    )[0];
  if (!declTarget || (declTarget.match(/\*/g) ?? []).length !== 1) return [];
  const [before, after] = normalise(declTarget).split('*');
  const out: [string, string][] = [];
  for (const file of files.list().sort()) {
    if (!file.startsWith(before) || !file.endsWith(after) || file.length < before.length + after.length + 1)
      continue;
    let star = file.slice(before.length, file.length - after.length);
    // `*.ts` as a types target matches `fetch.d.ts`; TypeScript resolves the subpath `fetch` to it.
    if (/^\.[cm]?ts$/.test(after) && star.endsWith('.d')) star = star.slice(0, -2);
    if (star.includes('/')) continue;
    out.push([subpath.replace('*', star), file]);
  }
  return out;
}
