/**
 * Corpus build time (the real CLI, into a temporary folder so data/ is untouched) and the on-disk
 * size of what each server answers from: our bundle versus the old package's docs folder.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runCollect } from './run-collect.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildTiming {
  wallMs: number;
  /** The build's own figure (excludes Node start-up and module loading). */
  reportedMs: number | null;
  bytes: number;
  docs: number | null;
  sections: number | null;
  ok: boolean;
  error?: string;
}

/**
 * Times `dist/bin.js build --out <tmpdir>`. With `installTo`, the fresh corpus.json is then copied
 * there: the benchmark serves the corpus this very code built, never a stale one whose prebuilt index
 * the code would reject (and rebuild at every start).
 */
export async function timeCorpusBuild(root = ROOT, installTo?: string): Promise<BuildTiming> {
  const out = mkdtempSync(join(tmpdir(), 'workos-docs-bench-'));
  try {
    const t0 = performance.now();
    const { code, stdout, stderr } = await runCollect(
      process.execPath,
      [join(root, 'dist/bin.js'), 'build', '--out', out, '--json'],
      { cwd: root },
    );
    const wallMs = performance.now() - t0;
    if (code !== 0)
      return {
        wallMs,
        reportedMs: null,
        bytes: 0,
        docs: null,
        sections: null,
        ok: false,
        error: stderr.trim().split('\n').slice(-3).join(' | '),
      };
    let summary: {
      ms?: number;
      bytes?: number;
      manifest?: { counts?: { docs?: number; sections?: number } };
    } = {};
    try {
      summary = JSON.parse(stdout) as typeof summary;
    } catch {
      // an older build command without --json: wall time and file size still tell the story
    }
    const bytes = statSync(join(out, 'corpus.json')).size;
    if (installTo) copyFileSync(join(out, 'corpus.json'), installTo);
    return {
      wallMs,
      reportedMs: summary.ms ?? null,
      bytes,
      docs: summary.manifest?.counts?.docs ?? null,
      sections: summary.manifest?.counts?.sections ?? null,
      ok: true,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export interface DataSize {
  bytes: number;
  gzipBytes: number;
  files: number;
}

function sizeOf(files: string[]): DataSize {
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    bytes += buf.length;
    gzipBytes += gzipSync(buf).length;
  }
  return { bytes, gzipBytes, files: files.length };
}

/** data/corpus.json, which our server loads. */
export function ourBundleSize(root = ROOT): DataSize {
  return sizeOf([join(root, 'data/corpus.json')]);
}

/** The old package's `.docs/` folder, which its server reads and scans. */
export function oldDocsSize(): DataSize {
  const pkgDir = dirname(dirname(createRequire(import.meta.url).resolve('@workos/mcp-docs-server')));
  return sizeOf(walk(join(pkgDir, '.docs')));
}
