/**
 * Reads a corpus-sized file only if it is a regular file of bounded size (issue 16): a path naming a
 * FIFO or `/dev/stdin` blocked the loader forever (SIGTERM ignored, as the read was synchronous), and
 * `/dev/zero` grew the process to 9.4 GB in a minute. The file is opened non-blocking, so opening a
 * FIFO returns at once; then its type and size are checked on the open descriptor, before any read.
 */
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
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

export function readRegularFile(file: string, maxBytes = MAX_CORPUS_FILE_BYTES): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new NotRegularFileError(file, 'is not a regular file (a pipe, device or folder)');
    if (stat.size > maxBytes)
      throw new NotRegularFileError(file, `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    return readOpenFile(fd, stat.size);
  } finally {
    closeSync(fd);
  }
}
