import { fileURLToPath } from 'node:url';
import type { Corpus, Doc } from '../corpus/types.js';
import type { Searcher } from '../search/types.js';
import { BUNDLE_FORMAT_VERSION } from '../corpus/bundle.js';
import { corpusCandidates } from './corpus-location.js';

/**
 * Everything an answer needs, loaded once per process and shared: the stdio server, every
 * stateless HTTP request and the CLI all read from the same Runtime.
 */
export interface Runtime {
  corpus: Corpus;
  searcher: Searcher;
  /** Where the corpus came from ('(in memory)' for tests). */
  corpusFile: string;
  docsByPath: ReadonlyMap<string, Doc>;
}

export const CORPUS_ENV = 'WORKOS_DOCS_MCP_CORPUS';

/** The bundled corpus: data/corpus.json at the package root (src/core and dist/core are both two levels down). */
export function bundledCorpusFile(): string {
  return fileURLToPath(new URL('../../data/corpus.json', import.meta.url));
}

/**
 * The one place that decides which corpus files to load, best first: an explicit option, then the
 * WORKOS_DOCS_MCP_CORPUS environment variable (either alone: silently serving another file would hide
 * the operator's mistake), else the freshest of the bundled data/corpus.json and the corpus
 * `workos-docs-mcp update` built into the user cache, then the other one as a fallback.
 */
export function corpusFilesToTry(options: { corpusFile?: string; env?: NodeJS.ProcessEnv } = {}): string[] {
  const env = options.env ?? process.env;
  const named = options.corpusFile || env[CORPUS_ENV];
  if (named) return [named];
  return corpusCandidates({
    bundledFile: bundledCorpusFile(),
    formatVersion: BUNDLE_FORMAT_VERSION,
    env,
  }).map((c) => c.file);
}

/** The corpus file to load when no fallback is wanted (scripts, benchmarks). */
export function resolveCorpusFile(options: { corpusFile?: string; env?: NodeJS.ProcessEnv } = {}): string {
  return corpusFilesToTry(options)[0];
}

export function createRuntime(corpus: Corpus, searcher: Searcher, corpusFile = '(in memory)'): Runtime {
  return { corpus, searcher, corpusFile, docsByPath: new Map(corpus.docs.map((d) => [d.path, d])) };
}
