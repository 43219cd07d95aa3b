import type { Heading, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { BuildProblem, Doc, Example, ReferenceEntry } from '../corpus/types.js';
import type { Snippet } from './components/index.js';
import { breadcrumbOf, str, summaryOf, titleOf } from './doc-meta.js';
import { docUrl, kindOf, productOf } from './doc-paths.js';
import { extractExamples } from './examples.js';
import { assignHeadingAnchors, headingAnchor } from './headings.js';
import { referenceEntries } from './reference/entries.js';
import { operationNodes } from './reference/render.js';
import type { FieldResolver } from './reference/resolve.js';
import { dropImageAttributes } from './image-attributes.js';
import { hasMdxNodes, renderMdx } from './render-mdx.js';
import { demoteBodyH1s } from './title-heading.js';
import { splitSections } from './sections.js';
import { normaliseText } from './normalise.js';
import { flattenVariantLists } from './variants.js';

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
  dropImageAttributes(pf.tree);
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

  const title = titleOf(pf.path, pf.frontmatter, firstHeading, env.navTitles);
  demoteBodyH1s(pf.tree, title);
  const sections = splitSections(pf.tree);
  const doc: Doc = {
    path: pf.path,
    title,
    description:
      str(pf.frontmatter.description) ??
      (summaryOf(pf.tree, reference) ||
        // Nothing to quote: say what the page covers.
        sections
          .filter((x) => x.section.heading)
          .map((x) => x.section.heading)
          .join(', ')),
    breadcrumb: breadcrumbOf(pf.path, pf.frontmatter, env.breadcrumbs, env.navTitles),
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
