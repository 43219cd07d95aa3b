import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_FORMAT_VERSION, saveBundle } from '../corpus/bundle.js';
import type { BuildProblem, Corpus, CorpusManifest, MissingSource, SourceInfo } from '../corpus/types.js';
import { ingestDocsSource, SourceError } from '../ingest/docs-source.js';
import { completeNavigation } from '../ingest/nav-coverage.js';
import { sdkLayer } from '../ingest/sdk/surface/index.js';
import type { DocsSdkLink } from '../corpus/sdk-surface.js';
import { emptyIngestResult, type IngestResult, type ProgressLog } from '../ingest/types.js';
import { buildSearchIndex } from '../search/index-build.js';
import { groupMissing } from '../core/format/missing.js';
import { DiskError, describeDiskError } from './disk-errors.js';
import { removeDeadTempFiles } from './leftovers.js';
import { makeDirs, probeWritableDir } from './writable-dir.js';

/** The package root: src/lifecycle and dist/lifecycle are both two levels below it. */
function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

export const DEFAULT_DOCS_PACKAGE = '@workos/mcp-docs-server';
export const BUNDLE_FILE_NAME = 'corpus.json';

/** `data/` at the package root, wherever the command is run from. */
export function defaultOutDir(): string {
  return join(packageRoot(), 'data');
}

/** The docs folder inside the pinned `@workos/mcp-docs-server` devDependency. */
export function defaultSourceDir(): string {
  let pkgDir: string;
  try {
    // Its exports map hides package.json; resolve its entry point and walk up to the package folder.
    const entry = createRequire(join(packageRoot(), 'package.json')).resolve(DEFAULT_DOCS_PACKAGE);
    pkgDir = dirname(entry);
    while (!existsSync(join(pkgDir, 'package.json')) && dirname(pkgDir) !== pkgDir) pkgDir = dirname(pkgDir);
  } catch {
    pkgDir = join(packageRoot(), 'node_modules', ...DEFAULT_DOCS_PACKAGE.split('/'));
  }
  return join(pkgDir, '.docs', 'organized', 'docs');
}

/**
 * A source beyond the docs folder (SDK READMEs and changelogs, feeds, …). Each contributes docs,
 * examples, changelog entries, problems and source descriptions; nav and unresolved are optional.
 */
export interface SourceAdapter {
  name: string;
  /** Its docs replace earlier docs with the same path, and its changelog entries earlier ones with the same package and version. */
  supersedes?: boolean;
  ingest(log: ProgressLog): Promise<AdapterResult>;
}

export type AdapterResult = Partial<IngestResult> &
  Pick<IngestResult, 'docs' | 'examples' | 'changelogs' | 'problems' | 'sources'> & {
    /** What this source could not get (network, integrity): absent from the corpus. */
    missing?: MissingSource[];
  };

/**
 * A build that would lack sources and was not allowed to (no `allowPartial`). Thrown before the
 * docs are ingested, so an offline build fails in seconds; nothing is written.
 */
export class IncompleteBuildError extends Error {
  override name = 'IncompleteBuildError';
  constructor(readonly missing: MissingSource[]) {
    super(
      [
        `build stopped: ${missing.length} source${missing.length === 1 ? '' : 's'} could not be fetched, so the corpus would be incomplete; nothing was written (the previous corpus is unchanged):`,
        ...groupMissing(missing),
        'Run the build again when the source is reachable, or pass --allow-partial to build without it (the corpus then records what is missing).',
      ].join('\n'),
    );
  }
}

export interface BuildOptions {
  /** Folder of .md/.mdx docs; default: the pinned @workos/mcp-docs-server bundle. */
  sourceDir?: string;
  /** Where corpus.json is written; default: data/ at the package root. */
  outDir?: string;
  log?: ProgressLog;
  // ---- extra sources plug in here ------------------------------------------------------------
  // e.g. SDK READMEs + CHANGELOGs via src/ingest/sdk `ingestSdkSources()` wrapped as a SourceAdapter.
  // The caller decides which adapters run; none here means no network. The CLI's `build` adds the SDK
  // sources unless given --no-sdks (they are read from the npm cache first, fetched when missing).
  extraSources?: SourceAdapter[];
  /** Builds the search index carried in the bundle; `null` ships no index (the loader builds one). */
  indexBuilder?: ((corpus: Corpus) => unknown) | null;
  baseUrl?: string;
  /** Clock injection for reproducible tests. */
  now?: () => Date;
  /**
   * Write a corpus even when extra sources could not be fetched (recorded in `manifest.missing`).
   * Default false: a missing source throws IncompleteBuildError, one policy for every source.
   */
  allowPartial?: boolean;
}

export interface BuildSummary {
  file: string;
  manifest: CorpusManifest;
  problems: BuildProblem[];
  unresolved: string[];
  sources: SourceInfo[];
  /** Sources left out of a partial build (empty when complete). */
  missing: MissingSource[];
  bytes: number;
  ms: number;
  /** SDK surfaces stored and the docs' js methods without an exact match in them. */
  sdk?: {
    surfaces: { package: string; version: string; symbols: number }[];
    methods: number;
    mismatches: DocsSdkLink[];
  };
}

function merge(
  into: IngestResult,
  part: Partial<IngestResult>,
  problems: BuildProblem[],
  supersedes = false,
): void {
  if (supersedes) supersede(into, part);
  const known = new Set(into.docs.map((d) => d.path));
  for (const doc of part.docs ?? []) {
    if (known.has(doc.path)) {
      problems.push({ file: doc.source, reason: `duplicate document path "${doc.path}" (first one kept)` });
      continue;
    }
    known.add(doc.path);
    into.docs.push(doc);
  }
  into.nav.push(...(part.nav ?? []));
  into.examples.push(...(part.examples ?? []));
  into.changelogs.push(...(part.changelogs ?? []));
  into.problems.push(...(part.problems ?? []));
  into.unresolved.push(...(part.unresolved ?? []));
  into.sources.push(...(part.sources ?? []));
  if (part.surfaces?.length) (into.surfaces ??= []).push(...part.surfaces);
}

