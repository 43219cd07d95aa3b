import { BundleError, loadBundle } from '../corpus/bundle.js';
import { createSearcher } from '../search/index.js';
import { CorpusUnavailableError } from './errors.js';
import { createRuntime, resolveCorpusFile, type Runtime } from './runtime.js';

export interface LoadRuntimeOptions {
  corpusFile?: string;
}

/** Loads the corpus bundle and its search index once; the result is shared by every request. */
export async function loadRuntime(options: LoadRuntimeOptions = {}): Promise<Runtime> {
  const corpusFile = resolveCorpusFile(options);
  // Reading and indexing the bundle blocks for a moment; yield first so a server handed this
  // promise can answer the client's handshake (already waiting on stdin) before it does.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    const bundle = loadBundle(corpusFile);
    return createRuntime(bundle.corpus, createSearcher(bundle.corpus, bundle.searchIndex), corpusFile);
  } catch (err) {
    if (err instanceof BundleError) throw new CorpusUnavailableError(err.message);
    throw err;
  }
}
