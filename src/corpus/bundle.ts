import { createHash, randomBytes } from 'node:crypto';
import { payloadChecksum } from './checksum.js';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { latin1Text } from './large-buffer.js';
import { NotRegularFileError, readRegularFile } from './read-regular.js';
import { basename, dirname, join } from 'node:path';
import { referenceEntryMarkdown } from './reference-markdown.js';
import type { SdkCorpusData, SdkSurface } from './sdk-surface.js';
import type { Corpus, CorpusManifest, Doc, ReferenceField } from './types.js';

export { BUNDLE_FORMAT_VERSION } from './format-version.js';
import { BUNDLE_FORMAT_VERSION } from './format-version.js';

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
  /** SDK API surfaces and docs links: its own top-level field (stored as one JSON blob, parsed on first use). */
  sdk?: SdkCorpusData;
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

/**
 * A doc's Markdown as its sections joined, by concatenation: V8 keeps the result as a rope of the
 * section strings and copies nothing until it is read (see unpackDocs).
 */
function joinSections(doc: Doc): string {
  let out = '';
  for (let i = 0; i < doc.sections.length; i++)
    out = i === 0 ? doc.sections[i].markdown : out + SECTION_JOINER + doc.sections[i].markdown;
  return out;
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
    // A plain property, not a lazy one: an accessor defined on each doc put every doc object in V8's
    // dictionary mode, and the search reads doc fields (kind, path, title) hundreds of times a query.
    // Concatenated, not joined, the text costs little until read: V8 keeps it as a rope of the
    // section strings and flattens it on first use.
    if (typeof doc.markdown !== 'string') doc.markdown = joinSections(doc);
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

/** Typed arrays the bundle stores as raw bytes; the loader hands back views of the file's buffer. */
const BLOB_TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array, Float64Array } as const;
type BlobType = keyof typeof BLOB_TYPES;
type Blob = InstanceType<(typeof BLOB_TYPES)[BlobType]>;

/** Where a blob sits (bytes from the start of the body, i.e. after the manifest line) and where it goes. */
interface BlobEntry {
  path: string[];
  type: BlobType;
  offset: number;
  length: number;
}

/** The second line: how the body is laid out. Covered by the checksum like everything after line one. */
interface BundleLayout {
  json: number;
  blobs: BlobEntry[];
  littleEndian: boolean;
}

const BLOB_ALIGN = 8;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function blobType(value: unknown): BlobType | undefined {
  if (!ArrayBuffer.isView(value)) return undefined;
  const name = value.constructor.name as BlobType;
  return name in BLOB_TYPES ? name : undefined;
}

/**
 * Takes typed arrays out of the payload (anywhere in it, so any layer may store one) and leaves `null`
 * in their place. Only plain objects are walked: docs are arrays of plain data, never typed arrays.
 */
function extractBlobs(payload: object): { json: object; blobs: { path: string[]; value: Blob }[] } {
  const blobs: { path: string[]; value: Blob }[] = [];
  const seen = new WeakSet<object>();
  const walk = (value: unknown, path: string[]): unknown => {
    if (blobType(value)) {
      blobs.push({ path, value: value as Blob });
      return null;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    // A cycle is left in place for JSON.stringify to refuse with its usual "circular structure" error.
    if (seen.has(value)) return value;
    seen.add(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, [...path, k]);
    return out;
  };
  // Top-level lists (docs, nav, ...) hold no blobs: only their siblings' object trees are walked.
  const json: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) json[k] = Array.isArray(v) ? v : walk(v, [k]);
  return { json, blobs };
}

/**
 * File layout (format 2):
 *   line 1  {"manifest":{…},                      the manifest alone, so a reader can check version and
 *                                                  freshness from the first bytes (corpus-location.ts)
 *   line 2  {"json":N,"blobs":[…],"littleEndian":true}
 *   N bytes of JSON: {"docs":[…],"nav":[…],…,"searchIndex":{…}}   (all ASCII)
 *   then each blob's raw bytes, 8-byte aligned
 * The manifest's checksum covers every byte after line 1.
 */
