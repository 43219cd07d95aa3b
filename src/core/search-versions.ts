import { API_DOC_ROOT } from '../corpus/api-docs.js';
import type { Doc, ReferenceLanguage, Section } from '../corpus/types.js';
import type { SearchResult } from '../search/types.js';
import type { Runtime } from './runtime.js';
import { replacedApiDocs, replacedSlugs, type SdkChoice } from './sdk-choice.js';
import { sdkMismatchNotes } from './sdk-reference.js';

const SNIPPET_CHARS = 240;

/**
 * Search results as the project's SDK versions see them. The index holds the corpus's version; a
 * project on another one gets, for each SDK surface hit, the same symbol in its own version (at its
 * own path: `sdk-api/node/portal` for 8.13.0) or a plain "not in your version", and reference
 * snippets that compare the docs with its version instead of the corpus's.
 */
export function resultsForVersions(
  runtime: Runtime,
  choice: SdkChoice,
  results: SearchResult[],
  language?: ReferenceLanguage,
): SearchResult[] {
  // The JS SDK's declarations say nothing about a Python or Go call: asked in another language, a
  // reference snippet keeps that language's method line without the Node comparison in front of it.
  const jsAnswer = language === undefined || language === 'js';
  const replaced = replacedApiDocs(runtime, choice);
  const slugs = replaced ? replacedSlugs(runtime, choice) : new Set<string>();
  const seen = new Set<string>();
  const out: SearchResult[] = [];
  for (const r of results) {
    let result = r;
    if (replaced && r.kind === 'api' && slugs.has(r.path.split('/')[1]))
      result = inVersion(r, replaced, choice);
    else if (r.kind === 'reference' && choice.sdk && jsAnswer) {
      const notes = sdkMismatchNotes(choice.sdk, r.path);
      if (notes.length) result = { ...r, snippet: `${notes.join(' ')} ${r.snippet}` };
    }
    const key = `${result.path}#${result.anchor}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(result);
  }
  return out;
}

function inVersion(r: SearchResult, docs: Map<string, Doc>, choice: SdkChoice): SearchResult {
  const slug = r.path.split('/')[1];
  const surface = choice.sdk?.surfaces.find((s) => s.slug === slug);
  const label = surface ? `${surface.package} ${surface.version}` : 'your version';
  const same = docs.get(r.path);
  const section = same?.sections.find((s) => s.anchor === r.anchor);
  if (same && section) return rewrite(r, same, section);
  // Same method name elsewhere in this version (a renamed namespace: adminPortal -> portal).
  if (r.anchor) {
    for (const doc of docs.values()) {
      if (!doc.path.startsWith(`${API_DOC_ROOT}/${slug}`)) continue;
      const s = doc.sections.find((x) => x.depth > 0 && x.anchor === r.anchor);
      if (s) return rewrite(r, doc, s);
    }
  }
  return {
    ...r,
    snippet: `Not in ${label} (your project): this is the newer SDK's API. ${r.snippet}`,
  };
}

function rewrite(r: SearchResult, doc: Doc, section: Section): SearchResult {
  const text = section.markdown
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('```'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    ...r,
    path: doc.path,
    title: doc.title,
    section: section.heading,
    headingPath: section.headingPath.filter((h) => h !== doc.title),
    url: doc.url,
    snippet: text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS - 1).trimEnd()}…` : text,
    more: [],
  };
}
