import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import { loadBundle, writeFileAtomic } from '../corpus/bundle.js';
import type { CorpusManifest, SourceInfo } from '../corpus/types.js';
import { mapLimit } from '../corpus/map-limit.js';
import { compareVersions } from '../corpus/versions.js';
import { getVerifiedTarball } from '../ingest/sdk/cache.js';
import type { TarballFetcher } from '../ingest/sdk/fetchers.js';
import type { SourceManifest } from '../ingest/sdk/manifest.js';
import type { PublishedVersion, RegistryClient } from '../ingest/sdk/registry.js';
import type { RegistryProbe } from '../ingest/sdk/registry-probe.js';
import type { ProgressLog } from '../ingest/types.js';
import { buildCorpus, DEFAULT_DOCS_PACKAGE, type BuildOptions, type BuildSummary } from './build.js';
import { cacheCorpusDir, pointerFile, readPointer, type CachePointer } from './corpus-location.js';
import { sdkSourceAdapter } from './extra-sources.js';
import { describeDiskError, quietly } from './disk-errors.js';
import { removeDeadTempFiles, removeStagingLeftovers } from './leftovers.js';
import { acquireLock, LockBusyError, type HeldLock } from './update-lock.js';

/** One source and whether the registry has something newer than the corpus being served. */
export interface SourceStatus {
  name: string;
  current?: string;
  latest: string;
  newer: boolean;
}

export interface UpdateCheck {
  sources: SourceStatus[];
  newer: SourceStatus[];
}

export interface UpdateDeps {
  cacheDir: string;
  registry: RegistryClient;
  fetcher: TarballFetcher;
  /** Which SDK packages to ingest (their pinned versions are replaced by the newest). */
  manifest: SourceManifest;
  /** Sources of the corpus currently served, to compare against. */
  current: SourceInfo[];
  docsPackage?: string;
  /** Asked once first, so an unreachable registry fails in seconds with its cause, not after every lookup's retries. */
  probe?: RegistryProbe;
  log?: ProgressLog;
  /** The build pipeline; injectable so tests can simulate a build that writes garbage. */
  build?: (options: BuildOptions) => Promise<BuildSummary>;
}

export type UpdateResult =
  | { status: 'up-to-date'; check: UpdateCheck }
  | { status: 'updated'; check: UpdateCheck; file: string; manifest: CorpusManifest; ms: number };

/** Anything that stopped an update. The message is one line; the corpus being served is untouched. */
export class UpdateError extends Error {
  override name = 'UpdateError';
}

const LOOKUP_CONCURRENCY = 4;

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].replace(/\.$/, '');
}

/** Asks the registry for the newest docs bundle and SDK versions; nothing is downloaded or built. */
export async function checkForUpdates(
  deps: UpdateDeps,
): Promise<UpdateCheck & { latest: Map<string, PublishedVersion> }> {
  const names = [deps.docsPackage ?? DEFAULT_DOCS_PACKAGE, ...deps.manifest.packages.map((p) => p.name)];
  if (deps.probe) {
    deps.log?.('checking the npm registry');
    const answer = await deps.probe();
    if (!answer.ok)
      throw new UpdateError(
        `cannot check for updates: the npm registry is unreachable (${answer.registry}: ${answer.reason}); the current corpus is unchanged`,
      );
  }
  const latest = new Map<string, PublishedVersion>();
  try {
    await mapLimit(names, LOOKUP_CONCURRENCY, async (name) => latest.set(name, await deps.registry(name)));
  } catch (err) {
    throw new UpdateError(`cannot check for updates (${oneLine(err)}); the current corpus is unchanged`);
  }
  const currentVersions = new Map(deps.current.map((s) => [s.name, s.version]));
  const sources = names.map((name): SourceStatus => {
    const current = currentVersions.get(name);
    const newest = latest.get(name)!.version;
    return {
      name,
      ...(current ? { current } : {}),
      latest: newest,
      newer: !current || compareVersions(newest, current) > 0,
    };
  });
  return { sources, newer: sources.filter((s) => s.newer), latest };
}

