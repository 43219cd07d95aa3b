import { z } from 'zod';
import { formatDocPage, formatToc, nextPageArgs, tocNextArgs, tocTitle } from '../format/doc.js';
import type { DocPage } from '../read-doc.js';
import { read, type ReadAnswer } from '../read.js';
import type { TocPage } from '../toc.js';
import { maxTokensField, pageField } from './fields.js';
import { operationInput } from './input.js';
import { defineOperation } from './operation.js';

const input = operationInput(
  {
    path: z.string().optional().describe('e.g. "sso/jit-provisioning" (URL, path#anchor ok)'),
    section: z.string().optional().describe('Anchor or heading text'),
    language: z.string().optional().describe('SDK: curl, node, python, ruby, go, java, php, dotnet'),
    maxTokens: maxTokensField(),
    page: pageField(),
  },
  {
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

export function structuredToc(toc: TocPage) {
  return {
    path: toc.product ?? '',
    title: tocTitle(toc),
    url: `https://workos.com/docs${toc.product ? `/${toc.product}` : ''}`,
    page: toc.page,
    pages: toc.pages,
    languages: [] as string[],
    markdown: toc.markdown,
    next: tocNextArgs(toc),
    outline: [] as { anchor: string }[],
    nav: toc.areas.map((a) => ({ rel: 'child', title: a.title, path: a.product })),
  };
}

function structuredPage(page: DocPage) {
  return {
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
    next: nextPageArgs(page),
    outline: structuredOutline(page),
    nav: navLinks(page),
  };
}

export const readOperation = defineOperation({
  name: 'read',
  description: () =>
    'Read a WorkOS docs page as Markdown: whole, one section, or one SDK language (API reference). Long pages are paginated with an outline. No path: table of contents.',
  input,
  output,
  usesProject: true,
  run: read,
  markdown: (answer: ReadAnswer, face) =>
    answer.kind === 'toc' ? formatToc(answer.toc, face) : formatDocPage(answer.page, face),
  structured: (answer: ReadAnswer) =>
    answer.kind === 'toc' ? structuredToc(answer.toc) : structuredPage(answer.page),
});
