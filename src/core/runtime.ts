import type { Corpus, Doc } from '../corpus/types.js';
import type { Searcher } from '../search/types.js';

/**
 * Everything an answer needs, loaded once per process and shared: the stdio server, every
 * stateless HTTP request and the CLI all read from the same Runtime.
 */
export interface Runtime {
  corpus: Corpus;
  searcher: Searcher;
  /** Where the corpus came from ('(in memory)' for tests). */
  corpusFile: string;
  /** Which corpus this is, decided once by the loader (src/lifecycle/load-runtime.ts). */
  origin: CorpusOrigin;
  /** Set when a preferred corpus failed to load and this one is served instead: why, and what to do. */
  fallback?: string;
  docsByPath: ReadonlyMap<string, Doc>;
  /** The corpus's product areas, sorted (the searcher's list: computed once per corpus). */
  products: readonly string[];
}

/** Bundled with the package, built by `workos-docs-mcp update`, named by the operator, or built in memory (tests). */
export type CorpusOrigin = 'bundled' | 'updated' | 'custom' | 'memory';

export function createRuntime(
  corpus: Corpus,
  searcher: Searcher,
  source: { file: string; origin: CorpusOrigin; fallback?: string } = {
    file: '(in memory)',
    origin: 'memory',
  },
): Runtime {
  return {
    corpus,
    searcher,
    corpusFile: source.file,
    origin: source.origin,
    ...(source.fallback ? { fallback: source.fallback } : {}),
    docsByPath: new Map(corpus.docs.map((d) => [d.path, d])),
    products: searcher.products,
  };
}
