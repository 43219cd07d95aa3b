import { createHash } from 'node:crypto';

export class IntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntegrityError';
  }
}

/** `sha512-<base64>` of the bytes, the form npm's `dist.integrity` uses. */
export function sha512Integrity(bytes: Uint8Array): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/**
 * Throws unless the bytes match the pinned integrity. An SRI string may list several
 * hashes separated by spaces; only sha512 ones are trusted (sha1 is too weak to pin on).
 */
export function verifyIntegrity(bytes: Uint8Array, expected: string, label: string): void {
  const wanted = expected.split(/\s+/).filter((h) => h.startsWith('sha512-'));
  if (wanted.length === 0)
    throw new IntegrityError(`${label}: no sha512 integrity pinned, refusing to trust it`);
  const actual = sha512Integrity(bytes);
  if (!wanted.includes(actual)) {
    throw new IntegrityError(
      `${label}: integrity mismatch (expected ${wanted[0].slice(0, 22)}…, got ${actual.slice(0, 22)}…); ` +
        'the download is corrupt or was tampered with, so it was rejected',
    );
  }
}
