import { BundleError, loadBundle } from '../corpus/bundle.js';
import { createSearcher } from '../search/index.js';
import { CorpusUnavailableError } from '../core/errors.js';
import { createRuntime, type Runtime } from '../core/runtime.js';
import { bundledCorpusFile, corpusFilesToTry, corpusOrigin } from './corpus-location.js';

export interface LoadRuntimeOptions {
  corpusFile?: string;
  env?: NodeJS.ProcessEnv;
  /** Told when a preferred corpus could not be loaded and an older one is served instead. */
  onFallback?: (message: string) => void;
}

/** Loads the corpus bundle and its search index once; the result is shared by every request. */
export async function loadRuntime(options: LoadRuntimeOptions = {}): Promise<Runtime> {
  const files = corpusFilesToTry(options);
  // Reading and indexing the bundle blocks for a moment; yield first so a server handed this
  // promise can answer the client's handshake (already waiting on stdin) before it does.
  await new Promise((resolve) => setImmediate(resolve));
  let firstError: BundleError | undefined;
  for (const file of files) {
    try {
      const bundle = loadBundle(file);
      if (firstError) options.onFallback?.(`${firstError.message} Serving the previous corpus instead.`);
      const origin = corpusOrigin(file, { bundledFile: bundledCorpusFile(), env: options.env });
      return createRuntime(bundle.corpus, createSearcher(bundle.corpus, bundle.searchIndex), {
        file,
        origin,
      });
    } catch (err) {
      // A damaged updated corpus falls back to the bundled one instead of taking the server down. A file
      // that passes its checksum but does not have the corpus's shape (a field null, a list missing) is
      // damage too: whatever fails while loading it, the next candidate is tried (issue 16).
      firstError ??=
        err instanceof BundleError
          ? err
          : new BundleError(
              file,
              'corrupt',
              `is malformed (${(err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200)})`,
            );
    }
  }
  throw new CorpusUnavailableError(firstError?.message ?? 'No corpus found. Run: workos-docs-mcp build');
}
