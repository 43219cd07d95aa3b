/**
 * Large transient buffers that do not leave glibc's malloc holding memory for the rest of the process.
 *
 * glibc serves big requests (128 KiB and up, at first) with their own mmap, and when such a block is
 * freed it raises its thresholds to that block's size: later requests up to that size come from the
 * arenas, and an arena gives memory back only once 2x that size lies free at its top (mallopt(3),
 * M_MMAP_THRESHOLD). Freeing the 7.8 MB corpus file after the load made that 15.5 MiB, so the arenas
 * of V8's compiler threads (each grown to a few MiB by an optimising compile) and the main one kept
 * every page they ever touched: ~14 MiB of the server's RSS after 1,000 calls.
 *
 * The adjustment is skipped for blocks above DEFAULT_MMAP_THRESHOLD_MAX (32 MiB on 64-bit). So a
 * transient buffer is cut from a block just above that: pages never written are never resident, and
 * freeing it unmaps it without moving the thresholds. Other allocators only see a larger reservation.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Below this, glibc serves requests from its arenas anyway and freeing them moves no threshold. */
const ARENA_SIZE = 128 * 1024;
/** Just above glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit. */
const UNTRACKED_SIZE = 32 * 1024 * 1024 + 4096;

/** An uninitialised buffer of `size` bytes whose release leaves malloc's thresholds where they were. */
export function transientBuffer(size: number): Buffer {
  if (size < ARENA_SIZE || size >= UNTRACKED_SIZE) return Buffer.allocUnsafe(size);
  return Buffer.allocUnsafe(UNTRACKED_SIZE).subarray(0, size);
}

/**
 * Node turns a latin1 decode of about 1 MB or more into an external string, a malloc'd copy freed
 * with the string: decoded in pieces below that, the text lives on V8's heap (a rope of the pieces,
 * flattened there by whoever reads it, e.g. JSON.parse).
 */
const DECODE_PIECE = 512 * 1024;

export function latin1Text(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length <= DECODE_PIECE) return buf.toString('latin1');
  let text = '';
  for (let at = 0; at < buf.length; at += DECODE_PIECE)
    text += buf.toString('latin1', at, Math.min(at + DECODE_PIECE, buf.length));
  return text;
}

/** The whole of an open file (of `size` bytes, as fstat said) in a transientBuffer. */
export function readOpenFile(fd: number, size: number): Buffer {
  const buffer = transientBuffer(size);
  let at = 0;
  while (at < size) {
    const n = readSync(fd, buffer, at, size - at, at);
    if (n === 0) break;
    at += n;
  }
  return at === size ? buffer : buffer.subarray(0, at);
}

/** readFileSync for a file read once and dropped (a code cache, a bundle's source). */
export function readTransientFile(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY);
  try {
    return readOpenFile(fd, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}