/**
 * Fetches the newest docs bundle and SDK tarballs (integrity-checked against the registry),
 * builds a corpus into the cache, verifies it loads, then switches the cache pointer with one
 * atomic rename. Any failure throws UpdateError and leaves the served corpus as it was. One update
 * runs at a time per cache folder (a lock file); a second one is refused with who holds it.
 */
export async function runUpdate(deps: UpdateDeps, options: { force?: boolean } = {}): Promise<UpdateResult> {
  const started = performance.now();
  const log = deps.log ?? (() => {});
  const { latest, ...check } = await checkForUpdates(deps);
  if (!options.force && check.newer.length === 0) return { status: 'up-to-date', check };
  let lock: HeldLock | undefined;
  try {
    await mkdir(deps.cacheDir, { recursive: true });
    lock = takeUpdateLock(deps.cacheDir);
    const corpusDir = cacheCorpusDir(deps.cacheDir);
    // Under the lock no other update is running, so every staging folder is a leftover of a killed one.
    const removed = [
      ...removeStagingLeftovers(deps.cacheDir),
      ...removeDeadTempFiles(corpusDir, join(deps.cacheDir, 'tarballs')),
    ];
    if (removed.length)
      log(`removed ${removed.length} leftover${removed.length === 1 ? '' : 's'} of interrupted runs`);
    const { file, manifest } = await buildAndSwitch(deps, latest, corpusDir, log);
    return { status: 'updated', check, file, manifest, ms: Math.round(performance.now() - started) };
  } catch (err) {
    throw asUpdateError(err, deps.cacheDir);
  } finally {
    lock?.release();
  }
}

const LOCK_FILE = 'update.lock';

function takeUpdateLock(cacheDir: string): HeldLock {
  try {
    return acquireLock(join(cacheDir, LOCK_FILE));
  } catch (err) {
    if (!(err instanceof LockBusyError)) throw err;
    const who = err.holder
      ? `pid ${err.holder.pid}${err.holder.host === hostname() ? '' : ` on ${err.holder.host}`}, `
      : '';
    throw new UpdateError(
      `another update is running (${who}started ${Math.round(err.ageMs / 1000)} s ago); the current corpus is unchanged. ` +
        'Wait for it to finish: servers pick up its corpus when they next start',
    );
  }
}

/** Disk failures get one plain line; our own messages pass through; anything else keeps its first line. */
function asUpdateError(err: unknown, cacheDir: string): UpdateError {
  const disk = describeDiskError(err, {
    action: 'update',
    dir: cacheDir,
    unchanged: 'the current corpus is unchanged',
    elsewhere: 'set WORKOS_DOCS_MCP_CACHE to a folder on a writable disk',
  });
  if (disk) return new UpdateError(disk, { cause: err });
  if (err instanceof UpdateError) return err;
  return new UpdateError(`update failed: ${oneLine(err)}; the current corpus is unchanged`, { cause: err });
}

