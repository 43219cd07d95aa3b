import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/corpus/bundle.js';
import { cacheCorpusDir, readPointer } from '../../src/lifecycle/corpus-location.js';
import { startFakeRegistry, startUpdateRegistry, tempDir } from './helpers.js';

/**
 * Issue 16 items 6 and 10, across real processes: two `update`s at once used to delete each other's
 * new corpus (8 of 30 pairs left the pointer naming a deleted file, both said "Updated corpus"), and
 * every kill -9 left a staging folder no later run removed.
 */
const RUNNER = 'test/sdk/update-runner.ts';
let registry: Awaited<ReturnType<typeof startFakeRegistry>>;
const dirs: string[] = [];

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** Resolves once the runner says it is building (it then holds the lock and has a staging folder). */
  building: Promise<void>;
}

function startUpdate(cacheDir: string, hold = false): Run {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', RUNNER, registry.url, cacheDir, ...(hold ? ['hold'] : [])],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let building!: () => void;
  const buildingP = new Promise<void>((resolve) => (building = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('building\n')) building();
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Awaited<Run['done']>>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done, building: buildingP };
}

async function newCache(): Promise<string> {
  const dir = await tempDir('wdm-race-');
  dirs.push(dir);
  return dir;
}

/** The invariant a user relies on: the pointer names a corpus that loads, and nothing is left behind. */
async function expectConsistent(cacheDir: string): Promise<string> {
  const pointer = readPointer(cacheDir);
  expect(pointer).toBeDefined();
  const file = join(cacheCorpusDir(cacheDir), pointer!.file);
  expect(existsSync(file)).toBe(true);
  expect(loadBundle(file).corpus.docs.length).toBeGreaterThan(0);
  const left = await readdir(cacheDir);
  expect(left.filter((n) => n.startsWith('staging-'))).toEqual([]);
  expect(left).not.toContain('update.lock');
  return file;
}

beforeAll(async () => {
  registry = await startUpdateRegistry();
});

afterAll(async () => {
  await registry.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('concurrent updates (issue 16 item 6)', () => {
  it('a second update while one is building is refused in one line naming the first; the first one lands', async () => {
    const cache = await newCache();
    const first = startUpdate(cache, true);
    await first.building;
    const second = await startUpdate(cache).done;
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^another update is running \\(pid ${first.child.pid}, started \\d+ s ago\\); the current corpus is unchanged\\. Wait for it to finish`,
      ),
    );
    first.child.stdin!.end('go\n');
    const result = await first.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { file } = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { file: string };
    expect(await expectConsistent(cache)).toBe(file);
  });

  it('four updates started at once: each one lands or is refused, and the pointer names a corpus that loads', async () => {
    const cache = await newCache();
    const results = await Promise.all(Array.from({ length: 4 }, () => startUpdate(cache).done));
    for (const r of results) {
      if (r.code === 0) expect(JSON.parse(r.stdout).status).toBe('updated');
      else expect(r.stderr).toMatch(/^another update is running/);
    }
    expect(results.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
    await expectConsistent(cache);
  });
});

describe('interrupted updates (issue 16 item 10)', () => {
  it('kill -9 mid-update leaves a lock and a staging folder; the next update removes both and lands', async () => {
    const cache = await newCache();
    const killed = startUpdate(cache, true);
    await killed.building;
    const during = await readdir(cache);
    expect(during).toContain('update.lock');
    expect(during.filter((n) => n.startsWith('staging-'))).toHaveLength(1);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    expect((await readdir(cache)).filter((n) => n.startsWith('staging-'))).toHaveLength(1);

    const next = await startUpdate(cache).done;
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    await expectConsistent(cache);
  });
});
