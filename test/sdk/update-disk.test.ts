import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/corpus/bundle.js';
import { buildCorpus } from '../../src/lifecycle/build.js';
import { cacheCorpusDir, pointerFile, readPointer } from '../../src/lifecycle/corpus-location.js';
import { runUpdate, UpdateError, type UpdateDeps } from '../../src/lifecycle/update.js';
import { httpFetcher } from '../../src/ingest/sdk/fetchers.js';
import { httpRegistry } from '../../src/ingest/sdk/registry.js';
import { SITE } from '../ingest/helpers.js';
import { fakeUpdateManifest, startFakeRegistry, startUpdateRegistry } from './helpers.js';

/**
 * Issue 16 item 10, on real file systems: a full disk during an update used to be reported as the
 * ENOTEMPTY of the cleanup after it, and `build --out` on a read-only disk as ENOENT. The disks are
 * small tmpfs mounts (root with mount rights, as on the CI machine); without them the tmpfs cases
 * are skipped and the file-size limit (ulimit -f, any user) still gives a real write failure.
 */
function tryMount(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const base = resolve(tmpdir(), `wdm-disk-${process.pid}`);
mkdirSync(base, { recursive: true });
const probe = join(base, 'probe');
mkdirSync(probe);
const canMount = tryMount(probe, 'size=64k');
if (canMount) execFileSync('umount', [probe]);

const mounted: string[] = [];
function mountTmpfs(name: string, options: string): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  if (!tryMount(dir, options)) throw new Error(`mount tmpfs on ${dir} failed`);
  mounted.push(dir);
  return dir;
}

/** Writes until the disk is full; returns the filler file. */
function fill(dir: string): string {
  const file = join(dir, 'filler');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) appendFileSync(file, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  return file;
}

let registry: Awaited<ReturnType<typeof startFakeRegistry>>;

beforeAll(async () => {
  registry = await startUpdateRegistry();
});

afterAll(async () => {
  await registry.close();
  for (const dir of mounted) spawnSync('umount', ['-l', dir]);
  await rm(base, { recursive: true, force: true });
});

const deps = (cacheDir: string): UpdateDeps => ({
  cacheDir,
  registry: httpRegistry(registry.url),
  fetcher: httpFetcher(),
  manifest: fakeUpdateManifest(),
  current: [],
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

function expectServedCorpusIntact(cacheDir: string, pointerBytes: string): void {
  expect(readFileSync(pointerFile(cacheDir), 'utf8')).toBe(pointerBytes);
  const file = join(cacheCorpusDir(cacheDir), readPointer(cacheDir)!.file);
  expect(loadBundle(file).corpus.docs.length).toBeGreaterThan(0);
  const left = readdirSync(cacheDir);
  expect(left.filter((n) => n.startsWith('staging-'))).toEqual([]);
  expect(left).not.toContain('update.lock');
}

describe.runIf(canMount)('update on a real full or read-only disk (tmpfs)', () => {
  it('full disk: one line saying ENOSPC and that the current corpus is unchanged; after freeing space it works', async () => {
    const cache = mountTmpfs('full', 'size=2m');
    expect((await runUpdate(deps(cache))).status).toBe('updated');
    const pointer = readFileSync(pointerFile(cache), 'utf8');
    const filler = fill(cache);

    const err = await failure(runUpdate(deps(cache), { force: true }));
    expect(err).toBeInstanceOf(UpdateError);
    expect(err.message).toBe(
      `update stopped: cannot write ${cache}: no space left on the disk (ENOSPC); the current corpus is unchanged. ` +
        'To fix: free some space there (or set WORKOS_DOCS_MCP_CACHE to a folder on a writable disk) and run it again.',
    );
    expectServedCorpusIntact(cache, pointer);

    rmSync(filler);
    expect((await runUpdate(deps(cache), { force: true })).status).toBe('updated');
    expect(readdirSync(cache).filter((n) => n.startsWith('staging-'))).toEqual([]);
  });

  it('read-only disk: one line saying EROFS and where to put the cache instead', async () => {
    const cache = mountTmpfs('ro', 'size=2m');
    expect((await runUpdate(deps(cache))).status).toBe('updated');
    const pointer = readFileSync(pointerFile(cache), 'utf8');
    execFileSync('mount', ['-o', 'remount,ro', cache]);

    const err = await failure(runUpdate(deps(cache), { force: true }));
    expect(err.message).toBe(
      `update stopped: cannot write ${cache}: the file system is read-only (EROFS); the current corpus is unchanged. ` +
        'To fix: set WORKOS_DOCS_MCP_CACHE to a folder on a writable disk.',
    );
    expectServedCorpusIntact(cache, pointer);
  });

  it('build --out on a read-only disk says EROFS (it said ENOENT), in milliseconds, before ingesting', async () => {
    const ro = mountTmpfs('build-ro', 'size=64k,ro');
    const out = join(ro, 'data', 'nested');
    let ingested = false;
    const err = await failure(
      buildCorpus({
        sourceDir: SITE,
        outDir: out,
        log: (m) => (ingested ||= m.includes('rendering')),
      }),
    );
    expect(err.message).toBe(
      `build stopped: cannot write ${out}: the file system is read-only (EROFS); nothing was written (any previous corpus.json there is unchanged). ` +
        'To fix: pass --out DIR on a writable disk.',
    );
    expect(ingested).toBe(false);
  });

  it('build --out on a full disk says ENOSPC and leaves no temp file', async () => {
    const out = mountTmpfs('build-full', 'size=4k');
    const err = await failure(buildCorpus({ sourceDir: SITE, outDir: out }));
    expect(err.message).toMatch(
      new RegExp(
        `^build stopped: cannot write ${out}: no space left on the disk \\(ENOSPC\\); nothing was written`,
      ),
    );
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a write failure from the file-size limit (ulimit -f, no mount needed)', () => {
  it('build reports EFBIG in one line, exit 1, no stack, no temp file', async () => {
    const out = await mkdtemp(join(base, 'fsize-'));
    const bin = resolve('dist/bin.js');
    const r = spawnSync(
      'bash',
      [
        '-c',
        `ulimit -f 4; exec "${process.execPath}" "${bin}" build --no-sdks --source "${SITE}" --out "${out}"`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l && !l.startsWith('build: '));
    expect(lines).toEqual([
      `workos-docs-mcp: build stopped: cannot write ${out}: the file size limit was reached (EFBIG); nothing was written (any previous corpus.json there is unchanged). ` +
        'To fix: free some space there (or pass --out DIR on a writable disk) and run it again.',
    ]);
    expect(readdirSync(out)).toEqual([]);
  });
});
