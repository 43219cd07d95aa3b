import { BundleError, loadBundle } from '../corpus/bundle.js';
import { takePrefetched } from '../corpus/prefetch.js';
import { createSearcher } from '../search/index.js';
import { CorpusUnavailableError } from '../core/errors.js';
import { createRuntime, type Runtime } from '../core/runtime.js';
import {
  CORPUS_ENV,
  bundledCorpusFile,
  corpusFilesToTry,
  corpusOrigin,
  unreadablePointer,
} from './corpus-location.js';
import type { CorpusOrigin } from '../core/runtime.js';

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
  // A pointer that cannot be read names no candidate at all; without this the fallback would be silent.
  let fallback = files.length > 1 || options.corpusFile ? undefined : unreadablePointerNote(options.env);
  for (const file of files) {
    try {
      // A read the stdio fast path started for this file (unchanged since) saves reading it again here.
      const read = await takePrefetched(file);
      const bundle = read ? loadBundle(file, read) : loadBundle(file);
      const origin = corpusOrigin(file, { bundledFile: bundledCorpusFile(), env: options.env });
      if (firstError) fallback = fallbackNote(firstError, origin, options.env);
      if (fallback) options.onFallback?.(fallback);
      return createRuntime(bundle.corpus, createSearcher(bundle.corpus, bundle.searchIndex), {
        file,
        origin,
        fallback,
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

const REPAIR_UPDATED = 'To repair the updated corpus, run "workos-docs-mcp update --force".';

/** Why the preferred corpus was passed over, which one is served instead, and how to repair the other. */
function fallbackNote(error: BundleError, served: CorpusOrigin, env?: NodeJS.ProcessEnv): string {
  const failed = corpusOrigin(error.file, { bundledFile: bundledCorpusFile(), env });
  const repair = failed === 'updated' ? ` ${REPAIR_UPDATED}` : '';
  return `${error.message} Serving the ${served} corpus instead.${repair}`;
}

function unreadablePointerNote(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env[CORPUS_ENV]) return undefined;
  const file = unreadablePointer(env);
  return file
    ? `The cache pointer ${file} (written by "workos-docs-mcp update") is unreadable, so the bundled corpus is served. ${REPAIR_UPDATED}`
    : undefined;
}
