import type { Runtime } from '../core/runtime.js';

const cache = new WeakMap<Runtime, Map<string, unknown>>();

/**
 * Values derived from the corpus (sorted path lists, completion vocabularies) computed once per
 * runtime: stateless HTTP builds a server per request, and those must stay cheap.
 */
export function perRuntime<T>(runtime: Runtime, key: string, compute: () => T): T {
  let values = cache.get(runtime);
  if (!values) cache.set(runtime, (values = new Map()));
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) as T;
}
