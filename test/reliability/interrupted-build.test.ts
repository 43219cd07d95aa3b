/**
 * A build killed at any moment (SIGKILL: no cleanup code runs) leaves the previous bundle loadable:
 * the bundle is written to a temporary file and renamed into place, never rewritten in place.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/corpus/bundle.js';
import { bundledCorpusFile } from '../../src/lifecycle/corpus-location.js';
import { report } from './helpers/report.js';
import { requireBuiltBin, spawnBin } from './helpers/spawn.js';

let root: string;
let source: string;
let previousChecksum: string;

/** A docs folder big enough that the build takes a noticeable time and writes a multi-megabyte bundle. */
function writeSource(dir: string, docs: number): void {
  for (let i = 0; i < docs; i++) {
    const area = join(dir, `area-${i % 10}`);
    mkdirSync(area, { recursive: true });
    const sections = Array.from(
      { length: 10 },
      (_, s) =>
        `## Section ${s} of page ${i}\n\n${'Organizations, SSO connections and directory sync users. '.repeat(20)}\n\n\`\`\`js\nconst x${s} = workos.sso.getProfile({ code: "${i}-${s}" });\n\`\`\`\n`,
    );
    writeFileSync(
      join(area, `page-${i}.mdx`),
      `---\ntitle: Page ${i}\ndescription: Generated page ${i}\n---\n\n# Page ${i}\n\n${sections.join('\n')}`,
    );
  }
}

beforeAll(() => {
  requireBuiltBin();
  root = mkdtempSync(join(tmpdir(), 'wdm-interrupt-'));
  source = join(root, 'source');
  writeSource(source, 40);
  previousChecksum = loadBundle(bundledCorpusFile()).corpus.manifest.checksum;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Starts a build over the previous bundle and SIGKILLs it when `when` says so. */
async function killedBuild(
  name: string,
  when: (stderrSoFar: string, elapsedMs: number) => boolean,
): Promise<{ out: string; killedAt: string; signal: string | null }> {
  const out = join(root, name);
  mkdirSync(out, { recursive: true });
  copyFileSync(bundledCorpusFile(), join(out, 'corpus.json'));
  const child = spawnBin(['build', '--source', source, '--out', out, '--no-sdks'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = performance.now();
  let stderr = '';
  let killedAt = 'never';
  const check = () => {
    if (killedAt === 'never' && child.exitCode === null && when(stderr, performance.now() - started)) {
      killedAt = `${Math.round(performance.now() - started)} ms, after: ${stderr.trim().split('\n').pop() ?? ''}`;
      child.kill('SIGKILL');
    }
  };
  child.stderr?.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
    check();
  });
  const poll = setInterval(check, 5);
  const signal = await new Promise<string | null>((resolve) =>
    child.once('close', (_code, sig) => resolve(sig)),
  );
  clearInterval(poll);
  return { out, killedAt, signal };
}

describe('a build killed halfway leaves the previous bundle intact', () => {
  const points: [string, (stderr: string, ms: number) => boolean][] = [
    ['while reading sources', (_s, ms) => ms > 300],
    ['while building the search index', (s) => /search index/i.test(s)],
    ['the moment it starts writing', (s) => /writing/i.test(s)],
  ];
  // The builds run side by side: each kill point is an event, not a wall-clock time, except the first.
  const runs = new Map<string, ReturnType<typeof killedBuild>>();
  beforeAll(() => {
    for (const [label, when] of points) runs.set(label, killedBuild(label.replace(/\W+/g, '-'), when));
  });
  for (const [label] of points) {
    it(label, async () => {
      const { out, killedAt, signal } = await runs.get(label)!;
      report('interrupted build', `${label}: killed at ${killedAt} (${signal ?? 'finished'})`);
      const { corpus } = loadBundle(join(out, 'corpus.json'));
      if (signal === 'SIGKILL' && corpus.manifest.checksum !== previousChecksum) {
        // The rename landed just before the kill: then it must be the complete new bundle.
        expect(corpus.docs.some((d) => d.title.startsWith('Page '))).toBe(true);
      } else if (signal === 'SIGKILL') {
        expect(corpus.manifest.checksum).toBe(previousChecksum);
      }
      const leftovers = readdirSync(out).filter((f) => f.endsWith('.tmp'));
      if (leftovers.length > 0) report('interrupted build', `${label}: left ${leftovers.join(', ')}`);
      // Whatever happened, nothing but the bundle and its temporary leftovers is in the folder.
      const stray = readdirSync(out).filter(
        (f) => f !== 'corpus.json' && !/^\.corpus\.json\.\d+\.[0-9a-f]+\.tmp$/.test(f),
      );
      expect(stray).toEqual([]);
    });
  }
});
