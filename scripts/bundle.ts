/**
 * `npm run build:code` step 2 (after tsc): bundles the executable into dist/bin.js plus lazily loaded
 * chunks in dist/chunks/. Node spends most of a cold start resolving, reading and compiling the ~150
 * modules of the MCP SDK, zod and ajv one file at a time; one minified chunk for the stdio path halves
 * that. The CLI, build and HTTP code sit in their own chunks, loaded only when a subcommand asks.
 * tsc's per-module output stays in dist/ for the library API and its declarations.
 *
 * Chunks live one folder below dist/ on purpose: modules locate package files (`data/corpus.json`,
 * `package.json`) as `../../x` from their own URL, which holds for dist/<dir>/*.js and src/<dir>/*.ts alike.
 */
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');

rmSync(join(DIST, 'chunks'), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { bin: 'src/bin.ts' },
  outdir: DIST,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Stack traces of our own bugs still name real functions.
  keepNames: true,
  legalComments: 'none',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __wdmRequire } from 'node:module'; const require = __wdmRequire(import.meta.url);",
  },
  // The TypeScript compiler (a runtime dependency, loaded lazily to read SDK declarations) is CommonJS that
  // reads its own __filename: bundled into ESM it throws. It stays a package, resolved from node_modules.
  // marked + marked-terminal (with highlight.js, 1.5 MB) draw answers at a terminal only: loaded from the
  // installed packages when a person runs a command, not copied into the bundle.
  external: ['typescript', 'marked', 'marked-terminal'],
  logLevel: 'warning',
});
chmodSync(join(DIST, 'bin.js'), 0o755);
