import type { Doc, DocKind, ReferenceLanguage, Section } from '../corpus/types.js';
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

export function findDoc(runtime: Runtime, rawPath: string): { doc: Doc; anchor?: string } {
  // A doc's own URL (an SDK README's repository, as search prints it) reads back too.
  const address = resolveDocAddress(runtime, rawPath);
  const doc = runtime.docsByPath.get(address.path);
  if (doc) return { doc, anchor: address.anchor };
  // The site's section paths (`authkit/sessions/configuring-sessions/sign-out-redirect`) and the SDK
  // symbol paths (`sdk-api/node/adminportal/generatelink`) name a section after the doc's path.
  const found = docAtSitePath(runtime.docsByPath, address.path, address.anchor);
  if (found) return found;
  throw new DocNotFoundError(rawPath.slice(0, 120), suggestDocs(runtime, address.path));
}

function selectSections(
  doc: Doc,
  sections: Section[],
  wanted: string | undefined,
): { chosen: Section[]; head?: Section } {
  if (wanted === undefined || wanted.trim() === '') return { chosen: sections };
  const index = findSection({ ...doc, sections }, wanted);
  return { chosen: sectionWithSubsections(sections, index), head: sections[index] };
}

export function readDoc(runtime: Runtime, options: ReadDocOptions): DocPage {
  const { doc, anchor } = findDoc(runtime, options.path);
  const { maxTokens } = options;
  const notes: string[] = [];
  const languages = referenceLanguages(doc);

  let sections = doc.sections;
  let language: ReferenceLanguage | undefined;
  if (options.language !== undefined && options.language.trim() !== '') {
    const asked = normalizeLanguage(options.language);
    if (languages.length === 0) {
      notes.push(
        `\`language\` applies to API reference pages; "${doc.path}" has no SDK renderings, so the full page is shown.`,
      );
    } else {
      const view = languageView(doc, asked, runtime.corpus.sdk);
      sections = view.sections;
      language = view.shown;
      if (view.note) notes.push(view.note);
      notes.push(...view.sdkNotes);
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
