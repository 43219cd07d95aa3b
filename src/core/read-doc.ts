import type { Doc, DocKind, ReferenceLanguage, Section } from '../corpus/types.js';
import { NO_CONTEXT, type AnswerContext } from './answer-context.js';
import { CHARS_PER_TOKEN, estimateTokens } from './budget.js';
import { DocNotFoundError, InvalidArgumentError } from './errors.js';
import { normalizeLanguage } from './language.js';
import { navContext, type NavContext } from './nav.js';
import { paginate, pageMarkdown, type Block } from './paginate.js';
import { resolveDocAddress } from './doc-urls.js';
import { docAtSitePath } from './section-paths.js';
import { languageView, referenceLanguages } from './reference.js';
import type { Runtime } from './runtime.js';
import { findSection, sectionWithSubsections } from './sections.js';
import { API_DOC_ROOT } from '../corpus/api-docs.js';
import {
  otherLanguageLine,
  projectSdk,
  replacedApiDocs,
  versionNotes,
  type SdkChoice,
} from './sdk-choice.js';
import { suggestDocs } from './suggest.js';

/** Resolved by the read operation's input schema (operations/read.ts): sizes defaulted and in range. */
export interface ReadDocOptions {
  path: string;
  /** Anchor or heading text; `path#anchor` works too. */
  section?: string;
  /** SDK language for API reference pages (aliases accepted). */
  language?: string;
  maxTokens: number;
  page: number;
}

export interface OutlineEntry {
  anchor: string;
  heading: string;
  depth: number;
  tokens: number;
  page: number;
}

export interface DocPage {
  path: string;
  title: string;
  description: string;
  url: string;
  kind: DocKind;
  breadcrumb: string[];
  /** Set when a single section (with its subsections) was asked for. */
  section?: { anchor: string; heading: string; headingPath: string[] };
  /** SDK language shown, when filtered. */
  language?: ReferenceLanguage;
  /** SDK languages this page has reference renderings for ([] for guides). */
  languages: ReferenceLanguage[];
  page: number;
  pages: number;
  maxTokens: number;
  /** Markdown of this page (the selected sections). */
  markdown: string;
  /** Every section of the answer with its size and the page it lands on. */
  outline: OutlineEntry[];
  nav: NavContext;
  notes: string[];
}

/**
 * Room kept for the header, page outline and navigation around the body. Formatters stay within
 * it (descriptions, outline and nav lists are clipped), so a whole answer fits maxTokens — as text,
 * and as the JSON of the structured answer (body escaped, outline and links as objects).
 */
const OVERHEAD_SINGLE_PAGE = 2000;
const OVERHEAD_MULTI_PAGE = 5500;
const MIN_BODY_CHARS = 1500;

export function findDoc(
  runtime: Runtime,
  rawPath: string,
  choice?: SdkChoice,
): { doc: Doc; anchor?: string } {
  // A doc's own URL (an SDK README's repository, as search prints it) reads back too.
  const address = resolveDocAddress(runtime, rawPath);
  const docs = docsFor(runtime, choice);
  const doc = docs.get(address.path);
  if (doc) return { doc, anchor: address.anchor };
  // The site's section paths (`authkit/sessions/configuring-sessions/sign-out-redirect`) and the SDK
  // symbol paths (`sdk-api/node/adminportal/generatelink`) name a section after the doc's path.
  const found = docAtSitePath(docs, address.path, address.anchor);
  if (found) return found;
  throw new DocNotFoundError(rawPath.slice(0, 120), suggestDocs(runtime, address.path));
}

/** On an SDK surface page: whose version it shows, when the project's version matters. */
function apiVersionNotes(runtime: Runtime, doc: Doc, choice: SdkChoice): string[] {
  const slug = doc.path.split('/')[1];
  const pkg = (choice.sdk ?? runtime.corpus.sdk)?.surfaces.find((s) => s.slug === slug)?.package;
  if (!pkg) return [];
  const lines = choice.said.filter((s) => s.package === pkg).map((s) => s.text);
  const mine = choice.versions.get(pkg);
  const corpusVersion = runtime.corpus.sdk?.surfaces.find((s) => s.slug === slug)?.version;
  if (mine && mine.version !== corpusVersion && runtime.docsByPath.get(doc.path) === doc)
    lines.unshift(
      `Not in ${pkg} ${mine.version} (your version): this page is ${pkg} ${corpusVersion}'s API. Read \`${API_DOC_ROOT}/${slug}\` for what your version has.`,
    );
  return lines;
}

/**
 * Docs by path for an answer: the corpus's, with the `api` pages of an SDK whose version the project
 * (or the call) replaced taken from that version's surface. A page the project's version lacks still
 * reads (the corpus's version), with a note saying so.
 */