/** Drops what a superseding source replaces: same-path docs (with their examples) and same package+version changelog entries. */
function supersede(into: IngestResult, part: Partial<IngestResult>): void {
  const paths = new Set((part.docs ?? []).map((d) => d.path));
  const versions = new Set((part.changelogs ?? []).map((e) => `${e.package}\0${e.version}`));
  into.docs = into.docs.filter((d) => !paths.has(d.path));
  into.examples = into.examples.filter((e) => !paths.has(e.docPath));
  into.changelogs = into.changelogs.filter((e) => !versions.has(`${e.package}\0${e.version}`));
}

/** Runs a write into outDir; a disk failure (full, read-only, denied) becomes one plain DiskError line. */
function writeGuard<T>(outDir: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    const line = describeDiskError(err, {
      action: 'build',
      dir: outDir,
      unchanged: `nothing was written (any previous ${BUNDLE_FILE_NAME} there is unchanged)`,
      elsewhere: 'pass --out DIR on a writable disk',
    });
    throw line ? new DiskError(line, { cause: err }) : err;
  }
}

/**
 * Builds the corpus bundle: ingest the docs folder, then every extra source, prebuild the search index,
 * and write data/corpus.json atomically. Throws (leaving any previous bundle intact) when the docs
 * source is unusable or writing fails; per-file problems are reported in the summary instead.
 */
export async function buildCorpus(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const sourceDir = resolve(options.sourceDir ?? defaultSourceDir());
  if (options.sourceDir === undefined && !existsSync(sourceDir)) {
    throw new SourceError(
      `the default docs source ${DEFAULT_DOCS_PACKAGE} is not installed (${sourceDir}): run "npm install" in the package folder, or pass --source DIR`,
    );
  }
  const outDir = resolve(options.outDir ?? defaultOutDir());
  // Before the slow ingest: an unwritable --out fails in milliseconds, with its real reason.
  writeGuard(outDir, () => probeWritableDir(outDir));
  removeDeadTempFiles(outDir);

  // Extra sources first: they are the ones that need the network, so an offline build fails before
  // the (slow) docs ingest rather than after it. Merged afterwards in the same order as before.
  const parts: { adapter: SourceAdapter; part: AdapterResult }[] = [];
  const missing: MissingSource[] = [];
  for (const adapter of options.extraSources ?? []) {
    log(`ingesting ${adapter.name}`);
    const part = await adapter.ingest(log);
    missing.push(...(part.missing ?? []));
    parts.push({ adapter, part });
  }
  if (missing.length && !options.allowPartial) throw new IncompleteBuildError(missing);

  const all = emptyIngestResult();
  merge(all, ingestDocsSource({ dir: sourceDir, baseUrl: options.baseUrl, log }), all.problems);
  for (const { adapter, part } of parts) merge(all, part, all.problems, adapter.supersedes);
  const layer = all.surfaces?.length ? sdkLayer(all.docs, all.surfaces) : undefined;
  if (layer) {
    all.docs.push(...layer.docs);
    log(
      `SDK API: ${layer.docs.length} api docs, ${layer.mismatches.length} of ${layer.sdk.links.length} docs methods without an exact SDK match`,
    );
  }
  // After every source and the SDK API docs: each doc, whichever source added it, is reachable from the table of contents.
  all.nav = completeNavigation(all.nav, all.docs);

  const counts: CorpusManifest['counts'] = {
    docs: all.docs.length,
    sections: all.docs.reduce((n, d) => n + d.sections.length, 0),
    referenceEntries: all.docs.reduce((n, d) => n + d.reference.length, 0),
    examples: all.examples.length,
    changelogEntries: all.changelogs.length,
    unresolvedReferences: all.unresolved.length,
  };
  const manifest = {
    formatVersion: BUNDLE_FORMAT_VERSION,
    builtAt: (options.now?.() ?? new Date()).toISOString(),
    sources: all.sources,
    ...(missing.length ? { missing } : {}),
    counts,
  };
  const corpus: Corpus = {
    manifest: { ...manifest, checksum: '' },
    docs: all.docs,
    nav: all.nav,
    examples: all.examples,
    changelogs: all.changelogs,
    ...(layer ? { sdk: layer.sdk } : {}),
  };

  const indexBuilder = options.indexBuilder === undefined ? buildSearchIndex : options.indexBuilder;
  let searchIndex: unknown;
  if (indexBuilder) {
    log('building search index');
    searchIndex = indexBuilder(corpus);
  }

  const file = join(outDir, BUNDLE_FILE_NAME);
  log(`writing ${file}`);
  const saved = writeGuard(outDir, () => {
    makeDirs(outDir);
    return saveBundle(file, manifest, {
      docs: all.docs,
      nav: all.nav,
      examples: all.examples,
      changelogs: all.changelogs,
      ...(layer ? { sdk: layer.sdk } : {}),
      searchIndex,
    });
  });
  return {
    file,
    manifest: saved.manifest,
    problems: all.problems,
    unresolved: all.unresolved,
    sources: all.sources,
    missing,
    bytes: saved.bytes,
    ms: Math.round(performance.now() - started),
    ...(layer
      ? {
          sdk: {
            surfaces: layer.sdk.surfaces.map((x) => ({
              package: x.package,
              version: x.version,
              symbols: x.symbols.length,
            })),
            methods: layer.sdk.links.length,
            mismatches: layer.mismatches,
          },
        }
      : {}),
  };
}
