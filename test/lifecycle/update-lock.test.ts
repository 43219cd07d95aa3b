import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDiskError } from '../../src/lifecycle/disk-errors.js';
import { removeDeadTempFiles, removeStagingLeftovers } from '../../src/lifecycle/leftovers.js';
import { acquireLock, LockBusyError } from '../../src/lifecycle/update-lock.js';

const root = mkdtempSync(join(tmpdir(), 'wdm-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const lockFile = () => join(root, `update-${n++}.lock`);

/** Above the largest pid Linux can hand out (2^22), so no process has it. */
const deadPid = 2 ** 22 + 1;

const holderOf = (pid: number, host = hostname()) =>
  JSON.stringify({ pid, host, startedAt: new Date().toISOString(), token: 'someone-else' });

describe('the update lock', () => {
  it('is held by one run at a time and says who holds it', () => {
    const file = lockFile();
    const lock = acquireLock(file);
    const err = (() => {
      try {
        acquireLock(file);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(LockBusyError);
    expect((err as LockBusyError).holder?.pid).toBe(process.pid);
    lock.release();
    expect(existsSync(file)).toBe(false);
    acquireLock(file).release();
  });

  it('is broken when its holder has exited (kill -9 leaves it behind)', () => {
    const file = lockFile();
    writeFileSync(file, holderOf(deadPid));
    const lock = acquireLock(file);
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  it('is kept while its holder runs, however long, up to the age limit', () => {
    const file = lockFile();
    writeFileSync(file, holderOf(process.ppid));
    expect(() => acquireLock(file)).toThrow(LockBusyError);
    const hour = 60 * 60 * 1000;
    expect(() => acquireLock(file, { now: () => Date.now() + hour - 60_000 })).toThrow(LockBusyError);
    acquireLock(file, { now: () => Date.now() + hour + 60_000 }).release();
  });

  it('on another machine (a shared cache folder) only the age limit breaks it', () => {
    const file = lockFile();
    writeFileSync(file, holderOf(deadPid, `not-${hostname()}`));
    expect(() => acquireLock(file)).toThrow(LockBusyError);
    acquireLock(file, { now: () => Date.now() + 2 * 60 * 60 * 1000 }).release();
  });

  it('an empty lock (a crash between create and write) is busy for a moment, then stale', () => {
    const file = lockFile();
    writeFileSync(file, '');
    expect(() => acquireLock(file)).toThrow(LockBusyError);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(file, old, old);
    acquireLock(file).release();
  });

  it('release never removes a lock that is no longer ours', () => {
    const file = lockFile();
    const lock = acquireLock(file);
    writeFileSync(file, holderOf(process.ppid));
    lock.release();
    expect(existsSync(file)).toBe(true);
  });
});

describe('leftovers of interrupted runs', () => {
  it('removes staging folders and temp files of writers that exited, keeps those of live ones', () => {
    const dir = join(root, 'cache');
    mkdirSync(join(dir, 'staging-abc123', 'out'), { recursive: true });
    writeFileSync(join(dir, 'staging-abc123', 'out', 'corpus.json'), 'x');
    writeFileSync(join(dir, `.current.json.${deadPid}.0a1b2c3d.tmp`), 'x');
    writeFileSync(join(dir, `authkit-1.0.0.tgz.${deadPid}.tmp`), 'x');
    writeFileSync(join(dir, `.current.json.${process.ppid}.0a1b2c3d.tmp`), 'x');
    writeFileSync(join(dir, 'corpus-1.json'), 'x');
    expect(removeStagingLeftovers(dir)).toEqual(['staging-abc123']);
    expect(removeDeadTempFiles(dir).sort()).toEqual(
      [`.current.json.${deadPid}.0a1b2c3d.tmp`, `authkit-1.0.0.tgz.${deadPid}.tmp`].sort(),
    );
    expect(readdirSync(dir).sort()).toEqual([`.current.json.${process.ppid}.0a1b2c3d.tmp`, 'corpus-1.json']);
    expect(removeDeadTempFiles(join(dir, 'missing'))).toEqual([]);
  });
});

describe('disk errors', () => {
  const ctx = {
    action: 'update',
    dir: '/c',
    unchanged: 'the current corpus is unchanged',
    elsewhere: 'use another disk',
  };
  const errno = (code: string) => Object.assign(new Error(`${code}: boom`), { code });
  it('words a full or read-only disk in one line, also when wrapped', () => {
    expect(describeDiskError(new Error('wrapped', { cause: errno('ENOSPC') }), ctx)).toBe(
      'update stopped: cannot write /c: no space left on the disk (ENOSPC); the current corpus is unchanged. To fix: free some space there (or use another disk) and run it again.',
    );
    expect(describeDiskError(errno('EROFS'), ctx)).toBe(
      'update stopped: cannot write /c: the file system is read-only (EROFS); the current corpus is unchanged. To fix: use another disk.',
    );
    expect(describeDiskError(errno('ENOENT'), ctx)).toBeUndefined();
    expect(describeDiskError('not an error', ctx)).toBeUndefined();
  });
});
