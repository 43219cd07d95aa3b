import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { readRegularFile } from '../corpus/read-regular.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_FORMAT_VERSION } from '../corpus/format-version.js';
import type { CorpusOrigin } from '../core/runtime.js';
import type { CorpusManifest, SourceInfo } from '../corpus/types.js';
import { compareVersions } from '../corpus/versions.js';
import { defaultCacheDir } from '../corpus/cache-dir.js';

/**
 * Where corpora live and which one the server should serve: the one bundled with the package
 * (built at install time) or the one `workos-docs-mcp update` built into the user cache.
 * The cache holds `corpus/current.json`, a small pointer naming the active corpus file, so
 * switching is one atomic rename and choosing never parses a multi-megabyte corpus twice.
 */
export interface CachePointer {
  /** File name of the active corpus inside `<cache>/corpus/`. */
  file: string;
  formatVersion: number;
  builtAt: string;
  sources: SourceInfo[];
}

export type { CorpusOrigin };

export interface CorpusCandidate {
  file: string;
  origin: CorpusOrigin;
  /** Manifest read cheaply (pointer or file head); undefined when unreadable. */
  manifest?: Pick<CorpusManifest, 'formatVersion' | 'builtAt' | 'sources'>;
}

export function cacheCorpusDir(cacheDir = defaultCacheDir()): string {
  return join(cacheDir, 'corpus');
}

export function pointerFile(cacheDir = defaultCacheDir()): string {
  return join(cacheCorpusDir(cacheDir), 'current.json');
}

/** The cache pointer, or undefined when there is none or it is unreadable (never throws). */
export function readPointer(cacheDir = defaultCacheDir()): CachePointer | undefined {
  try {
    // Regular files only, small: a pointer that is a FIFO or device must not hang the start-up.
    const data = JSON.parse(
      readRegularFile(pointerFile(cacheDir), 64 * 1024).toString('utf8'),
    ) as Partial<CachePointer>;
    if (typeof data.file !== 'string' || !/^[\w.-]+\.json$/.test(data.file) || !Array.isArray(data.sources))
      return undefined;
    return {
      file: data.file,
      formatVersion: Number(data.formatVersion),
      builtAt: String(data.builtAt ?? ''),
      sources: data.sources,
    };
  } catch {
    return undefined;
  }
}

/** The pointer file when it exists but does not name a corpus (damaged, truncated), else undefined. */
export function unreadablePointer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const cacheDir = defaultCacheDir(env);
  const file = pointerFile(cacheDir);
  return existsSync(file) && !readPointer(cacheDir) ? file : undefined;
}

/** Bytes read from the head of a corpus file to find its manifest without parsing the whole file. */
const HEAD_BYTES = 256 * 1024;

/** The corpus manifest, from the file head when it comes first (it does in our bundles), else from a full parse. */
export function readCorpusManifest(file: string): CorpusCandidate['manifest'] {
  try {
    const head = readHead(file, HEAD_BYTES);
    const fromHead = extractObject(head, '"manifest"');
    const data = (
      fromHead
        ? JSON.parse(fromHead)
        : (JSON.parse(readRegularFile(file).toString('utf8')) as { manifest?: unknown }).manifest
    ) as CorpusManifest | undefined;
    if (!data || !Array.isArray(data.sources)) return undefined;
    return { formatVersion: data.formatVersion, builtAt: data.builtAt, sources: data.sources };
  } catch {
    return undefined;
  }
}

function readHead(file: string, bytes: number): string {
  // Non-blocking open and a type check first: opening a FIFO for reading would otherwise wait for ever.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${file} is not a regular file`);
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The balanced `{…}` after `"key":` in JSON text, or undefined when it is not complete in `text`. */
function extractObject(text: string, key: string): string | undefined {
  const at = text.indexOf(`${key}:`);
  if (at < 0) return undefined;
  const start = text.indexOf('{', at);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/**
 * Positive when `a` was built from newer sources than `b`: the docs bundle version decides,
 * then how many SDK packages each has newer than the other. Build time alone never decides,
 * because the bundled corpus is rebuilt at every install from the sources pinned at release.
 */
export function compareFreshness(a: SourceInfo[], b: SourceInfo[]): number {
  const docsA = a.find((s) => s.kind === 'docs-bundle');
  const docsB = b.find((s) => s.kind === 'docs-bundle');
  if (docsA?.version && docsB?.version) {
    const d = compareVersions(docsA.version, docsB.version);
    if (d !== 0) return d;
  }
  const versionsB = new Map(b.filter((s) => s.kind === 'sdk-package').map((s) => [s.name, s.version ?? '']));
  let score = 0;
  for (const s of a) {
    const other = versionsB.get(s.name);
    if (s.kind !== 'sdk-package' || !s.version || !other) continue;
    score += Math.sign(compareVersions(s.version, other));
  }
  return score;
}

/**
 * Corpus files to try, best first: the updated cache corpus when it has the current format and
 * newer sources than the bundled one, then the bundled one. The loader should take the first
 * that loads, so a damaged cache falls back to the bundled corpus instead of failing.
 */
export function corpusCandidates(options: {
  bundledFile: string;
  formatVersion?: number;
  env?: NodeJS.ProcessEnv;
}): CorpusCandidate[] {
  const bundled: CorpusCandidate = {
    file: options.bundledFile,
    origin: 'bundled',
    manifest: readCorpusManifest(options.bundledFile),
  };
  const cacheDir = defaultCacheDir(options.env ?? process.env);
  const pointer = readPointer(cacheDir);
  if (!pointer || (options.formatVersion !== undefined && pointer.formatVersion !== options.formatVersion))
    return [bundled];
  const cached: CorpusCandidate = {
    file: join(cacheCorpusDir(cacheDir), pointer.file),
    origin: 'updated',
    manifest: pointer,
  };
  if (!bundled.manifest) return [cached, bundled];
  return compareFreshness(pointer.sources, bundled.manifest.sources) > 0
    ? [cached, bundled]
    : [bundled, cached];
}

/** Whether a loaded corpus file is the bundled one, the one `update` built, or one the operator named. */
export function corpusOrigin(
  corpusFile: string,
  options: { bundledFile: string; env?: NodeJS.ProcessEnv },
): CorpusOrigin {
  if (corpusFile === options.bundledFile) return 'bundled';
  const dir = cacheCorpusDir(defaultCacheDir(options.env ?? process.env));
  return corpusFile.startsWith(dir) ? 'updated' : 'custom';
}

export const CORPUS_ENV = 'WORKOS_DOCS_MCP_CORPUS';

/** The bundled corpus: data/corpus.json at the package root (src/lifecycle and dist/lifecycle are both two levels down). */
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
