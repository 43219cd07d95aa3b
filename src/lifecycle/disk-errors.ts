/**
 * Disk failures during `build` and `update`, worded for the person at the terminal: what happened in
 * plain words with the code, that the corpus being served did not change, and what to do. Without
 * this a full disk surfaced as whatever cleanup failed next (`ENOTEMPTY … rmdir staging-…`) and a
 * read-only `--out` as ENOENT (issue 16 item 10).
 */
const PLAIN: Record<string, { kind: 'space' | 'write'; words: string }> = {
  ENOSPC: { kind: 'space', words: 'no space left on the disk' },
  EDQUOT: { kind: 'space', words: 'the disk quota is used up' },
  EFBIG: { kind: 'space', words: 'the file size limit was reached' },
  EROFS: { kind: 'write', words: 'the file system is read-only' },
  EACCES: { kind: 'write', words: 'permission denied' },
  EPERM: { kind: 'write', words: 'operation not permitted' },
};

/** The errno code of a disk failure, looked for on the error and down its `cause` chain. */
export function diskErrorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code in PLAIN) return code;
  }
  return undefined;
}

export interface DiskContext {
  /** `build` or `update`. */
  action: string;
  /** The folder being written. */
  dir: string;
  /** What stayed as it was, e.g. "the current corpus is unchanged". */
  unchanged: string;
  /** What to do when the folder cannot be written at all, e.g. "pass --out DIR on a writable disk". */
  elsewhere: string;
}

/** One line for a disk failure, or undefined when `err` is not one. */
export function describeDiskError(err: unknown, ctx: DiskContext): string | undefined {
  const code = diskErrorCode(err);
  if (!code) return undefined;
  const { kind, words } = PLAIN[code];
  const todo =
    kind === 'space' ? `free some space there (or ${ctx.elsewhere}) and run it again` : ctx.elsewhere;
  return `${ctx.action} stopped: cannot write ${ctx.dir}: ${words} (${code}); ${ctx.unchanged}. To fix: ${todo}.`;
}

/** Leftover cleanup must never hide the failure that made it necessary: it reports nothing. */
export async function quietly(fn: () => Promise<unknown> | unknown): Promise<void> {
  try {
    await fn();
  } catch {
    // The next run removes what is left (lifecycle/leftovers.ts).
  }
}

/** A disk failure worded by describeDiskError; `cause` keeps the original error (and its code). */
export class DiskError extends Error {
  override name = 'DiskError';
}
