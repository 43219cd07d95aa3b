import type { Heading, Root, RootContent } from 'mdast';
import type { BuildProblem, Doc, Example, ReferenceEntry } from '../corpus/types.js';
import type { Snippet } from './components/index.js';
import { docUrl, kindOf, productOf } from './doc-paths.js';
import { extractExamples } from './examples.js';
import { assignHeadingAnchors, headingAnchor } from './headings.js';
import { visit } from 'unist-util-visit';
import { toText } from './mdast-utils.js';
import { referenceEntries } from './reference/entries.js';
import { operationNodes } from './reference/render.js';
import type { FieldResolver } from './reference/resolve.js';
import { hasMdxNodes, renderMdx } from './render-mdx.js';
import { splitSections } from './sections.js';
import { flattenVariantLists } from './variants.js';
import { normaliseText } from './normalise.js';

/** One source file after the first pass (parsed, frontmatter read). */
export interface ParsedFile {
  /** Path relative to the source root, `/`-separated (used in problem reports). */
  file: string;
  path: string;
  tree: Root;
  frontmatter: Record<string, unknown>;
}

export interface DocEnvironment {
  baseUrl: string;
  source: string;
  resolver: FieldResolver;
  breadcrumbs: Map<string, string[]>;
  navTitles: Map<string, string>;
  snippet(file: string): Snippet | undefined;
  problems: BuildProblem[];
}

const DESCRIPTION_MAX = 240;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** `reference/sso/connection` -> `Connection` for pages with no title anywhere. */
function titleFromPath(path: string): string {
  const last = path.split('/').at(-1) || 'Overview';
  return last.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** The first paragraph, cut at a sentence end near the limit: a search-result sized summary. */
function summaryOf(tree: Root, reference: ReferenceEntry[]): string {
  // Prose only: a paragraph that is just an emphasised pointer ("_Example: … — see …_") or an image says nothing.
  const first = tree.children.find(
    (n) =>
      n.type === 'paragraph' &&
      !(n.children.length === 1 && (n.children[0].type === 'emphasis' || n.children[0].type === 'image')) &&
      toText(n).trim().length > 20,
  );
  if (!first) {
    // A reference page with no prose is summed up by what it documents.
    const primary = reference.find((r) => r.language === 'curl') ?? reference[0];
    return primary ? (primary.endpoint ? `${primary.httpMethod} ${primary.endpoint}` : primary.title) : '';
  }
  const value = toText(first).replace(/\s+/g, ' ').trim();
  if (value.length <= DESCRIPTION_MAX) return value;
  const cut = value.slice(0, DESCRIPTION_MAX);
  const stop = cut.lastIndexOf('. ');
  return stop > 80 ? cut.slice(0, stop + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
}

function breadcrumbOf(pf: ParsedFile, env: DocEnvironment): string[] {
  const fromNav = env.breadcrumbs.get(pf.path);
  if (fromNav) return fromNav;
  const fm = pf.frontmatter.breadcrumb as { title?: unknown } | undefined;
  const fmTitle = fm && typeof fm === 'object' ? str(fm.title) : undefined;
  if (fmTitle) return [fmTitle];
  const segments = pf.path.split('/').slice(0, -1);
  return segments.map((s, i) => env.navTitles.get(segments.slice(0, i + 1).join('/')) ?? titleFromPath(s));
}

/** `## API reference`, with an anchor that does not clash with the doc's own. */
function appendixHeading(tree: Root): RootContent {
  const taken = new Set<string>();
  visit(tree, 'heading', (h) => {
    const anchor = headingAnchor(h);
    if (anchor) taken.add(anchor);
  });
  let anchor = 'api-reference';
  for (let i = 1; taken.has(anchor); i++) anchor = `api-reference-${i}`;
  return {
    type: 'heading',
    depth: 2,
    children: [{ type: 'text', value: 'API reference' }],
    data: { anchor } as Heading['data'],
  };
}

function groupById(entries: ReferenceEntry[]): Map<string, ReferenceEntry[]> {
  const groups = new Map<string, ReferenceEntry[]>();
  for (const e of entries) groups.set(e.id, [...(groups.get(e.id) ?? []), e]);
  return groups;
}

/** Second pass over one parsed file: render components and reference, split sections, collect examples. */
export function buildDoc(pf: ParsedFile, env: DocEnvironment): { doc: Doc; examples: Example[] } {
  const url = docUrl(pf.path, env.baseUrl);
  const reference = referenceEntries(pf.frontmatter, pf.file, env.resolver);
  const groups = groupById(reference);
  const placed = new Set<string>();

  flattenVariantLists(pf.tree);
  assignHeadingAnchors(pf.tree);
  const firstHeading = pf.tree.children.find((n) => n.type === 'heading');
  renderMdx(pf.tree, {
    baseUrl: env.baseUrl,
    context: {
      docPath: pf.path,
      docUrl: url,
      snippet: env.snippet,
      reference: (id) => {
        const group = groups.get(id);
        if (!group || placed.has(id)) return undefined;
        placed.add(id);
        return operationNodes(group);
      },
    },
  });
  // Operations the body never points at still belong in the doc: append them in frontmatter order,
  // under their own heading when there are several (a list of helpers would otherwise swell the last section).
  const rest: RootContent[] = [];
  for (const [id, group] of groups) if (!placed.has(id)) rest.push(...operationNodes(group));
  if (rest.length > 1) rest.unshift(appendixHeading(pf.tree));
  pf.tree.children.push(...(rest as Root['children']));
  pf.tree.children = pf.tree.children.filter((n) => n.type !== 'yaml');
  normaliseText(pf.tree);

  if (hasMdxNodes(pf.tree)) env.problems.push({ file: pf.file, reason: 'MDX nodes survived rendering' });

  const title =
    str(pf.frontmatter.title) ??
    (firstHeading ? toText(firstHeading).trim() : undefined) ??
    env.navTitles.get(pf.path) ??
    titleFromPath(pf.path);
  const sections = splitSections(pf.tree);
  const doc: Doc = {
    path: pf.path,
    title,
    description: str(pf.frontmatter.description) ?? summaryOf(pf.tree, reference),
    breadcrumb: breadcrumbOf(pf, env),
    url,
    product: productOf(pf.path),
    kind: kindOf(pf.path),
    // Sections partition the top-level blocks, so joining them equals serialising the tree (at half the cost).
    markdown: sections.map((s) => s.section.markdown).join('\n\n'),
    sections: sections.map((s) => s.section),
    reference,
    source: env.source,
  };
  return { doc, examples: extractExamples(pf.path, title, sections) };
}
