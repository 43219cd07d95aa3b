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
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { analyzerFingerprint } from '../src/search/index-build.js';
import { passageFingerprint } from '../src/search/passage-table.js';
import { synonymRules } from '../src/search/synonyms.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');

/**
 * The SDK's Ajv provider (imported by its server module at the top, by ours for the lazy validator) is
 * swapped for src/seams/lazy-ajv-provider.ts, which loads the real one on first use: Ajv is not
 * evaluated at every start for an elicitation check these tools never make.
 */
const LAZY_AJV = join(ROOT, 'src/seams/lazy-ajv-provider.ts');
const lazyAjvProvider: Plugin = {
  name: 'lazy-ajv-provider',
  setup(b) {
    b.onResolve(
      { filter: /^@modelcontextprotocol\/sdk\/validation\/ajv$|\/validation\/ajv-provider\.js$/ },
      (args) => (args.importer === LAZY_AJV ? undefined : { path: LAZY_AJV }),
    );
  },
};

/** See currentAnalyzerFingerprint (src/search/index-build.ts): the bundles' own analyzer, fixed at build time. */
const ANALYZER = {
  __WDM_ANALYZER_FINGERPRINT__: JSON.stringify(analyzerFingerprint()),
  __WDM_PASSAGE_FINGERPRINT__: JSON.stringify(passageFingerprint()),
  __WDM_SYNONYM_RULES__: JSON.stringify(synonymRules()),
};

rmSync(join(DIST, 'chunks'), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  // The HTTP mode's tool thread is an entry of its own: a worker thread starts it by file name.
  entryPoints: { bin: 'src/bin.ts', 'http-thread': 'src/http-thread.ts' },
  outdir: DIST,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
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
  plugins: [lazyAjvProvider],
  define: ANALYZER,
  logLevel: 'warning',
});

// The stdio server again, as one CommonJS file: what `workos-docs-mcp` with no arguments loads once the
// handshake is answered (cli/stdio-fast.ts), compiled through V8's code cache (cli/code-cache.ts), which
// Node 20 offers for scripts only. Everything it may import is inside (dynamic imports become
// require); modules that find package files from their own URL get this file's.
await build({
  absWorkingDir: ROOT,
  entryPoints: { 'stdio-server': 'src/cli/serve-stdio.ts' },
  outdir: join(DIST, 'chunks'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__wdmModuleUrl', ...ANALYZER },
  banner: { js: "const __wdmModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  external: ['typescript', 'marked', 'marked-terminal'],
  plugins: [lazyAjvProvider],
  logLevel: 'warning',
});
chmodSync(join(DIST, 'bin.js'), 0o755);
// The same constants for the start-up profile (scripts/bench/startup-child.mjs), which replays the
// stages over the per-module dist/ and must not pay, or warm the tokenizer with, the probes.
writeFileSync(join(DIST, 'fingerprints.json'), `${JSON.stringify(ANALYZER)}\n`);
