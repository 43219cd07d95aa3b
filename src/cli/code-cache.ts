/**
 * Loads a CommonJS bundle through V8's code cache. On Node 20 most of a cold start is compiling the
 * server's code (the MCP SDK, zod, our search), first the top level and then, lazily, every
 * function the first answer runs. V8 can hand back that compiled code: `vm.Script` accepts the bytes
 * a previous process produced with `createCachedData()`, which include the functions it had
 * compiled by then. So the first run on a machine compiles as before and, when it exits, leaves the
 * cache in the user cache folder; every later start skips that work.
 *
 * The cache is only an optimisation and is never trusted: V8 checks it against the source, its own
 * version and its flags and rejects anything else (`cachedDataRejected`), and then we compile
 * normally and write a fresh one. V8 checks the payload's checksum in debug builds only, so the file
 * carries our own CRC-32 of it (as the corpus bundle does): a damaged file is never handed to V8. Any
 * failure to read or write it is ignored. Node >= 22 has `module.enableCompileCache` for the same job; Node 20 does not.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { defaultCacheDir } from '../corpus/cache-dir.js';
import { crc32 } from '../corpus/checksum.js';
import { readTransientFile } from '../corpus/large-buffer.js';

export const NO_CODE_CACHE_ENV = 'WORKOS_DOCS_MCP_NO_CODE_CACHE';

/** File layout: MAGIC, CRC-32 of the payload (4 bytes, big-endian), then V8's cached data. */
const MAGIC = Buffer.from('WDMCODE2');
const HEADER = MAGIC.length + 4;

const digest = (data: Uint8Array): Buffer => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32([data]));
  return out;
};

/** V8's bytes from a cache file, or undefined when the file is not one of ours or is damaged. */
export function readCacheFile(file: string): Buffer | undefined {
  // ~1 MB read once: see large-buffer.ts for why not readFileSync
  const raw = readTransientFile(file);
  if (raw.length <= HEADER || !raw.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = raw.subarray(HEADER);
  return digest(data).equals(raw.subarray(MAGIC.length, HEADER)) ? data : undefined;
}

export interface CodeCacheLoad {
  exports: unknown;
  /** 'used': compiled from the cache; 'written-at-exit': none usable, one is made at exit (flags permitting). */
  cache: 'used' | 'written-at-exit' | 'off';
}

/**
 * The cache file for a bundle: named by the bundle, its size and mtime, and the Node version and
 * architecture, so upgrades and rebuilds get a file of their own (and the old ones are pruned).
 */
export function codeCacheFile(bundle: string, cacheDir = defaultCacheDir()): string {
  const st = statSync(bundle);
  const key = `${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}`;
  return join(cacheDir, 'code-cache', `${basename(bundle)}-${key}.bin`);
}

/**
 * The bytes V8 caches for a one-line script: the same flags give the same bytes. Taken at start and
 * again at exit, they tell whether the flags are back as they were (a cache made under other flags
 * would be refused by every next start and rewritten at every exit).
 */
function flagProbe(): Buffer {
  const script = new vm.Script('0', { filename: 'workos-docs-mcp-flag-probe' });
  return script.createCachedData();
}

export interface CodeCacheOptions {
  /** Where the cache lives (default: codeCacheFile(bundle)). */
  cacheFile?: string;
  /** Called at exit before the cache is made: put V8's flags back as they were at start. */
  restoreFlags?: () => void;
}

/** `require(bundle)`, compiled with the code cache when one is usable. */
export function requireWithCodeCache(bundle: string, options: CodeCacheOptions = {}): CodeCacheLoad {
  const { cacheFile } = options;
  const source = readTransientFile(bundle).toString('utf8');
  let file: string | undefined;
  let cachedData: Buffer | undefined;
  if (!process.env[NO_CODE_CACHE_ENV]) {
    try {
      file = cacheFile ?? codeCacheFile(bundle);
      cachedData = readCacheFile(file);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  const compiled = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const mod = { exports: {} as unknown };
  compiled.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
  if (!file || used) return { exports: mod.exports, cache: file ? 'used' : 'off' };
  // At exit the cache holds every function this process compiled: the handshake, the corpus load
  // and the first answers, which is what the next start needs.
  const target = file;
  const startFlags = flagProbe();
  process.once('exit', () => {
    options.restoreFlags?.();
    if (flagProbe().equals(startFlags)) writeCodeCache(target, () => script.createCachedData());
  });
  return { exports: mod.exports, cache: 'written-at-exit' };
}

/** Atomic write (temp + rename), pruning this bundle's caches for other builds or Node versions. */
function writeCodeCache(file: string, data: () => Buffer): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    const payload = data();
    writeFileSync(temp, Buffer.concat([MAGIC, digest(payload), payload]));
    renameSync(temp, file);
    const prefix = basename(file).split('-v')[0];
    for (const name of readdirSync(dir)) {
      if (name !== basename(file) && name.startsWith(`${prefix}-v`) && !name.endsWith('.tmp'))
        rmSync(join(dir, name), { force: true });
    }
  } catch {
    // a read-only or full disk only costs the next start its head start
  }
}
