import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { MAX_TOKENS_CEILING, MIN_MAX_TOKENS } from '../../core/budget.js';
import { formatDocPage, formatToc, nextPageCall, tocNextCall } from '../../core/format/doc.js';
import type { DocPage } from '../../core/read-doc.js';
import { read } from '../../core/read.js';
import { tolerantObject } from '../tolerant-object.js';
import { READ_ONLY, answer, type ToolContext } from '../tool-kit.js';

const input = tolerantObject(
  {
    path: z.string().optional().describe('e.g. "sso/jit-provisioning" (URL, path#anchor ok)'),
    section: z.string().optional().describe('Anchor or heading text'),
    language: z.string().optional().describe('SDK: curl, node, python, ruby, go, java, php, dotnet'),
    maxTokens: z
      .number()
      .int()
      .min(MIN_MAX_TOKENS)
      .max(MAX_TOKENS_CEILING)
      .optional()
      .describe('Page size (default 6000)'),
    page: z.number().int().min(1).optional(),
  },
  {
    aliases: {
      url: 'path',
      doc: 'path',
      page_path: 'path',
      slug: 'path',
      id: 'path',
      anchor: 'section',
      heading: 'section',
      lang: 'language',
      sdk: 'language',
      max_tokens: 'maxTokens',
    },
    numbers: { maxTokens: { min: MIN_MAX_TOKENS, max: MAX_TOKENS_CEILING }, page: { min: 1, max: 10_000 } },
  },
);

// Nested items declare their key field and pass the rest through: the schema stays small in tools/list.
const output = z
  .object({
    path: z.string(),
    title: z.string(),
    url: z.string(),
    page: z.number(),
    pages: z.number(),
    section: z.string().optional(),
    language: z.string().optional(),
    languages: z.array(z.string()),
    markdown: z.string(),
    next: z.string().optional(),
    outline: z.array(z.object({ anchor: z.string() }).passthrough()),
    nav: z.array(z.object({ path: z.string() }).passthrough()),
  })
  .passthrough();

/**
 * Some clients (Claude Code among them) hand the model only JSON.stringify(structuredContent) when it is
 * present, so the structured answer carries the page body too, and its lists are capped like the text.
 */
const MAX_STRUCTURED_LINKS = 10;
const MAX_STRUCTURED_OUTLINE = 40;

function navLinks(page: DocPage) {
  const { nav } = page;
  const up = nav.parent ?? nav.area;
  return [
    ...(up ? [{ rel: 'parent', ...up }] : []),
    ...nav.children.slice(0, MAX_STRUCTURED_LINKS).map((l) => ({ rel: 'child', ...l })),
    ...nav.siblings.slice(0, MAX_STRUCTURED_LINKS).map((l) => ({ rel: 'sibling', ...l })),
  ];
}

/** Outline of a multi-page answer (top two heading levels), to pick a page or a section from. */
function structuredOutline(page: DocPage) {
  if (page.pages <= 1) return [];
  const top = Math.min(...page.outline.map((o) => o.depth));
  return page.outline
    .filter((o) => o.depth <= top + 1)
    .slice(0, MAX_STRUCTURED_OUTLINE)
    .map((o) => ({ anchor: o.anchor, heading: o.heading, page: o.page, tokens: o.tokens }));
}

export function registerDocsTool(server: McpServer, ctx: ToolContext): void {
  const tool = server.registerTool(
    'workos_docs',
    {
      title: 'Read a WorkOS docs page',
      description:
        'Read a WorkOS docs page as Markdown: whole, one section, or one SDK language (API reference). Long pages are paginated with an outline. No path: table of contents.',
      inputSchema: input,
      outputSchema: output,
      annotations: READ_ONLY,
    },
    (args, extra) =>
      answer(ctx, 'workos_docs', extra, (runtime) => {
        const result = read(runtime, args);
        if (result.kind === 'toc') {
          const { toc } = result;
          return {
            text: formatToc(toc, 'mcp'),
            structured: {
              path: toc.product ?? '',
              title: toc.product ? `${toc.areas[0].title} — contents` : 'Table of contents',
              url: `https://workos.com/docs${toc.product ? `/${toc.product}` : ''}`,
              page: toc.page,
              pages: toc.pages,
              languages: [],
              markdown: toc.markdown,
              next: tocNextCall(toc, 'mcp'),
              outline: [],
              nav: toc.areas.map((a) => ({ rel: 'child', title: a.title, path: a.product })),
            },
          };
        }
        const { page } = result;
        return {
          text: formatDocPage(page, 'mcp'),
          structured: {
            path: page.path,
            title: page.title,
            url: page.url,
            page: page.page,
            pages: page.pages,
            section: page.section?.anchor,
            language: page.language,
            languages: page.languages,
            notes: page.notes.length > 0 ? page.notes : undefined,
            markdown: page.markdown,
            next: nextPageCall(page, 'mcp'),
            outline: structuredOutline(page),
            nav: navLinks(page),
          },
        };
      }),
  );
  ctx.tools.set('workos_docs', tool);
}
