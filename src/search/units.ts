import { createHash } from 'node:crypto';
import type { Corpus, Doc, ReferenceEntry, ReferenceField } from '../corpus/types.js';
import { endpointKeys } from './endpoints.js';
import { markdownToPlainText } from './plain-text.js';

/**
 * A search unit is one section of one document. Units are numbered in corpus order (doc by doc,
 * section by section), so a prebuilt index maps back to the same units as long as the numbering is
 * the same; the serialised index records the numbering's unitFingerprint (below) to guarantee that.
 */
export interface UnitRef {
  doc: number;
  section: number;
}

/** The text fields a unit is indexed under (see DEFAULT_RANKING.fieldBoosts in rank.ts for their weights). */
export interface UnitFields {
  id: number;
  title: string;
  heading: string;
  path: string;
  /** Names the doc's API reference defines (SDK method names, endpoints, operation ids). */
  api: string;
  identifiers: string;
  /** Endpoint keys (see endpoints.ts), one per line. */
  endpoints: string;
  description: string;
  body: string;
}

/** Docs that are not pages a reader would want (site navigation data). */
export function isSearchable(doc: Doc): boolean {
  return !doc.path.endsWith('_navigation') && doc.sections.length > 0;
}

export function unitRefs(corpus: Corpus): UnitRef[] {
  const refs: UnitRef[] = [];
  corpus.docs.forEach((doc, d) => {
    if (!isSearchable(doc)) return;
    doc.sections.forEach((_s, s) => refs.push({ doc: d, section: s }));
  });
  return refs;
}

/**
 * Identifies the unit numbering of a corpus (doc paths and section anchors in order). The bundle's
 * own checksum cannot serve: it is computed over the payload that includes this index.
 */
export function unitFingerprint(corpus: Corpus): string {
  // One string hashed once (the same digest as an update per piece): ~4,000 small update() calls
  // into the hash were 4 ms of every start, where this check runs before the first answer.
  let text = '';
  for (const doc of corpus.docs) {
    if (!isSearchable(doc)) continue;
    text += doc.path;
    for (const s of doc.sections) text += `\u0000${s.anchor}`;
    text += '\u0001';
  }
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Names of fields, recursively: parameter and property names are what developers type. */
function fieldNames(fields: readonly ReferenceField[] | undefined, depth: number, out: string[]): void {
  if (!fields || depth > 2) return;
  for (const f of fields) {
    if (f.name && f.name !== 'anonymous') out.push(f.name);
    fieldNames(f.children, depth + 1, out);
  }
}

/**
 * The names a reference entry defines: its method name in every SDK, its endpoint and operation id.
 * A page that *defines* `createUser` should outrank pages that merely call it in examples, so these
 * get their own field, weighted above identifiers seen in text.
 */
export function referenceNames(entries: readonly ReferenceEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    out.push(e.title, e.id);
    if (e.endpoint) out.push(e.httpMethod ? `${e.httpMethod} ${e.endpoint}` : e.endpoint);
  }
  return [...new Set(out)];
}

/** Parameter and return field names of reference entries. */
export function referenceFields(entries: readonly ReferenceEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    fieldNames(e.parameters, 0, out);
    fieldNames(e.returns, 1, out);
  }
  return [...new Set(out)];
}

/**
 * The indexed text of one unit. The doc title and description ride on every section (a section of
 * "Entra ID SAML" is about Entra ID even when its heading is "Step 3"); doc-wide reference terms ride
 * on the first section only so a long reference page does not count them once per section.
 */
export function unitFields(corpus: Corpus, ref: UnitRef, id: number): UnitFields {
  const doc = corpus.docs[ref.doc];
  const section = doc.sections[ref.section];
  const headings = section.headingPath.filter((h) => h && h !== doc.title);
  const identifiers = section.identifiers.filter(isUsefulIdentifier);
  const endpoints: string[] = [];
  const api: string[] = [];
  // An SDK API section (kind `api`) is one symbol: its whole names (`verifyOrganizationDomain`,
  // `organizationDomains.verifyOrganizationDomain`) are its reference title.
  if (doc.kind === 'api' && section.depth > 0) api.push(...section.identifiers.slice(0, 2));
  if (ref.section === 0) {
    api.push(...referenceNames(doc.reference));
    identifiers.push(...referenceFields(doc.reference));
    for (const e of doc.reference) if (e.endpoint) endpoints.push(...endpointKeys(e.endpoint, e.httpMethod));
  }
  return {
    id,
    title: doc.title,
    heading: headings.join(' \u203a '),
    // path segments as separate words: `sso/get-authorization-url` is a place, not a code identifier
    path: [doc.path.replace(/\//g, ' '), ...doc.breadcrumb].join(' '),
    api: api.join(' '),
    identifiers: [...new Set(identifiers)].join(' '),
    endpoints: [...new Set(endpoints)].join('\n'),
    // the summary describes the page, not each section: once per doc keeps the index smaller
    description: ref.section === 0 ? doc.description : '',
    body: markdownToPlainText(stripHeadingLine(section.markdown)),
  };
}

/** Type names, literals and numbers from reference tables say nothing about what a section is for. */
const NOISE_IDENTIFIERS = new Set([
  'string',
  'number',
  'boolean',
  'object',
  'array',
  'int',
  'integer',
  'null',
  'true',
  'false',
  'undefined',
  'date',
  'datetime',
]);

function isUsefulIdentifier(id: string): boolean {
  const bare = id.replace(/\[\]$/, '').toLowerCase();
  return !NOISE_IDENTIFIERS.has(bare) && !/^["'\d]/.test(id);
}

/** The section Markdown starts with its own heading, which is already indexed as `heading`. */
function stripHeadingLine(markdown: string): string {
  return markdown.replace(/^\s*#{1,6}[^\n]*\n?/, '');
}
