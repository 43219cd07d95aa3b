// Its own module so the stdio fast path can choose the corpus file without loading the bundle code.
/**
 * Bumped on any incompatible change to the bundle shape (or to the search index it carries).
 * 2: manifest line, layout line, JSON payload, then raw binary blobs (typed arrays) in place.
 * 3: the manifest's checksum is CRC-32 (corpus/checksum.ts), no longer sha256.
 */
export const BUNDLE_FORMAT_VERSION = 3;
