/**
 * Which corpus the server loads: an updated corpus in the user cache wins when its sources are newer,
 * and a damaged one falls back to the bundled corpus (saying so) instead of taking the server down.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCorpusManifest, pointerFile } from '../../src/lifecycle/corpus-location.js';
import { CorpusUnavailableError } from '../../src/core/errors.js';
import { loadRuntime } from '../../src/lifecycle/load-runtime.js';
import { corpusInfo } from '../../src/core/info.js';
import { formatInfo } from '../../src/core/format/info.js';
import { bundledCorpusFile, corpusFilesToTry } from '../../src/lifecycle/corpus-location.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A cache whose pointer names a corpus with newer sources than the bundled one, but a damaged file. */
function damagedNewerCache(): NodeJS.ProcessEnv {
  const cache = mkdtempSync(join(tmpdir(), 'wdm-cache-'));
  dirs.push(cache);
  const bundled = readCorpusManifest(bundledCorpusFile());
  if (!bundled) throw new Error('data/corpus.json is missing: run npm run build');
  const sources = bundled.sources.map((s) => (s.version ? { ...s, version: '999.0.0' } : s));
  mkdirSync(join(cache, 'corpus'), { recursive: true });
  writeFileSync(join(cache, 'corpus', 'corpus-new.json'), '{"truncated":');
  const env = { WORKOS_DOCS_MCP_CACHE: cache };
  writeFileSync(
    pointerFile(cache),
    JSON.stringify({ file: 'corpus-new.json', formatVersion: bundled.formatVersion, builtAt: '', sources }),
  );
  return env;
}

describe('loadRuntime', () => {
  it('prefers the newer updated corpus, and falls back to the bundled one when it is damaged', async () => {
    const env = damagedNewerCache();
    const files = corpusFilesToTry({ env });
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/corpus-new\.json$/);
    expect(files[1]).toBe(bundledCorpusFile());

    const told: string[] = [];
    const runtime = await loadRuntime({ env, onFallback: (m) => told.push(m) });
    expect(runtime.corpusFile).toBe(bundledCorpusFile());
    expect(runtime.corpus.docs.length).toBeGreaterThan(500);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/workos-docs-mcp build/);
    // `info` says so too, with the repair (issue 16 item 6: a dangling pointer fell back silently).
    expect(runtime.fallback).toBe(told[0]);
    expect(told[0]).toMatch(
      /Serving the bundled corpus instead\. To repair the updated corpus, run "workos-docs-mcp update --force"\.$/,
    );
    expect(formatInfo(corpusInfo(runtime))).toContain(`\nWARNING: fallback: ${told[0]}\n`);
  });

  it('a pointer naming a deleted corpus (two updates racing, before the lock) falls back and says so', async () => {
    const env = damagedNewerCache();
    rmSync(join(env.WORKOS_DOCS_MCP_CACHE!, 'corpus', 'corpus-new.json'));
    const runtime = await loadRuntime({ env });
    expect(runtime.origin).toBe('bundled');
    expect(corpusInfo(runtime).fallback).toMatch(
      /corpus-new\.json does not exist.*Serving the bundled corpus instead.*update --force/,
    );
  });

  it('an unreadable pointer is no silent fallback either', async () => {
    const env = damagedNewerCache();
    writeFileSync(pointerFile(env.WORKOS_DOCS_MCP_CACHE), '{"file": 12');
    const told: string[] = [];
    const runtime = await loadRuntime({ env, onFallback: (m) => told.push(m) });
    expect(runtime.origin).toBe('bundled');
    expect(told).toEqual([runtime.fallback]);
    expect(runtime.fallback).toMatch(
      /^The cache pointer .*current\.json .* is unreadable, so the bundled corpus is served\. To repair/,
    );
  });

  it('a healthy start has no fallback note', async () => {
    const runtime = await loadRuntime({
      env: { WORKOS_DOCS_MCP_CACHE: join(tmpdir(), 'wdm-no-cache-here') },
    });
    expect(runtime.fallback).toBeUndefined();
    expect(formatInfo(corpusInfo(runtime))).not.toContain('WARNING');
  });

  it('tries only a corpus the operator named, and fails with the one-line rebuild hint', async () => {
    const env = { ...damagedNewerCache(), WORKOS_DOCS_MCP_CORPUS: join(tmpdir(), 'no-such-corpus.json') };
    expect(corpusFilesToTry({ env })).toEqual([env.WORKOS_DOCS_MCP_CORPUS]);
    const error = await loadRuntime({ env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusUnavailableError);
    expect((error as Error).message).not.toContain('\n');
  });
});
