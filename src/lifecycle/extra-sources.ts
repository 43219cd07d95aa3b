import { fileURLToPath } from 'node:url';
import type { SourceInfo } from '../corpus/types.js';
import { loadChangelogFeed } from '../ingest/changelogs/rss.js';
import { changelogDocs } from '../ingest/platform-changelog.js';
import {
  defaultCacheDir,
  ingestSdkSources,
  readManifest,
  type RegistryProbe,
  type SourceManifest,
  type TarballFetcher,
} from '../ingest/sdk/index.js';
import type { ProgressLog } from '../ingest/types.js';
import type { SourceAdapter } from './build.js';

/** sources.json at the package root (src/lifecycle and dist/lifecycle are both two levels below it). */
export function defaultManifestFile(): string {
  return fileURLToPath(new URL('../../sources.json', import.meta.url));
}

export interface SdkAdapterOptions {
  /** A parsed manifest, or the file to read it from (default: the package's sources.json). */
  manifest?: SourceManifest;
  manifestFile?: string;
  cacheDir?: string;
  fetcher?: TarballFetcher;
  /** Asked once before downloading; default `npm ping` with the default fetcher (see ingestSdkSources). */
  probe?: RegistryProbe | null;
  /** Fail the build when a package cannot be fetched or verified (update uses this). */
  strict?: boolean;
}

/**
 * The SDK READMEs and changelogs as a build source. Their docs supersede the docs bundle's
 * stub pages at the same path (`sdks/authkit-nextjs` is a two-line page there, the whole guide here).
 */
export function sdkSourceAdapter(options: SdkAdapterOptions = {}): SourceAdapter {
  return {
    name: 'SDK packages (sources.json)',
    supersedes: true,
    async ingest(log: ProgressLog) {
      const manifest =
        options.manifest ?? (await readManifest(options.manifestFile ?? defaultManifestFile()));
      const result = await ingestSdkSources({
        manifest,
        cacheDir: options.cacheDir ?? defaultCacheDir(),
        fetcher: options.fetcher,
        probe: options.probe,
        strict: options.strict,
        log,
      });
      log(
        `SDK packages: ${result.docs.length} docs, ${result.examples.length} examples, ${result.changelogs.length} changelog entries`,
      );
      return result;
    },
  };
}

/** The WorkOS changelog RSS feed (URL or file) as a build source; its entries supersede bundled ones with the same title and URL. */
export function rssSourceAdapter(location: string, fetchImpl?: typeof fetch): SourceAdapter {
  return {
    name: `changelog feed ${location}`,
    supersedes: true,
    async ingest(log: ProgressLog) {
      let entries: Awaited<ReturnType<typeof loadChangelogFeed>>['entries'];
      try {
        ({ entries } = await loadChangelogFeed(location, fetchImpl));
      } catch (err) {
        // Same policy as an SDK package that cannot be fetched: missing, and the build decides.
        const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0];
        log(`changelog feed: MISSING: ${reason}`);
        const missing = [{ name: location, kind: 'rss' as const, reason }];
        return { docs: [], examples: [], changelogs: [], problems: [], sources: [], missing };
      }
      log(`changelog feed: ${entries.length} entries`);
      const source: SourceInfo = { name: location, kind: 'rss' };
      // Announcements are docs too (as for the bundled JSON), so search finds "what's new" questions.
      return {
        docs: changelogDocs(entries, location),
        examples: [],
        changelogs: entries,
        problems: [],
        sources: [source],
      };
    },
  };
}
