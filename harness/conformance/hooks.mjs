// ESM loader hooks: only the bare `fs` / `node:fs` import of the conformance bundle is redirected.
import * as fs from 'node:fs';

const SHIM = new URL('./fs-shim.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const fromConformance = context.parentURL?.includes('/@modelcontextprotocol/conformance/') ?? false;
  if (
    typeof fs.globSync !== 'function' &&
    fromConformance &&
    (specifier === 'fs' || specifier === 'node:fs')
  ) {
    return { url: SHIM, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
