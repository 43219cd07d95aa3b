import { describe, expect, it } from 'vitest';
import { crc32, payloadChecksum, tableCrc32 } from '../../src/corpus/checksum.js';

describe('bundle checksum (CRC-32)', () => {
  it('gives the standard check value', () => {
    // The CRC-32/ISO-HDLC check value of the ASCII digits 1-9.
    expect(payloadChecksum(Buffer.from('123456789'))).toBe('cbf43926');
    expect(payloadChecksum()).toBe('00000000');
  });

  it('is the same over parts as over their concatenation, with zlib or the table', () => {
    const a = Buffer.from('layout line\n');
    const b = Buffer.alloc(70_000, 7);
    b[12_345] = 0xff;
    const whole = crc32([Buffer.concat([a, b])], tableCrc32);
    expect(crc32([a, b], tableCrc32)).toBe(whole);
    expect(crc32([a, b])).toBe(whole);
  });

  it('changes when one bit changes', () => {
    const data = Buffer.alloc(4096, 0x61);
    const before = payloadChecksum(data);
    data[2048] ^= 1;
    expect(payloadChecksum(data)).not.toBe(before);
  });
});
