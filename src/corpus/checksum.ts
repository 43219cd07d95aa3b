/**
 * The bundle's integrity check: CRC-32 (the zlib/PNG/gzip polynomial) over everything after the
 * manifest line, as 8 hex digits. It is there to catch a truncated, torn or bit-flipped file, which
 * a CRC does as well as a cryptographic hash (a bundle is not signed: anyone able to change it could
 * recompute either). zlib's CRC-32 runs at several GB/s; sha256 of the 10 MB bundle was 7-9 ms of
 * every cold start, on the path to the first answer.
 */
import zlib from 'node:zlib';

type Crc32 = (data: Uint8Array, value?: number) => number;

/** zlib.crc32 arrived in Node 20.15 / 22.2; older Node 20 releases use the table below (~30 MB/s slower, same value). */
const native = (zlib as { crc32?: Crc32 }).crc32;

let table: Uint32Array | undefined;

function tableCrc32(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~value >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** CRC-32 of the parts, in order, as if they were one byte string (exported for tests: both paths agree). */
export function crc32(parts: readonly Uint8Array[], impl: Crc32 = native ?? tableCrc32): number {
  let value = 0;
  for (const p of parts) value = impl(p, value);
  return value >>> 0;
}

export { tableCrc32 };

/** The checksum a manifest records for these bytes. */
export function payloadChecksum(...parts: Uint8Array[]): string {
  return crc32(parts).toString(16).padStart(8, '0');
}
