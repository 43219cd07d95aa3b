import { createHash, randomBytes } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { referenceEntryMarkdown } from './reference-markdown.js';
import type { Corpus, CorpusManifest, Doc, ReferenceField } from './types.js';

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
  /** Shared strings referenced from packed docs (written and read by this module only). */
  texts?: string[];
}

const HEADER_PREFIX = '{"manifest":';
const SECTION_JOINER = '\n\n';

/**
 * Derived and repeated text is not stored twice: a doc's Markdown is usually exactly its sections joined,
 * a reference entry's Markdown is a pure function of its fields, and the same field descriptions recur in
 * every SDK language (about 620 KB, 75 KB unique). Derived values are left out and rebuilt on load;
 * descriptions are stored once in a `texts` table and referenced by index. Together this is ~40% of the
 * docs payload, and of its parse time.
 */
function packDocs(docs: Doc[]): { docs: Doc[]; texts: string[] } {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const ref = (text: string): number => {
    let i = index.get(text);
    if (i === undefined) {
      i = texts.push(text) - 1;
      index.set(text, i);
    }
    return i;
  };
  const packFields = (fields: ReferenceField[]): unknown[] =>
    fields.map((f) => ({
      ...f,
      description: ref(f.description),
      ...(f.children ? { children: packFields(f.children) } : {}),
    }));
  const packed = docs.map((doc) => {
    const out: Record<string, unknown> = { ...doc };
    if (doc.sections.length && doc.markdown === joinSections(doc)) delete out.markdown;
    out.reference = doc.reference.map((entry) => {
      const { markdown, ...rest } = entry;
      return {
        ...rest,
        ...(markdown === referenceEntryMarkdown(entry) ? {} : { markdown }),
        parameters: packFields(entry.parameters),
        properties: packFields(entry.properties),
        returns: packFields(entry.returns),
      };
    });
    return out as unknown as Doc;
  });
  return { docs: packed, texts };
}

function joinSections(doc: Doc): string {
  return doc.sections.map((s) => s.markdown).join(SECTION_JOINER);
}

function unpackFields(fields: ReferenceField[], texts: string[]): void {
  for (const f of fields) {
    const d = f.description as unknown;
    if (typeof d === 'number') f.description = texts[d] ?? '';
    if (f.children) unpackFields(f.children, texts);
  }
}

/**
 * Defines `key` as computed on first read and then stored: rebuilding every entry's Markdown up front
 * would cost as much as parsing the whole file, and most entries are never read in a session.
 * The property stays enumerable, so spreading or serialising the object sees a plain string.
 */
function lazy<T extends object>(target: T, key: keyof T & string, compute: () => string): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      // A caller may have frozen the object since: then the value is simply recomputed on each read.
      if (Object.isExtensible(target)) {
        Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
      }
      return value;
    },
    set(value: string) {
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

function unpackDocs(docs: Doc[], texts: string[]): Doc[] {
  for (const doc of docs) {
    if (typeof doc.markdown !== 'string') lazy(doc, 'markdown', () => joinSections(doc));
    for (const entry of doc.reference) {
      unpackFields(entry.parameters, texts);
      unpackFields(entry.properties, texts);
      unpackFields(entry.returns, texts);
      if (typeof entry.markdown !== 'string') lazy(entry, 'markdown', () => referenceEntryMarkdown(entry));
    }
  }
  return docs;
}

/** Escapes non-ASCII characters (`’`, `—`) as \\uXXXX: same JSON value, cheaper to decode and parse. */
function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
  const { docs, texts } = packDocs(payload.docs);
  const body = asciiJson(JSON.stringify({ ...payload, docs, texts }).slice(1));
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
    docs: unpackDocs(payload.docs, Array.isArray(payload.texts) ? payload.texts : []),
    nav: payload.nav,
    examples: payload.examples,
    changelogs: payload.changelogs,
  };
  return payload.searchIndex === undefined ? { corpus } : { corpus, searchIndex: payload.searchIndex };
}
