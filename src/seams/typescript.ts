import { createRequire } from 'node:module';
import type * as TS from 'typescript';

/** The TypeScript compiler API, as a type. */
export type TypeScript = typeof TS;

let loaded: Promise<TypeScript> | undefined;

/**
 * The compiler is ~9 MB of JavaScript: loaded on first use only, so start-up paths that never build a
 * surface or check code never pay for it (it is also kept out of the esbuild bundle: scripts/bundle.ts).
 *
 * SEAM (typescript is CommonJS: its ESM import is the module or a `default` wrapper, depending on the
 * loader): breaks on upgrade when typescript ships real ESM with named exports only, or moves the
 * compiler API we call (createProgram, createSourceFile). Test: test/seams/seams.test.ts "typescript".
 */
export function loadTypeScript(): Promise<TypeScript> {
  loaded ??= import('typescript').then(
    (m) => ((m as unknown as { default?: TypeScript }).default ?? m) as TypeScript,
  );
  return loaded;
}

/** The same, synchronously, for operations that answer in one turn (`check`): still only on first use. */
export function loadTypeScriptSync(): TypeScript {
  return createRequire(import.meta.url)('typescript') as TypeScript;
}
