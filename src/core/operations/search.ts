import { z } from 'zod';
import { DOC_KINDS } from '../../corpus/types.js';
import { DEFAULT_LIMIT } from '../../search/options.js';
import { formatSearch, readArgs } from '../format/search.js';
import { searchDocs, type SearchAnswer } from '../search.js';
import { operationInput } from './input.js';
import { defineOperation } from './operation.js';

const input = operationInput(
  {
    query: z
      .string({ required_error: 'query is required: the keywords or question to search for' })
      .describe('Keywords or a question, e.g. "SSO with Okta SAML"'),
    limit: z.number().int().min(1).max(50).default(DEFAULT_LIMIT).describe('Max pages'),
    product: z.string().optional().describe('Area, e.g. sso, authkit, reference'),
    // A custom message: zod's default echoes the received value, however long.
    kind: z
      .enum(DOC_KINDS, {
        errorMap: (_issue, ctx) => ({
          message: `Unknown kind "${String(ctx.data).slice(0, 40)}". Kinds: ${DOC_KINDS.join(', ')}.`,
        }),
      })
      .optional(),
    language: z.string().optional().describe('SDK: node, python, ruby, go, java, php, dotnet'),
  },
  // maxResults: the old @workos/mcp-docs-server name; the rest are names models invent.
  {
    maxResults: 'limit',
    max_results: 'limit',
    q: 'query',
    question: 'query',
    search: 'query',
    text: 'query',
    keywords: 'query',
    lang: 'language',
    sdk: 'language',
  },
);

// Nested items declare their key fields and pass the rest through: the schema stays small in tools/list.
const output = z
  .object({
    query: z.string(),
    total: z.number(),
    results: z.array(
      z.object({ path: z.string(), anchor: z.string(), title: z.string(), url: z.string() }).passthrough(),
    ),
    suggestions: z.array(z.string()),
  })
  .passthrough();

/** Arguments that read the top result with the read operation. */
function readTop(answer: SearchAnswer) {
  const top = answer.results[0];
  if (!top) return undefined;
  return Object.fromEntries(Object.entries(readArgs(top)).filter(([, v]) => v !== undefined));
}

export const searchOperation = defineOperation({
  name: 'search',
  description: (face) =>
    `Search WorkOS docs (guides, API reference, SDKs, integrations) by keywords or question. Ranked pages with best section and snippet; read one with ${face.name('read')}.`,
  input,
  output,
  usesProject: true,
  run: searchDocs,
  markdown: formatSearch,
  structured: (answer: SearchAnswer) => ({
    query: answer.query,
    total: answer.total,
    suggestions: answer.suggestions,
    next: readTop(answer),
    notes: answer.notes.length > 0 ? answer.notes : undefined,
    language: answer.language,
    results: answer.results.map((r) => ({
      path: r.path,
      anchor: r.anchor,
      title: r.title,
      section: r.section,
      headingPath: r.headingPath,
      url: r.url,
      snippet: r.snippet,
      kind: r.kind,
      language: r.language,
      more: r.more.map((m) => ({ anchor: m.anchor, section: m.section })),
      score: Math.round(r.score * 1000) / 1000,
    })),
  }),
});
