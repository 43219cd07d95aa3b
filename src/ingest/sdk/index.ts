import { mapLimit } from '../../corpus/map-limit.js';
import type { SdkSurface } from '../../corpus/sdk-surface.js';
import type {
  BuildProblem,
  ChangelogEntry,
  Doc,
  Example,
  MissingSource,
  SourceInfo,
} from '../../corpus/types.js';
import { parseMarkdownChangelog } from '../changelogs/markdown-changelog.js';
import type { ProgressLog } from '../types.js';
import { getVerifiedTarball, readVerifiedCache } from './cache.js';
import { FetchError, npmPackFetcher, type TarballFetcher } from './fetchers.js';
import { docPathOf, type PinnedPackage, type SourceManifest } from './manifest.js';
import { npmPageUrl, readmeToDoc, type PackageJsonInfo } from './readme-doc.js';
import { buildSurfaceFromFiles, isSurfaceFile } from './surface/index.js';
import { npmPingProbe, type RegistryProbe } from './registry-probe.js';
import { readTarballFiles } from './tarball.js';

export { defaultCacheDir } from './cache.js';
export { httpFetcher, npmPackFetcher, type TarballFetcher } from './fetchers.js';
export { readManifest, validateManifest, type PinnedPackage, type SourceManifest } from './manifest.js';
export { npmPingProbe, type ProbeResult, type RegistryProbe } from './registry-probe.js';

export interface SdkIngestOptions {
  manifest: SourceManifest;
  /** Where verified tarballs are cached between builds. */
  cacheDir: string;
  /** How tarballs are downloaded; default `npm pack` (honours the user's npm config). */
  fetcher?: TarballFetcher;
  /** Throw on the first package that cannot be fetched or verified, instead of reporting it and going on. */
  strict?: boolean;
  /**
   * Asked once before the first download; an unreachable registry makes every uncached package
   * missing at once instead of costing npm's retries per package. Default: `npm ping` when the
   * default fetcher is used; `null` skips the probe.
   */
  probe?: RegistryProbe | null;
  log?: ProgressLog;
}

export interface SdkIngestResult {
  docs: Doc[];
  examples: Example[];
  changelogs: ChangelogEntry[];
  problems: BuildProblem[];
  sources: SourceInfo[];
  /** API surfaces from the packages' type declarations, one per package that ships any. */
  surfaces: SdkSurface[];
  /** Packages that could not be fetched or verified: their README, changelog and surface are absent. */
  missing: MissingSource[];
}

/** npm pack spawns a process per package; a few at a time keeps a 2-core machine responsive. */
const CONCURRENCY = 4;

/**
 * Ingests the README (as an `sdk` doc with examples) and CHANGELOG.md (as versioned entries)
 * of every package pinned in the manifest. Results keep manifest order whatever finishes first.
 */
export async function ingestSdkSources(options: SdkIngestOptions): Promise<SdkIngestResult> {
  const fetcher = options.fetcher ?? npmPackFetcher();
  const packages = options.manifest.packages;
  // A warm cache needs no network at all (an offline `npm install` from a clone still builds).
  const cached = await Promise.all(packages.map((p) => readVerifiedCache(options.cacheDir, p)));
  let offline: string | undefined;
  const probe = options.probe === undefined ? (options.fetcher ? null : npmPingProbe()) : options.probe;
  if (probe && cached.some((c) => !c)) {
    options.log?.(`checking the npm registry (${cached.filter((c) => !c).length} packages to download)`);
    const answer = await probe();
    if (!answer.ok) {
      offline = `the npm registry is unreachable (${answer.registry}: ${answer.reason})`;
      if (options.strict) throw new FetchError(offline);
      options.log?.(`${offline}: skipping the downloads`);
    }
  }
  let done = 0;
  const results = await mapLimit(packages, CONCURRENCY, async (pkg) => {
    const i = packages.indexOf(pkg);
    const r = await ingestOne(pkg, options, fetcher, cached[i], offline);
    done++;
    options.log?.(`[${done}/${packages.length}] ${pkg.name}@${pkg.version}: ${r.status}`);
    return r.result;
  });
  const out = emptyResult();
  for (const r of results) {
    out.missing.push(...r.missing);
    out.surfaces.push(...r.surfaces);
    out.docs.push(...r.docs);
    out.examples.push(...r.examples);
    out.changelogs.push(...r.changelogs);
    out.problems.push(...r.problems);
    out.sources.push(...r.sources);
  }
  return out;
}

