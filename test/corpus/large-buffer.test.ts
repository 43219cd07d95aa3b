import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latin1Text, readTransientFile, transientBuffer } from '../../src/corpus/large-buffer.js';

const dir = mkdtempSync(join(tmpdir(), 'large-buffer-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MiB = 1024 * 1024;
const pattern = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => 32 + ((i * 7) % 95)));

describe('transient buffers', () => {
  it("mid-size buffers are cut from a block above glibc's 32 MiB dynamic-threshold limit", () => {
    const b = transientBuffer(8 * MiB);
    expect(b.length).toBe(8 * MiB);
    expect(b.buffer.byteLength).toBeGreaterThan(32 * MiB);
  });

  it('small and huge buffers are plain allocations', () => {
    expect(transientBuffer(1000).length).toBe(1000);
    expect(transientBuffer(40 * MiB).buffer.byteLength).toBeLessThan(41 * MiB);
  });

  it('reads a file byte for byte', () => {
    const file = join(dir, 'f.bin');
    const content = pattern(3 * MiB + 17);
    writeFileSync(file, content);
    expect(Buffer.compare(readTransientFile(file), content)).toBe(0);
    writeFileSync(file, '');
    expect(readTransientFile(file).length).toBe(0);
  });

  it('decodes latin1 in pieces to the same string, across piece boundaries', () => {
    for (const n of [0, 10, 512 * 1024, 512 * 1024 + 1, 2 * MiB + 3]) {
      const bytes = pattern(n);
      bytes[n >> 1] = 0xe9;
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      expect(latin1Text(view)).toBe(bytes.toString('latin1'));
    }
  });
});
