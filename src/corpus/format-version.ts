// Its own module so the stdio fast path can choose the corpus file without loading the bundle code.
/**
 * Bumped on any incompatible change to the bundle shape (or to the search index it carries).
 * 2: manifest line, layout line, JSON payload, then raw binary blobs (typed arrays) in place.
 */
export const BUNDLE_FORMAT_VERSION = 2;
