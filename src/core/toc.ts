import type { NavArea, NavNode } from '../corpus/types.js';
import { CHARS_PER_TOKEN } from './budget.js';
import { InvalidArgumentError } from './errors.js';
import { paginate, pageMarkdown, type Block } from './paginate.js';
import type { Runtime } from './runtime.js';

export interface TocArea {
  product: string;
  title: string;
  pages: number;
}

export interface TocPage {
  /** Set when the contents of one product area were asked for. */
  product?: string;
  areas: TocArea[];
  page: number;
  pages: number;
  markdown: string;
}

function flatten(nodes: NavNode[]): { title: string; path: string }[] {
  return nodes.flatMap((n) => [
    ...(n.path !== undefined ? [{ title: n.title, path: n.path }] : []),
    ...flatten(n.children),
  ]);
}

function link(p: { title: string; path: string }): string {
  return `${p.title} \`${p.path}\``;
}

/** One area as Markdown: a heading, then one line per navigation group listing its pages. */
export function areaMarkdown(area: NavArea): string {
  const lines = [`## ${area.title} — \`${area.product}\``];
  const loose: { title: string; path: string }[] = [];
  for (const node of area.children) {
    if (node.children.length === 0) {
      if (node.path !== undefined) loose.push({ title: node.title, path: node.path });
      continue;
    }
    const pages = flatten([node]);
    if (pages.length > 0) lines.push(`- **${node.title}:** ${pages.map(link).join(' · ')}`);
  }
  if (loose.length > 0) lines.splice(1, 0, `- ${loose.map(link).join(' · ')}`);
  return lines.join('\n');
}

/** Room for the heading lines and, in structured answers, the list of areas. */
const TOC_OVERHEAD = 3000;
const TOC_MIN_BODY_CHARS = 1500;

/** Resolved by the toc operation's input schema (operations/toc.ts): sizes defaulted and in range. */
export interface TocOptions {
  /** Only this product area (first path segment). */
  product?: string;
  maxTokens: number;
  page: number;
  /** Resources want the whole tree in one piece. */
  unpaginated?: boolean;
}

export function tableOfContents(runtime: Runtime, options: TocOptions): TocPage {
  let nav = runtime.corpus.nav;
  if (options.product) {
    const product = options.product.toLowerCase();
    nav = nav.filter((a) => a.product === product);
    if (nav.length === 0) {
      throw new InvalidArgumentError(
        'product',
        `No product area "${options.product.slice(0, 40)}". Areas: ${runtime.corpus.nav.map((a) => a.product).join(', ')}.`,
      );
    }
  }
  const areas = nav.map((a) => ({ product: a.product, title: a.title, pages: flatten(a.children).length }));
  const blocks: Block[] = nav.map((a) => ({ anchor: a.product, markdown: areaMarkdown(a) }));
  const budget = options.unpaginated
    ? Number.MAX_SAFE_INTEGER
    : // Floored: maxTokens below ~780 left a zero or negative body budget (see paginate.ts).
      Math.max(TOC_MIN_BODY_CHARS, options.maxTokens * CHARS_PER_TOKEN - TOC_OVERHEAD);
  const pages = paginate(blocks, budget);
  const { page } = options;
  if (page > pages.length)
    throw new InvalidArgumentError(
      'page',
      `page ${page} does not exist: the table of contents has ${pages.length} page(s).`,
    );
  const product = options.product ? areas[0].product : undefined;
  return { product, areas, page, pages: pages.length, markdown: pageMarkdown(pages[page - 1]) };
}
