/**
 * Issue 16 items 7 and 8: hostile corpus files.
 * 7. A corpus path naming a FIFO or a device hung for ever (ignoring SIGTERM), or read /dev/zero until
 *    9.4 GB; also through a cache pointer. Only regular files of bounded size are opened.
 * 8. A checksum-valid but malformed updated corpus (`docs[0].reference = null`) crashed the load with
 *    "doc.reference is not iterable" instead of falling back to the bundled corpus.
 */
import { execFileSync } from 'node:child_process';
import { payloadChecksum } from '../../../src/corpus/checksum.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BundleError, loadBundle } from '../../../src/corpus/bundle.js';
import {
  bundledCorpusFile,
  pointerFile,
  readCorpusManifest,
} from '../../../src/lifecycle/corpus-location.js';
import { loadRuntime } from '../../../src/lifecycle/load-runtime.js';
import { requireBuiltBin, runBin } from '../helpers/spawn.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeAll(() => requireBuiltBin());

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'wdm-hostile-'));
  dirs.push(d);
  return d;
}

function fifo(): string {
  const path = join(tempDir(), 'corpus.fifo');
  execFileSync('mkfifo', [path]);
  return path;
}

/** A cache whose pointer names `name` (newer sources than the bundled corpus, so it is tried first). */
function cacheNaming(name: string, write?: (file: string) => void): NodeJS.ProcessEnv {
  const cache = tempDir();
  mkdirSync(join(cache, 'corpus'), { recursive: true });
  const bundled = readCorpusManifest(bundledCorpusFile());
  if (!bundled) throw new Error('data/corpus.json is missing: run npm run build');
  const sources = bundled.sources.map((s) => (s.version ? { ...s, version: '999.0.0' } : s));
  write?.(join(cache, 'corpus', name));
  writeFileSync(
    pointerFile(cache),
    JSON.stringify({ file: name, formatVersion: bundled.formatVersion, builtAt: '', sources }),
  );
  return { WORKOS_DOCS_MCP_CACHE: cache };
}

describe('corpus paths that are not regular files', () => {
  it('refuses a FIFO at once', () => {
    const path = fifo();
    expect(() => loadBundle(path)).toThrow(BundleError);
    expect(() => loadBundle(path)).toThrow(/not a regular file/);
  });

  it.runIf(existsSync('/dev/zero'))('refuses a device without reading it', () => {
    expect(() => loadBundle('/dev/zero')).toThrow(/not a regular file/);
  });

  it('the CLI named a FIFO corpus exits 1 with one line, without hanging', async () => {
    const run = await runBin(['info'], { env: { WORKOS_DOCS_MCP_CORPUS: fifo() }, timeoutMs: 20_000 });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not a regular file/);
  });

  it('a cache pointer naming a FIFO falls back to the bundled corpus', async () => {
    const env = cacheNaming('corpus-fifo.json', (file) => execFileSync('mkfifo', [file]));
    const told: string[] = [];
    const runtime = await loadRuntime({ env, onFallback: (m) => told.push(m) });
    expect(runtime.corpusFile).toBe(bundledCorpusFile());
    expect(told.join(' ')).toMatch(/not a regular file/);
  });
});

/**
 * The bundled corpus with its first doc's `reference` list set to null in the JSON payload (padded to the same length,
 * so the binary sections after it stay where the layout says) and the checksum recomputed: every
 * integrity check passes, the shape does not.
 */
function malformedBundle(): Buffer {
  const bytes = readFileSync(bundledCorpusFile());
  const nl1 = bytes.indexOf(0x0a);
  const rest = Buffer.from(bytes.subarray(nl1 + 1));
  const nl2 = rest.indexOf(0x0a);
  const layout = JSON.parse(rest.toString('utf8', 0, nl2)) as { json: number };
  const start = nl2 + 1;
  const payload = JSON.parse(rest.toString('utf8', start, start + layout.json)) as {
    docs: { reference: unknown }[];
  };
  // The report's case: one field of the right file with the wrong type.
  payload.docs[0].reference = null;
  const json = Buffer.from(JSON.stringify(payload), 'utf8');
  if (json.length > layout.json) throw new Error('the edited payload grew');
  rest.fill(0x20, start, start + layout.json);
  json.copy(rest, start);
  const manifestLine = bytes.toString('utf8', 0, nl1);
  const oldChecksum = /"checksum":"([0-9a-f]+)"/.exec(manifestLine)?.[1];
  if (!oldChecksum) throw new Error('no checksum in the manifest line');
  const checksum = payloadChecksum(rest);
  return Buffer.concat([Buffer.from(`${manifestLine.replace(oldChecksum, checksum)}\n`), rest]);
}

describe('a checksum-valid but malformed updated corpus', () => {
  it('falls back to the bundled corpus, saying so in one line', async () => {
    const env = cacheNaming('corpus-malformed.json', (file) => writeFileSync(file, malformedBundle()));
    const told: string[] = [];
    const runtime = await loadRuntime({ env, onFallback: (m) => told.push(m) });
    expect(runtime.corpusFile).toBe(bundledCorpusFile());
    expect(told).toHaveLength(1);
    expect(told[0]).not.toContain('\n');
    // The reported crash itself, now a fallback: a parse error here would mean the edit broke the file instead.
    expect(told[0]).toMatch(/is malformed \(doc\.reference is not iterable\)/);
  });
});