function docsFor(runtime: Runtime, choice: SdkChoice | undefined): ReadonlyMap<string, Doc> {
  const replaced = choice ? replacedApiDocs(runtime, choice) : undefined;
  if (!replaced || replaced.size === 0) return runtime.docsByPath;
  let merged = mergedDocs.get(replaced);
  if (!merged) {
    merged = new Map(runtime.docsByPath);
    for (const [path, doc] of replaced) merged.set(path, doc);
    mergedDocs.set(replaced, merged);
  }
  return merged;
}

const mergedDocs = new WeakMap<Map<string, Doc>, Map<string, Doc>>();

function selectSections(
  doc: Doc,
  sections: Section[],
  wanted: string | undefined,
): { chosen: Section[]; head?: Section } {
  if (wanted === undefined || wanted.trim() === '') return { chosen: sections };
  const index = findSection({ ...doc, sections }, wanted);
  return { chosen: sectionWithSubsections(sections, index), head: sections[index] };
}

export function readDoc(
  runtime: Runtime,
  options: ReadDocOptions,
  context: AnswerContext = NO_CONTEXT,
): DocPage {
  const choice = projectSdk(runtime, context);
  const { doc, anchor } = findDoc(runtime, options.path, choice);
  const { maxTokens } = options;
  const notes: string[] = [];
  const languages = referenceLanguages(doc);

  let sections = doc.sections;
  let language: ReferenceLanguage | undefined;
  if (doc.kind === 'api') notes.push(...apiVersionNotes(runtime, doc, choice));
  if (options.language !== undefined && options.language.trim() !== '') {
    const asked = normalizeLanguage(options.language);
    if (languages.length === 0) {
      notes.push(
        `\`language\` applies to API reference pages; "${doc.path}" has no SDK renderings, so the full page is shown.`,
      );
    } else {
      const view = languageView(doc, asked, choice.sdk);
      sections = view.sections;
      language = view.shown;
      if (view.note) notes.push(view.note);
      // Say whose version the SDK signatures are: the project's, or why not.
      if (view.sdkShown) notes.push(...versionNotes(choice, context));
      notes.push(...view.sdkNotes);
      const other = otherLanguageLine(runtime, context, language);
      if (other) notes.push(other);
    }
  }

  const { chosen, head } = selectSections(doc, sections, options.section ?? anchor);
  const blocks: Block[] = chosen
    .filter((s) => s.markdown.trim() !== '')
    .map((s) => ({ anchor: s.anchor, heading: s.heading, markdown: s.markdown.trim() }));
  const totalChars = blocks.reduce((n, b) => n + b.markdown.length + 2, 0);
  const budgetChars = maxTokens * CHARS_PER_TOKEN;
  const overhead =
    totalChars + OVERHEAD_SINGLE_PAGE <= budgetChars ? OVERHEAD_SINGLE_PAGE : OVERHEAD_MULTI_PAGE;
  const pages = paginate(blocks, Math.max(MIN_BODY_CHARS, budgetChars - overhead));

  const requestedPage = options.page;
  if (requestedPage > pages.length) {
    throw new InvalidArgumentError(
      'page',
      `page ${requestedPage} does not exist: "${doc.path}" has ${pages.length} page${pages.length === 1 ? '' : 's'} at maxTokens=${maxTokens}.`,
    );
  }

  const firstPageOf = new Map<string, number>();
  pages.forEach((p, i) =>
    p.blocks.forEach((b) => firstPageOf.has(b.anchor) || firstPageOf.set(b.anchor, i + 1)),
  );
  const outline = chosen
    .filter((s) => s.depth > 0)
    .map((s) => ({
      anchor: s.anchor,
      heading: s.heading,
      depth: s.depth,
      tokens: estimateTokens(s.markdown),
      page: firstPageOf.get(s.anchor) ?? 1,
    }));
  if (languages.length > 1 && language === undefined && (options.section ?? anchor) === undefined) {
    notes.push(`SDK method details: pass \`language\` (${languages.join(', ')}).`);
  }

  return {
    path: doc.path,
    title: doc.title,
    description: doc.description,
    url: doc.url,
    kind: doc.kind,
    breadcrumb: doc.breadcrumb,
    section: head
      ? {
          anchor: head.anchor,
          heading: head.heading,
          headingPath: head.headingPath.filter((h) => h !== doc.title),
        }
      : undefined,
    language,
    languages,
    page: requestedPage,
    pages: pages.length,
    maxTokens,
    markdown: pageMarkdown(pages[requestedPage - 1]),
    outline,
    nav: navContext(runtime.corpus.nav, doc.path),
    notes,
  };
}
