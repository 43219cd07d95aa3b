import { constants } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Result of asking for one fixed-name file in a root. */
export type ReadOutcome =
  { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'skipped'; reason: string };

/** Manifests people write by hand are small; anything past this is not a manifest we should parse. */
export const MANIFEST_MAX_BYTES = 1024 * 1024;
/** Lockfiles of large monorepos reach tens of MB; past this we skip rather than hold it in memory. */
export const LOCKFILE_MAX_BYTES = 24 * 1024 * 1024;
/** All files of one scan together: many roots times big lockfiles must not add up without bound. */
export const SCAN_MAX_BYTES = 64 * 1024 * 1024;

/** Shared across the roots of one scan, so the total read stays bounded. */
export class ReadBudget {
  constructor(public remaining = SCAN_MAX_BYTES) {}
}

// Opening a FIFO for reading blocks until a writer comes; O_NONBLOCK returns at once, and the
// fstat below refuses it. (Windows has no O_NONBLOCK and no FIFOs in the file system.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads files by fixed names inside one root folder, and nothing else: the resolved path of
 * every file (symlinks followed) must stay inside the resolved root, be a regular file and fit
 * the size cap. Names come from our own code (and package names we validated), never from a
 * tool argument.
 */
export class RootReader {
  private constructor(
    /** The root as resolved on disk (symlinks followed). */
    readonly root: string,
    private readonly budget: ReadBudget,
  ) {}

  /** Resolves the root; throws a one-line reason when it is missing or not a folder. */
  static async open(root: string, budget = new ReadBudget()): Promise<RootReader> {
    if (!isAbsolute(root)) throw new Error('is not an absolute path');
    let real: string;
    try {
      real = await realpath(root);
    } catch (err) {
      throw new Error(codeOf(err) === 'ENOENT' ? 'does not exist' : `cannot be opened (${codeOf(err)})`);
    }
    // readdir doubles as the "is a folder we may list" check (ENOTDIR for files).
    try {
      await readdir(real);
    } catch (err) {
      throw new Error(codeOf(err) === 'ENOTDIR' ? 'is not a folder' : `cannot be listed (${codeOf(err)})`);
    }
    return new RootReader(real, budget);
  }

  /** Reads `name` (a relative path we chose) when it is a regular file inside the root within `maxBytes`. */
  async read(name: string, maxBytes = MANIFEST_MAX_BYTES): Promise<ReadOutcome> {
    let real: string;
    try {
      real = await realpath(join(this.root, name));
    } catch (err) {
      const code = codeOf(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
      if (code === 'ELOOP') return { kind: 'skipped', reason: 'is a symlink loop' };
      return { kind: 'skipped', reason: `cannot be opened (${code})` };
    }
    if (!this.contains(real)) return { kind: 'skipped', reason: 'is a symlink to a place outside the root' };
    let handle;
    try {
      handle = await open(real, OPEN_FLAGS);
    } catch (err) {
      return { kind: 'skipped', reason: `cannot be opened (${codeOf(err)})` };
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return { kind: 'skipped', reason: 'is not a regular file' };
      const cap = Math.min(maxBytes, this.budget.remaining);
      if (stat.size > cap) {
        return {
          kind: 'skipped',
          reason:
            stat.size > maxBytes
              ? `is ${formatBytes(stat.size)}, more than the ${formatBytes(maxBytes)} read for this file`
              : `was not read: this scan already read ${formatBytes(SCAN_MAX_BYTES - this.budget.remaining)} of files`,
        };
      }
      // Read at most cap + 1 bytes: a file that grew since the stat is caught, never read unbounded.
      const buf = Buffer.alloc(Math.min(stat.size, cap) + 1);
      let length = 0;
      while (length < buf.length) {
        const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > cap) return { kind: 'skipped', reason: 'grew while being read' };
      this.budget.remaining -= length;
      return { kind: 'text', text: stripBom(buf.subarray(0, length).toString('utf8')) };
    } catch (err) {
      return { kind: 'skipped', reason: `cannot be read (${codeOf(err)})` };
    } finally {
      await handle.close();
    }
  }

  /**
   * Names directly in the root (no descent) matching `pattern`, sorted, at most `limit`:
   * for the few manifests whose names vary (`requirements-dev.txt`, `MyApp.csproj`).
   */
  async list(pattern: RegExp, limit: number): Promise<{ names: string[]; more: number }> {
    let entries: string[];
    try {
      entries = await readdir(this.root);
    } catch {
      return { names: [], more: 0 };
    }
    const names = entries.filter((n) => pattern.test(n)).sort();
    return { names: names.slice(0, limit), more: Math.max(0, names.length - limit) };
  }

  private contains(real: string): boolean {
    const rel = relative(this.root, real);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? 'error';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