export function serialiseBundle(
  manifest: Omit<CorpusManifest, 'checksum'>,
  payload: BundlePayload,
): { bytes: Buffer; manifest: CorpusManifest } {
  const { docs, texts } = packDocs(payload.docs);
  const { json, blobs } = extractBlobs({ ...payload, docs, texts, ...packSdk(payload.sdk) });
  const jsonBytes = Buffer.from(asciiJson(JSON.stringify(json)), 'latin1');
  // Offsets are fixed before the layout line's length is known: align relative to the body and pad
  // the layout line so the body itself starts 8-byte aligned in the file.
  const entries: BlobEntry[] = [];
  let at = jsonBytes.length;
  for (const b of blobs) {
    at = Math.ceil(at / BLOB_ALIGN) * BLOB_ALIGN;
    entries.push({ path: b.path, type: blobType(b.value)!, offset: at, length: b.value.length });
    at += b.value.byteLength;
  }
  const layout: BundleLayout = { json: jsonBytes.length, blobs: entries, littleEndian: LITTLE_ENDIAN };
  const body = Buffer.alloc(at);
  jsonBytes.copy(body, 0);
  blobs.forEach((b, i) =>
    Buffer.from(b.value.buffer, b.value.byteOffset, b.value.byteLength).copy(body, entries[i].offset),
  );
  const draft = { ...manifest, checksum: '' };
  // The checksum is over layout line + body; the layout does not depend on the manifest line.
  const manifestLine = (checksum: string) => `${HEADER_PREFIX}${JSON.stringify({ ...draft, checksum })},\n`;
  let layoutLine = `${JSON.stringify(layout)}\n`;
  const checksumLength = payloadChecksum().length;
  const headLength =
    Buffer.byteLength(manifestLine('x'.repeat(checksumLength))) + Buffer.byteLength(layoutLine);
  const pad = (BLOB_ALIGN - (headLength % BLOB_ALIGN)) % BLOB_ALIGN;
  layoutLine = `${JSON.stringify(layout)}${' '.repeat(pad)}\n`;
  const layoutBytes = Buffer.from(layoutLine, 'utf8');
  const checksum = payloadChecksum(layoutBytes, body);
  const full: CorpusManifest = { ...manifest, checksum };
  return {
    bytes: Buffer.concat([Buffer.from(manifestLine(checksum), 'utf8'), layoutBytes, body]),
    manifest: full,
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Writes through a temporary file in the same folder and renames it into place, so readers see the old
 * bundle or the new one, never half of one; a failure leaves the previous bundle untouched.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data, { flush: true });
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
  const { bytes, manifest: full } = serialiseBundle(manifest, payload);
  writeFileAtomic(file, bytes);
  return { manifest: full, bytes: bytes.length };
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

function readBundleFile(file: string): Buffer {
  try {
    // Regular files of bounded size only: a FIFO or device path must not hang or flood the loader.
    return readRegularFile(file);
  } catch (err) {
    if (err instanceof NotRegularFileError) throw new BundleError(file, 'unreadable', err.detail);
    const code = (err as NodeJS.ErrnoException).code;
    throw new BundleError(
      file,
      code === 'ENOENT' ? 'missing' : 'unreadable',
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`,
    );
  }
}

function checkVersion(file: string, manifest: CorpusManifest): void {
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
}

function parseLayout(file: string, line: string, bodyBytes: number): BundleLayout {
  let layout: BundleLayout;
  try {
    layout = JSON.parse(line) as BundleLayout;
  } catch {
    throw new BundleError(file, 'corrupt', 'has an unreadable layout line');
  }
  const blobsFit =
    Array.isArray(layout?.blobs) &&
    layout.blobs.every(
      (b) =>
        Array.isArray(b?.path) &&
        b.path.length > 0 &&
        b.path.every((k) => typeof k === 'string' && k !== '__proto__') &&
        Object.hasOwn(BLOB_TYPES, b.type) &&
        Number.isInteger(b.offset) &&
        Number.isInteger(b.length) &&
        b.offset >= 0 &&
        b.length >= 0 &&
        b.offset + b.length * BLOB_TYPES[b.type].BYTES_PER_ELEMENT <= bodyBytes,
    );
  if (!Number.isInteger(layout?.json) || layout.json > bodyBytes || !blobsFit)
    throw new BundleError(file, 'corrupt', 'has a layout that does not fit the file');
  if (layout.littleEndian !== LITTLE_ENDIAN)
    throw new BundleError(file, 'corrupt', 'was built on a machine of other byte order');
  return layout;
}

/**
 * A typed array with its own copy of the blob's bytes. A view over the file's bytes would keep the
 * whole file (7.8 MB, mostly JSON already decoded into strings) alive for the blobs' 1.9 MB; the copy
 * costs about a millisecond and lets the file go.
 */
function blobView(body: Buffer, entry: BlobEntry): Blob {
  const Type = BLOB_TYPES[entry.type];
  const start = body.byteOffset + entry.offset;
  return new Type(body.buffer.slice(start, start + entry.length * Type.BYTES_PER_ELEMENT) as ArrayBuffer);
}

function placeBlob(file: string, payload: Record<string, unknown>, entry: BlobEntry, value: Blob): void {
  let at: Record<string, unknown> = payload;
  for (const key of entry.path.slice(0, -1)) {
    const next = Object.hasOwn(at, key) ? at[key] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next))
      throw new BundleError(file, 'corrupt', `has a blob for a missing "${entry.path.join('.')}"`);
    at = next as Record<string, unknown>;
  }
  at[entry.path[entry.path.length - 1]] = value;
}

/** Reads and validates a bundle: manifest line, format version, checksum, layout, then the payload. */
/** `bytes`: the file's contents when already read (corpus/prefetch.ts); checked exactly like a fresh read. */
export function loadBundle(file: string, bytes: Buffer = readBundleFile(file)): LoadedBundle {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new BundleError(file, 'corrupt', 'is truncated or not a corpus bundle');
  const manifest = parseManifest(file, bytes.toString('utf8', 0, newline));
  checkVersion(file, manifest);
  const rest = bytes.subarray(newline + 1);
  if (payloadChecksum(rest) !== manifest.checksum) {
    throw new BundleError(file, 'checksum', 'fails its checksum (truncated or modified)');
  }
  const layoutEnd = rest.indexOf(0x0a);
  if (layoutEnd < 0) throw new BundleError(file, 'corrupt', 'has no layout line');
  const body = rest.subarray(layoutEnd + 1);
  const layout = parseLayout(file, rest.toString('utf8', 0, layoutEnd), body.length);
  let payload: BundlePayload;
  try {
    const json = body.subarray(0, layout.json);
    // One UTF-8 decode: V8 makes the all-ASCII payload (what saveBundle writes) one flat string on its
    // heap at memcpy speed. Decoded as latin1 it came in 512 KB pieces (larger latin1 decodes become
    // malloc'd external strings, see large-buffer.ts) that JSON.parse then flattened: 4.8 MB more
    // garbage while the corpus loads, and more collections on the way to the first answer.
    payload = JSON.parse(json.toString('utf8')) as BundlePayload;
  } catch {
    throw new BundleError(file, 'corrupt', 'is not valid JSON');
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    throw new BundleError(file, 'corrupt', 'has no payload object');
  for (const entry of layout.blobs)
    placeBlob(file, payload as unknown as Record<string, unknown>, entry, blobView(body, entry));
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
  unpackSdk(corpus, payload.sdk);
  return payload.searchIndex === undefined ? { corpus } : { corpus, searchIndex: payload.searchIndex };
}

/** What a surface carries besides the heavy fields: read by every search (which versions answers use). */
const SURFACE_BODY = ['entries', 'client', 'symbols', 'exports', 'problems'] as const;

interface StoredSdk {
  heads: Pick<SdkSurface, 'package' | 'version' | 'slug' | 'language'>[];
  /** The docs' methods linked to the surfaces (45 KB): JSON bytes. */
  links: Uint8Array;
  /** Each surface's other fields as JSON bytes, keyed by its index in `heads` (blobs sit in objects, not lists). */
  bodies: Record<string, Uint8Array>;
}

/**
 * The SDK surfaces (~1 MB of JSON, half of it @workos-inc/node) are stored per surface as JSON bytes
 * and parsed on first use, each on its own: every search reads which versions the corpus speaks for
 * and the docs-to-SDK links of its reference hits, but only an answer that shows a signature needs
 * that surface's symbols. Parsing all of them on the first search was ~3 ms of the cold start and
 * 1.5 MiB of heap a session kept.
 */
function packSdk(sdk: SdkCorpusData | undefined): { sdk?: StoredSdk } {
  if (!sdk) return {};
  const bytes = (value: unknown): Uint8Array =>
    new Uint8Array(Buffer.from(asciiJson(JSON.stringify(value)), 'latin1'));
  const bodies: Record<string, Uint8Array> = {};
  sdk.surfaces.forEach((surface, i) => {
    const body: Record<string, unknown> = {};
    for (const key of SURFACE_BODY) if (surface[key] !== undefined) body[key] = surface[key];
    bodies[String(i)] = bytes(body);
  });
  return {
    sdk: {
      heads: sdk.surfaces.map((s) => ({
        package: s.package,
        version: s.version,
        slug: s.slug,
        language: s.language,
      })),
      links: bytes(sdk.links),
      bodies,
    },
  };
}

function parseBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(latin1Text(bytes));
  } catch {
    return undefined;
  }
}

/** A surface whose heavy fields are parsed from its bytes the first time any of them is read. */
function lazySurface(head: StoredSdk['heads'][number], bytes: Uint8Array | undefined): SdkSurface {
  const surface = { ...head } as SdkSurface & Record<string, unknown>;
  let filled = false;
  // Let go once parsed: the bytes are not needed again.
  let pending = bytes;
  const fill = (): void => {
    if (filled) return;
    filled = true;
    const body = pending ? parseBytes(pending) : undefined;
    pending = undefined;
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    for (const key of SURFACE_BODY) {
      // A damaged body leaves the lists empty (answers then find no symbol), never a throwing getter.
      const fallback = key === 'client' || key === 'exports' ? undefined : [];
      const value = key in fields ? fields[key] : fallback;
      Object.defineProperty(surface, key, {
        value,
        writable: true,
        configurable: true,
        enumerable: value !== undefined,
      });
    }
  };
  for (const key of SURFACE_BODY)
    Object.defineProperty(surface, key, {
      configurable: true,
      enumerable: true,
      get() {
        fill();
        return surface[key];
      },
      set(value: unknown) {
        fill();
        Object.defineProperty(surface, key, { value, writable: true, configurable: true, enumerable: true });
      },
    });
  return surface;
}

function unpackSdk(corpus: Corpus, stored: unknown): void {
  const s = stored as Partial<StoredSdk> | undefined;
  if (!s || !Array.isArray(s.heads) || !(s.links instanceof Uint8Array)) return;
  const { heads, links } = s as StoredSdk;
  const bodies = (typeof s.bodies === 'object' && s.bodies !== null ? s.bodies : {}) as StoredSdk['bodies'];
  let parsed: SdkCorpusData | undefined | null = null;
  Object.defineProperty(corpus, 'sdk', {
    configurable: true,
    enumerable: true,
    get() {
      if (parsed === null) {
        const value = {
          surfaces: heads.map((h, i) => {
            const body = Object.hasOwn(bodies, String(i)) ? bodies[String(i)] : undefined;
            return lazySurface(h, body instanceof Uint8Array ? body : undefined);
          }),
          links: parseBytes(links),
        };
        // A damaged or foreign field is dropped (answers then say the SDK surface is unavailable), not fatal.
        parsed = isSdkData(value) && value.surfaces.every(isSurfaceHead) ? value : undefined;
      }
      return parsed ?? undefined;
    },
  });
}

function isSurfaceHead(s: SdkSurface): boolean {
  return typeof s.package === 'string' && typeof s.version === 'string' && typeof s.slug === 'string';
}

function isSdkData(value: unknown): value is SdkCorpusData {
  const v = value as Partial<SdkCorpusData> | undefined;
  return typeof v === 'object' && v !== null && Array.isArray(v.surfaces) && Array.isArray(v.links);
}
