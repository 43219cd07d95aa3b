import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CorpusManifest, MissingSource, SourceInfo } from '../corpus/types.js';
import type { CorpusOrigin, Runtime } from './runtime.js';

export interface CorpusInfo {
  serverVersion: string;
  corpusFile: string;
  /** Bundled with the package, built by `workos-docs-mcp update`, or named by the operator. */
  origin: CorpusOrigin;
  /** Set when the preferred corpus failed to load and this one is served instead: why, and what to do. */
  fallback?: string;
  formatVersion: number;
  builtAt: string;
  /** Whole days since the corpus was built. */
  ageDays: number;
  sources: SourceInfo[];
  /** Sources a partial build went without (empty for a complete corpus). */
  missing: MissingSource[];
  counts: CorpusManifest['counts'];
  products: number;
  changelogPackages: string[];
}

let cachedVersion: string | undefined;

/** Version from package.json, read once; src/core and dist/core both sit two levels below the package root. */
export function serverVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  try {
    const pkgUrl = new URL('../../package.json', import.meta.url);
    const pkg = JSON.parse(readFileSync(fileURLToPath(pkgUrl), 'utf8')) as { version?: string };
    cachedVersion = pkg.version ?? '0.0.0';
  } catch {
    cachedVersion = '0.0.0';
  }
  return cachedVersion;
}

export function corpusInfo(runtime: Runtime, now: Date = new Date()): CorpusInfo {
  const { manifest } = runtime.corpus;
  let builtAt = manifest.builtAt;
  if (!builtAt) {
    try {
      builtAt = statSync(runtime.corpusFile).mtime.toISOString();
    } catch {
      builtAt = '';
    }
  }
  const built = Date.parse(builtAt);
  return {
    serverVersion: serverVersion(),
    corpusFile: runtime.corpusFile,
    origin: runtime.origin,
    ...(runtime.fallback ? { fallback: runtime.fallback } : {}),
    formatVersion: manifest.formatVersion,
    builtAt,
    ageDays: Number.isNaN(built) ? -1 : Math.max(0, Math.floor((now.getTime() - built) / 86_400_000)),
    sources: manifest.sources,
    missing: manifest.missing ?? [],
    counts: manifest.counts,
    products: runtime.products.length,
    changelogPackages: [...new Set(runtime.corpus.changelogs.map((e) => e.package))].sort(),
  };
}
