import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prefetchFile, takePrefetched } from '../../src/corpus/prefetch.js';
import { loadRuntime } from '../../src/lifecycle/load-runtime.js';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';

const dir = mkdtempSync(join(tmpdir(), 'prefetch-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corpus prefetch', () => {
  it('hands over exactly the bytes of the file, once', async () => {
    const file = join(dir, 'a.bin');
    const content = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    writeFileSync(file, content);
    prefetchFile(file);
    const bytes = await takePrefetched(file);
    expect(bytes && Buffer.compare(bytes, content)).toBe(0);
    expect(await takePrefetched(file)).toBeUndefined();
  });

  it('gives nothing when the file changed after the read started', async () => {
    const file = join(dir, 'b.bin');
    writeFileSync(file, 'first version');
    prefetchFile(file);
    writeFileSync(file, 'second, longer version');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(await takePrefetched(file)).toBeUndefined();
  });

  it('gives nothing, without waiting, for a missing file, an empty one or a FIFO', async () => {
    const missing = join(dir, 'missing.bin');
    prefetchFile(missing);
    expect(await takePrefetched(missing)).toBeUndefined();
    const empty = join(dir, 'empty.bin');
    writeFileSync(empty, '');
    prefetchFile(empty);
    expect(await takePrefetched(empty)).toBeUndefined();
    const fifo = join(dir, 'fifo');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo here: the other cases still ran
    }
    prefetchFile(fifo);
    const started = Date.now();
    expect(await takePrefetched(fifo)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a prefetched corpus is checked like a fresh read: damage is refused, an intact copy loads', async () => {
    const good = join(dir, 'good.json');
    copyFileSync(bundledCorpusFile(), good);
    prefetchFile(good);
    const runtime = await loadRuntime({ corpusFile: good });
    expect(runtime.corpus.docs.length).toBeGreaterThan(500);

    const damaged = join(dir, 'damaged.json');
    const bytes = readFileSync(bundledCorpusFile());
    const at = bytes.indexOf('Single Sign-On', bytes.indexOf(0x0a) + 1);
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'Z'.charCodeAt(0);
    writeFileSync(damaged, bytes);
    prefetchFile(damaged);
    await expect(loadRuntime({ corpusFile: damaged })).rejects.toThrow(/fails its checksum/);
  });
});
