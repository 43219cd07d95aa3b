/**
 * Reads a corpus-sized file only if it is a regular file of bounded size (issue 16): a path naming a
 * FIFO or `/dev/stdin` blocked the loader forever (SIGTERM ignored, as the read was synchronous), and
 * `/dev/zero` grew the process to 9.4 GB in a minute. The file is opened non-blocking, so opening a
 * FIFO returns at once; then its type and size are checked on the open descriptor, before any read.
 */
import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { readOpenFile } from './large-buffer.js';

/** Far above any real bundle (tens of MB), far below what would exhaust memory. */
export const MAX_CORPUS_FILE_BYTES = 1024 * 1024 * 1024;

export class NotRegularFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file} ${detail}`);
  }
}

/**
 * Opens `file` for reading if it is a regular file of at most `maxBytes`; the caller closes the
 * descriptor. Throws NotRegularFileError for anything else (and the open's own error if it fails).
 */
export function openRegularFile(file: string, maxBytes = MAX_CORPUS_FILE_BYTES): { fd: number; stat: Stats } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new NotRegularFileError(file, 'is not a regular file (a pipe, device or folder)');
    if (stat.size > maxBytes)
      throw new NotRegularFileError(file, `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    return { fd, stat };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

export function readRegularFile(file: string, maxBytes = MAX_CORPUS_FILE_BYTES): Buffer {
  const { fd, stat } = openRegularFile(file, maxBytes);
  try {
    return readOpenFile(fd, stat.size);
  } finally {
    closeSync(fd);
  }
}