function emptyResult(): SdkIngestResult {
  return { docs: [], examples: [], changelogs: [], problems: [], sources: [], surfaces: [], missing: [] };
}

async function ingestOne(
  pkg: PinnedPackage,
  options: SdkIngestOptions,
  fetcher: TarballFetcher,
  cachedBytes: Buffer | undefined,
  offline: string | undefined,
): Promise<{ result: SdkIngestResult; status: string }> {
  const label = `${pkg.name}@${pkg.version}`;
  const result = emptyResult();
  let files: Map<string, string>;
  let status: string;
  try {
    if (!cachedBytes && offline) {
      result.missing.push({ name: pkg.name, version: pkg.version, kind: 'sdk-package', reason: offline });
      return { result, status: 'missing (not in the cache, registry unreachable)' };
    }
    if (!cachedBytes) options.log?.(`${label}: downloading`);
    const { bytes, fromCache } = cachedBytes
      ? { bytes: cachedBytes, fromCache: true }
      : await getVerifiedTarball(options.cacheDir, pkg, fetcher);
    files = await readTarballFiles(bytes, ['README.md', 'CHANGELOG.md', 'package.json'], isSurfaceFile);
    status = `${fromCache ? 'cached' : 'downloaded'} tarball (${Math.round(bytes.length / 1024)} KB)`;
  } catch (err) {
    if (options.strict) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    result.missing.push({ name: pkg.name, version: pkg.version, kind: 'sdk-package', reason });
    return { result, status: `MISSING: ${reason}` };
  }
  const packageJson = parsePackageJson(files.get('package.json'));
  const readme = files.get('README.md');
  if (readme?.trim()) {
    const { doc, examples } = readmeToDoc({
      packageName: pkg.name,
      version: pkg.version,
      docPath: docPathOf(pkg),
      readme,
      packageJson,
      framework: pkg.framework,
    });
    result.docs.push(doc);
    result.examples.push(...examples);
  } else {
    result.problems.push({ file: `${label}/README.md`, reason: 'the package ships no README.md' });
  }
  const changelog = files.get('CHANGELOG.md');
  if (changelog) {
    const entries = parseMarkdownChangelog({
      packageName: pkg.name,
      markdown: changelog,
      url: npmPageUrl(pkg.name),
    });
    for (const e of entries) e.url = npmPageUrl(pkg.name, e.version);
    if (entries.length === 0)
      result.problems.push({ file: `${label}/CHANGELOG.md`, reason: 'no version headings recognised' });
    result.changelogs.push(...entries);
  }
  await addSurface(pkg, files, result, label, options.log);
  result.sources.push({ name: pkg.name, version: pkg.version, kind: 'sdk-package' });
  return { result, status };
}

/** The package's API surface; a declaration problem is reported and never stops the build. */
async function addSurface(
  pkg: PinnedPackage,
  files: Map<string, string>,
  result: SdkIngestResult,
  label: string,
  log?: ProgressLog,
): Promise<void> {
  // A JavaScript-only package simply has no typed surface; that is not a build problem.
  if (![...files.keys()].some((f) => f !== 'package.json' && isSurfaceFile(f))) return;
  try {
    const surface = await buildSurfaceFromFiles(files, {
      name: pkg.name,
      version: pkg.version,
      slug: docPathOf(pkg).replace(/^sdks\//, ''),
    });
    for (const p of surface.problems) result.problems.push({ file: `${label}/${p.file}`, reason: p.reason });
    if (surface.symbols.length > 0) result.surfaces.push(surface);
    log?.(
      `${label}: API surface ${surface.symbols.length} symbols from ${surface.entries.length} declaration entries`,
    );
  } catch (err) {
    result.problems.push({ file: `${label} (type declarations)`, reason: (err as Error).message });
  }
}

function parsePackageJson(text: string | undefined): PackageJsonInfo {
  if (!text) return {};
  try {
    const data = JSON.parse(text) as unknown;
    return typeof data === 'object' && data !== null ? (data as PackageJsonInfo) : {};
  } catch {
    return {};
  }
}
