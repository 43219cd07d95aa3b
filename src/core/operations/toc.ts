import { z } from 'zod';
import { formatToc } from '../format/doc.js';
import { tableOfContents, type TocPage } from '../toc.js';
import { maxTokensField, pageField } from './fields.js';
import { operationInput } from './input.js';
import { defineOperation } from './operation.js';
import { structuredToc } from './read.js';

const input = operationInput(
  {
    product: z.string().optional().describe('Only this product area, e.g. sso'),
    maxTokens: maxTokensField(),
    page: pageField(),
  },
  { area: 'product', max_tokens: 'maxTokens' },
);

/** The site navigation as contents: every product area and its pages (the read operation without a path). */
export const tocOperation = defineOperation({
  name: 'toc',
  description: () => 'The WorkOS docs table of contents: every product area and its pages, paginated.',
  input,
  output: z
    .object({ path: z.string(), markdown: z.string(), page: z.number(), pages: z.number() })
    .passthrough(),
  run: tableOfContents,
  markdown: formatToc,
  structured: (toc: TocPage) => structuredToc(toc),
});
