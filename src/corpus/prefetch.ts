/**
 * Reading the corpus file (~8 MB) need not wait for the server's code. The stdio fast path starts one
 * read on libuv's thread pool as the process starts, while it answers the handshake and the server
 * bundle loads; the loader then takes the bytes instead of reading the file again on the main thread.
 *
 * Only the bytes travel: the loader checks them exactly as bytes it read itself (manifest, format,
 * checksum), so a damaged file fails the same way. The read is taken only if the file still is what was
 * opened (same device, inode, size and modification time); anything unusual (missing, not a regular
 * file, too large, an error) simply leaves nothing to take, and the loader reads and reports as before.
 *
 * The fast path is an ES module chunk and the server a CommonJS bundle, two copies of this module:
 * the reads in progress are kept on a global symbol both see.
 */
import { closeSync, read, statSync, type Stats } from 'node:fs';
import { transientBuffer } from './large-buffer.js';
import { MAX_CORPUS_FILE_BYTES, openRegularFile } from './read-regular.js';

interface PendingRead {
  file: string;
  identity: string;
  bytes: Promise<Buffer | undefined>;
}

const STORE = Symbol.for('workos-docs-mcp.corpus-prefetch');

function store(): Map<string, PendingRead> {
  const g = globalThis as { [STORE]?: Map<string, PendingRead> };
  return (g[STORE] ??= new Map());
}

function identityOf(stat: Stats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

/** Starts reading `file` in the background (at most once per path); never throws. */
export function prefetchFile(file: string, maxBytes = MAX_CORPUS_FILE_BYTES): void {
  const reads = store();
  if (reads.has(file)) return;
  let opened: ReturnType<typeof openRegularFile>;
  try {
    opened = openRegularFile(file, maxBytes);
  } catch {
    return;
  }
  const { fd, stat } = opened;
  if (stat.size === 0) {
    closeSync(fd);
    return;
  }
  const size = stat.size;
  // One read of the whole file: a chunked read would need the main thread between chunks, and the
  // main thread is busy loading the server's code at exactly that time.
  const bytes = new Promise<Buffer | undefined>((resolve) => {
    const buffer = transientBuffer(size);
    const readFrom = (offset: number): void => {
      read(fd, buffer, offset, size - offset, offset, (err, n) => {
        if (err || n === 0) {
          closeSync(fd);
          resolve(undefined);
        } else if (offset + n < size) readFrom(offset + n);
        else {
          closeSync(fd);
          resolve(buffer);
        }
      });
    };
    readFrom(0);
  });
  reads.set(file, { file, identity: identityOf(stat), bytes });
}

/**
 * The bytes of a read started for `file`, if there was one and the file is unchanged since; each
 * read is taken once (the loader keeps what it needs, the rest is garbage).
 */
export async function takePrefetched(file: string): Promise<Buffer | undefined> {
  const reads = store();
  const pending = reads.get(file);
  if (!pending) return undefined;
  reads.delete(file);
  const bytes = await pending.bytes;
  try {
    return bytes && identityOf(statSync(file)) === pending.identity ? bytes : undefined;
  } catch {
    return undefined;
  }
}
