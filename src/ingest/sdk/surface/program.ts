import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as TS from 'typescript';
import type { PackageFiles } from './package-files.js';

/** Package files live under this virtual root, so nothing the compiler resolves can reach the real disk. */
export const VIRTUAL_ROOT = '/__package__/';

export { loadTypeScript, loadTypeScriptSync, type TypeScript } from '../../../seams/typescript.js';
import type { TypeScript } from '../../../seams/typescript.js';

/**
 * A program over one package's declaration files, read through `files` only. Standard library
 * declarations (Promise, Omit, Record, …) come from the compiler's own lib folder so mapped and
 * utility types expand to their real fields; imports of other packages (react, next) stay unresolved
 * and print by name.
 */
export function createPackageProgram(ts: TypeScript, files: PackageFiles, entryFiles: string[]): TS.Program {
  const options: TS.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    noEmit: true,
    skipLibCheck: true,
    strict: true,
    jsx: ts.JsxEmit.Preserve,
  };
  const libDir = dirname(ts.getDefaultLibFilePath(options));
  const inPackage = (f: string): string | undefined =>
    f.startsWith(VIRTUAL_ROOT) ? f.slice(VIRTUAL_ROOT.length) : undefined;
  const readLib = (f: string): string | undefined => {
    // Only the compiler's own lib.*.d.ts files, by base name: never a path a package could steer.
    const base = f.slice(f.lastIndexOf('/') + 1);
    if (!/^lib\.[\w.]+\.d\.ts$/.test(base)) return undefined;
    try {
      return readFileSync(join(libDir, base), 'utf8');
    } catch {
      return undefined;
    }
  };
  const read = (f: string): string | undefined => {
    const rel = inPackage(f);
    return rel !== undefined ? files.read(rel) : readLib(f);
  };
  const host: TS.CompilerHost = {
    getSourceFile(fileName, languageVersion) {
      const text = read(fileName);
      return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true);
    },
    getDefaultLibFileName: () => join(libDir, 'lib.es2022.d.ts'),
    getDefaultLibLocation: () => libDir,
    writeFile: () => {},
    getCurrentDirectory: () => VIRTUAL_ROOT,
    getDirectories: () => [],
    fileExists: (f) => read(f) !== undefined,
    readFile: read,
    directoryExists: (d) => {
      const rel = inPackage(d.endsWith('/') ? d : `${d}/`);
      if (rel === undefined) return d === libDir;
      return rel === '' || files.list().some((f) => f.startsWith(rel));
    },
    realpath: (f) => f,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
  };
  return ts.createProgram({ rootNames: entryFiles.map((f) => VIRTUAL_ROOT + f), options, host });
}