/** Everything that writes, under the lock: staging, build, verify, install, switch the pointer, prune. */
async function buildAndSwitch(
  deps: UpdateDeps,
  latest: Map<string, PublishedVersion>,
  corpusDir: string,
  log: ProgressLog,
): Promise<{ file: string; manifest: CorpusManifest }> {
  await mkdir(corpusDir, { recursive: true });
  const staging = await mkdtemp(join(deps.cacheDir, 'staging-'));
  let installed: string | undefined;
  try {
    const docsName = deps.docsPackage ?? DEFAULT_DOCS_PACKAGE;
    const docs = latest.get(docsName)!;
    const sourceDir = await fetchDocsBundle(deps, docs, staging, log);
    const manifest: SourceManifest = {
      packages: deps.manifest.packages.map((p) => {
        const v = latest.get(p.name)!;
        return { ...p, version: v.version, integrity: v.integrity, tarball: v.tarball };
      }),
    };
    log(`building corpus from ${docsName}@${docs.version} and ${manifest.packages.length} SDK packages`);
    const summary = await step('build failed', () =>
      (deps.build ?? buildCorpus)({
        sourceDir,
        outDir: join(staging, 'out'),
        extraSources: [
          sdkSourceAdapter({ manifest, cacheDir: deps.cacheDir, fetcher: deps.fetcher, strict: true }),
        ],
        log,
      }),
    );
    const loaded = await step('the new corpus failed verification', async () => loadBundle(summary.file));
    if (loaded.corpus.docs.length === 0)
      throw new UpdateError('the new corpus has no documents; the current corpus is unchanged');

    const name = `corpus-${loaded.corpus.manifest.builtAt.replace(/[^0-9]/g, '').slice(0, 14)}-${process.pid}.json`;
    installed = join(corpusDir, name);
    await rename(summary.file, installed);
    const previous = readPointer(deps.cacheDir);
    const pointer: CachePointer & { packages: SourceManifest['packages'] } = {
      file: name,
      formatVersion: loaded.corpus.manifest.formatVersion,
      builtAt: loaded.corpus.manifest.builtAt,
      sources: loaded.corpus.manifest.sources,
      packages: manifest.packages,
    };
    writeFileAtomic(pointerFile(deps.cacheDir), `${JSON.stringify(pointer, null, 2)}\n`);
    installed = undefined;
    await pruneOldCorpora(corpusDir, [name, previous?.file]);
    return { file: join(corpusDir, name), manifest: loaded.corpus.manifest };
  } finally {
    // Quietly: a cleanup failure (ENOTEMPTY while a failed extraction still flushes) must not replace
    // the error that stopped the update; whatever stays is removed by the next run.
    if (installed) await quietly(() => rm(installed!, { force: true }));
    await quietly(() => rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));
  }
}

async function step<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UpdateError) throw err;
    throw new UpdateError(`${what}: ${oneLine(err)}; the current corpus is unchanged`, { cause: err });
  }
}

/** Downloads (or takes from the cache) the verified docs bundle tarball and extracts its `.docs/organized` folder. */
async function fetchDocsBundle(
  deps: UpdateDeps,
  docs: PublishedVersion,
  staging: string,
  log: ProgressLog,
): Promise<string> {
  const label = `${docs.name}@${docs.version}`;
  const { bytes, fromCache } = await step(`cannot get ${label}`, () =>
    getVerifiedTarball(deps.cacheDir, docs, deps.fetcher),
  );
  log(`${label}: ${fromCache ? 'cached' : 'downloaded'} (${Math.round(bytes.length / 1024)} KB)`);
  const tgz = join(staging, 'docs-bundle.tgz');
  await step(`cannot save ${label}`, () => writeFile(tgz, bytes));
  // Laid out as an install would be, so the docs source is recognised (and labelled) as the published bundle.
  const root = join(staging, 'node_modules', ...docs.name.split('/'));
  await mkdir(root, { recursive: true });
  await step(`cannot extract ${label}`, () =>
    extract({
      file: tgz,
      cwd: root,
      strip: 1,
      strict: true,
      // Only the docs and the package.json that names the source; nothing executable.
      filter: (path) => /^[^/]+\/package\.json$/.test(path) || /^[^/]+\/\.docs\/organized\//.test(path),
    }),
  );
  const sourceDir = join(root, '.docs', 'organized', 'docs');
  if (!existsSync(sourceDir)) {
    throw new UpdateError(`${label} has no .docs/organized/docs folder; the current corpus is unchanged`);
  }
  return sourceDir;
}

/** Keeps the new corpus and the one it replaced (a running server may still be reading it). */
async function pruneOldCorpora(corpusDir: string, keep: (string | undefined)[]): Promise<void> {
  for (const name of await readdir(corpusDir).catch(() => [] as string[])) {
    if (/^corpus-.*\.json$/.test(name) && !keep.includes(name))
      await rm(join(corpusDir, name), { force: true });
  }
}

/** For messages: `@workos-inc/node 8.13.0 -> 11.0.0`. */
export function formatCheck(check: UpdateCheck): string[] {
  return check.sources.map((s) => {
    const from = s.current ?? '(not in corpus)';
    return s.newer ? `  ${s.name}: ${from} -> ${s.latest}` : `  ${s.name}: ${s.latest} (current)`;
  });
}
