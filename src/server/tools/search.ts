import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DOC_KINDS, MAX_SEARCH_LIMIT, searchDocs } from '../../core/search.js';
import { formatSearch, readHint } from '../../core/format/search.js';
import { tolerantObject } from '../tolerant-object.js';
import { READ_ONLY, answer, type ToolContext } from '../tool-kit.js';

const input = tolerantObject(
  {
    query: z
      .string({ required_error: 'query is required: the keywords or question to search for' })
      .describe('Keywords or a question, e.g. "SSO with Okta SAML"'),
    limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional().describe('Max pages (default 8)'),
    product: z.string().optional().describe('Area, e.g. sso, authkit, reference'),
    // A custom message: zod's default echoes the received value, however long.
    kind: z
      .enum(DOC_KINDS, {
        errorMap: () => ({ message: `kind must be one of ${DOC_KINDS.join(', ')}` }),
      })
      .optional(),
  },
  {
    // maxResults: the old @workos/mcp-docs-server name; the rest are names models invent.
    aliases: {
      maxResults: 'limit',
      max_results: 'limit',
      q: 'query',
      question: 'query',
      search: 'query',
      text: 'query',
      keywords: 'query',
    },
    numbers: { limit: { min: 1, max: MAX_SEARCH_LIMIT } },
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

export function registerSearchTool(server: McpServer, ctx: ToolContext): void {
  const tool = server.registerTool(
    'workos_search',
    {
      title: 'Search WorkOS docs',
      description:
        'Search WorkOS docs (guides, API reference, SDKs, integrations) by keywords or question. Ranked pages with best section and snippet; read one with workos_docs.',
      inputSchema: input,
      outputSchema: output,
      annotations: READ_ONLY,
    },
    (args, extra) =>
      answer(ctx, 'workos_search', extra, (runtime) => {
        const result = searchDocs(runtime, args);
        return {
          text: formatSearch(result, 'mcp'),
          structured: {
            query: result.query,
            total: result.total,
            suggestions: result.suggestions,
            next: readHint(result, 'mcp'),
            notes: result.notes.length > 0 ? result.notes : undefined,
            results: result.results.map((r) => ({
              path: r.path,
              anchor: r.anchor,
              title: r.title,
              section: r.section,
              url: r.url,
              snippet: r.snippet,
              kind: r.kind,
              more: r.more.map((m) => ({ anchor: m.anchor, section: m.section })),
              score: Math.round(r.score * 1000) / 1000,
            })),
          },
        };
      }),
  );
  ctx.tools.set('workos_search', tool);
}
