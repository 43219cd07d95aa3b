import { createHash, randomBytes } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Corpus, CorpusManifest, Doc } from './types.js';

/** Bumped on any incompatible change to the bundle shape (or to the search index it carries). */
export const BUNDLE_FORMAT_VERSION = 1;

export const REBUILD_HINT = 'rebuild it with "workos-docs-mcp build" (or "npm run build:corpus")';

export type BundleErrorReason =
  'missing' | 'unreadable' | 'corrupt' | 'checksum' | 'newer-format' | 'older-format';

/** A bundle that cannot be used. The message is one line and names the command that fixes it. */
export class BundleError extends Error {
  override name = 'BundleError';
  constructor(
    readonly file: string,
    readonly reason: BundleErrorReason,
    detail: string,
    hint = REBUILD_HINT,
  ) {
    super(`Corpus bundle ${file} ${detail}; ${hint}.`);
  }
}

export interface LoadedBundle {
  corpus: Corpus;
  /** The prebuilt search index, when the build carried one (shape owned by src/search). */
  searchIndex?: unknown;
}

/** Everything but the manifest; the manifest's checksum covers exactly these bytes. */
export interface BundlePayload {
  docs: Corpus['docs'];
  nav: Corpus['nav'];
  examples: Corpus['examples'];
  changelogs: Corpus['changelogs'];
  searchIndex?: unknown;
}

const HEADER_PREFIX = '{"manifest":';
const SECTION_JOINER = '\n\n';

/**
 * A doc's Markdown is usually exactly its sections joined; storing it twice would double the largest
 * part of the bundle (and its load time), so such docs are saved without it and rebuilt on load.
 */
function packDocs(docs: Doc[]): Doc[] {
  return docs.map((doc) =>
    doc.sections.length && doc.markdown === doc.sections.map((s) => s.markdown).join(SECTION_JOINER)
      ? ({ ...doc, markdown: undefined } as unknown as Doc)
      : doc,
  );
}

/** Escapes non-ASCII characters (`’`, `—`) as \\uXXXX: same JSON value, cheaper to decode and parse. */
function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function unpackDocs(docs: Doc[]): Doc[] {
  for (const doc of docs) {
    if (typeof doc.markdown !== 'string')
      doc.markdown = doc.sections.map((s) => s.markdown).join(SECTION_JOINER);
  }
  return docs;
}

/**
 * The file is one JSON object whose first line is the manifest and whose remaining bytes are the payload,
 * so a loader can check version and checksum without re-serialising anything:
 *   {"manifest":{…},\n"docs":[…],"nav":[…],"examples":[…],"changelogs":[…],"searchIndex":…}
 */
export function serialiseBundle(
  manifest: Omit<CorpusManifest, 'checksum'>,
  payload: BundlePayload,
): { text: string; manifest: CorpusManifest } {
  const body = asciiJson(JSON.stringify({ ...payload, docs: packDocs(payload.docs) }).slice(1));
  const full: CorpusManifest = { ...manifest, checksum: sha256(body) };
  return { text: `${HEADER_PREFIX}${JSON.stringify(full)},\n${body}`, manifest: full };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Writes through a temporary file in the same folder and renames it into place, so readers see the old
 * bundle or the new one, never half of one; a failure leaves the previous bundle untouched.
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flush: true });
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export function saveBundle(
  file: string,
  manifest: Omit<CorpusManifest, 'checksum'>,
  payload: BundlePayload,
): { manifest: CorpusManifest; bytes: number } {
  const { text, manifest: full } = serialiseBundle(manifest, payload);
  writeFileAtomic(file, text);
  return { manifest: full, bytes: Buffer.byteLength(text, 'utf8') };
}

function parseManifest(file: string, header: string): CorpusManifest {
  if (!header.startsWith(HEADER_PREFIX) || !header.endsWith(','))
    throw new BundleError(file, 'corrupt', 'is not a corpus bundle (no manifest line)');
  let manifest: unknown;
  try {
    manifest = JSON.parse(header.slice(HEADER_PREFIX.length, -1));
  } catch {
    throw new BundleError(file, 'corrupt', 'has an unreadable manifest');
  }
  const m = manifest as Partial<CorpusManifest>;
  if (!m || typeof m.formatVersion !== 'number' || typeof m.checksum !== 'string')
    throw new BundleError(file, 'corrupt', 'has an incomplete manifest');
  return m as CorpusManifest;
}

/** Reads and validates a bundle: manifest line, format version, checksum, then the payload. */
export function loadBundle(file: string): LoadedBundle {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BundleError(
      file,
      code === 'ENOENT' ? 'missing' : 'unreadable',
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`,
    );
  }
  // Work on bytes: hashing the payload needs no re-encoding, and only the payload is decoded.
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new BundleError(file, 'corrupt', 'is truncated or not a corpus bundle');
  const manifest = parseManifest(file, bytes.toString('utf8', 0, newline));
  if (manifest.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      file,
      'newer-format',
      `has format ${manifest.formatVersion}, newer than this workos-docs-mcp reads (${BUNDLE_FORMAT_VERSION})`,
      `upgrade workos-docs-mcp or ${REBUILD_HINT}`,
    );
  }
  if (manifest.formatVersion < BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      file,
      'older-format',
      `has old format ${manifest.formatVersion} (expected ${BUNDLE_FORMAT_VERSION})`,
    );
  }
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== manifest.checksum) {
    throw new BundleError(file, 'checksum', 'fails its checksum (truncated or modified)');
  }
  let payload: BundlePayload;
  try {
    // An all-ASCII payload (what saveBundle writes) decodes several times faster as latin1 than as UTF-8.
    payload = JSON.parse(`{${body.toString(isAscii(body) ? 'latin1' : 'utf8')}`) as BundlePayload;
  } catch {
    throw new BundleError(file, 'corrupt', 'is not valid JSON');
  }
  for (const key of ['docs', 'nav', 'examples', 'changelogs'] as const) {
    if (!Array.isArray(payload[key])) throw new BundleError(file, 'corrupt', `has no "${key}" list`);
  }
  const corpus: Corpus = {
    manifest,
    docs: unpackDocs(payload.docs),
    nav: payload.nav,
    examples: payload.examples,
    changelogs: payload.changelogs,
  };
  return payload.searchIndex === undefined ? { corpus } : { corpus, searchIndex: payload.searchIndex };
}
