import { BUNDLE_FORMAT_VERSION } from '../corpus/bundle.js';
import { defaultCacheDir } from '../corpus/cache-dir.js';
import { httpFetcher, npmPackFetcher, npmPingProbe, readManifest } from '../ingest/sdk/index.js';
import { httpRegistry, npmViewRegistry } from '../ingest/sdk/registry.js';
import { bundledCorpusFile, corpusCandidates } from './corpus-location.js';
import { defaultManifestFile } from './extra-sources.js';
import type { UpdateDeps } from './update.js';

export interface UpdateDepsOptions {
  /** Query this npm registry over HTTP instead of through the npm command. */
  registry?: string;
  log?: (message: string) => void;
}

/**
 * What `update` works with on a user's machine: the corpus being served now (to compare against),
 * the pinned manifest, the cache, and the registry. Through npm by default, so the user's registry,
 * proxy and auth settings apply. Kept here so the CLI never wires ingest/ itself.
 */
export async function defaultUpdateDeps(options: UpdateDepsOptions = {}): Promise<UpdateDeps> {
  const served = corpusCandidates({
    bundledFile: bundledCorpusFile(),
    formatVersion: BUNDLE_FORMAT_VERSION,
  }).find((c) => c.manifest);
  return {
    cacheDir: defaultCacheDir(),
    registry: options.registry ? httpRegistry(options.registry) : npmViewRegistry(),
    fetcher: options.registry ? httpFetcher() : npmPackFetcher(),
    // `npm ping` first on the npm path (fails in seconds with a cause); a --registry URL fails fast on its own.
    probe: options.registry ? undefined : npmPingProbe(),
    manifest: await readManifest(defaultManifestFile()),
    current: served?.manifest?.sources ?? [],
    log: options.log ?? (() => {}),
  };
}
