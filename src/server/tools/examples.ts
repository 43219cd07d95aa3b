import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { MAX_EXAMPLES_LIMIT, findExamples } from '../../core/examples.js';
import { formatExamples } from '../../core/format/examples.js';
import { tolerantObject } from '../tolerant-object.js';
import { READ_ONLY, answer, type ToolContext } from '../tool-kit.js';

const input = tolerantObject(
  {
    query: z.string().optional().describe('e.g. "create organization"'),
    language: z.string().optional().describe('e.g. node, python, go'),
    framework: z.string().optional().describe('e.g. nextjs, react, remix'),
    limit: z.number().int().min(1).max(MAX_EXAMPLES_LIMIT).optional().describe('Max snippets (default 5)'),
  },
  {
    // example: the old @workos/mcp-docs-server argument.
    aliases: {
      example: 'query',
      q: 'query',
      question: 'query',
      search: 'query',
      topic: 'query',
      lang: 'language',
      sdk: 'language',
      maxResults: 'limit',
    },
    numbers: { limit: { min: 1, max: MAX_EXAMPLES_LIMIT } },
  },
);

// Nested items declare their key field and pass the rest through: the schema stays small in tools/list.
const item = (key: string) => z.array(z.object({ [key]: z.string() }).passthrough());
const output = z
  .object({
    mode: z.enum(['topics', 'matches']),
    total: z.number(),
    topics: item('product'),
    examples: item('code'),
    apps: item('url'),
    reference: item('path'),
  })
  .passthrough();

export function registerExamplesTool(server: McpServer, ctx: ToolContext): void {
  const tool = server.registerTool(
    'workos_examples',
    {
      title: 'WorkOS code examples',
      description:
        'WorkOS code examples by topic, language and framework; example apps; SDK method signatures for API questions. No arguments: list topics.',
      inputSchema: input,
      outputSchema: output,
      annotations: READ_ONLY,
    },
    (args, extra) =>
      answer(ctx, 'workos_examples', extra, (runtime) => {
        const result = findExamples(runtime, args);
        return {
          text: formatExamples(result, 'mcp'),
          structured: {
            mode: result.mode,
            total: result.total,
            topics: result.topics,
            examples: result.examples.map((e) => ({
              title: e.title,
              language: e.language,
              code: e.code,
              docPath: e.docPath,
              sectionAnchor: e.sectionAnchor,
            })),
            apps: result.apps.map((a) => ({ title: a.title, language: a.language, url: a.url })),
            reference: result.reference.map((r) => ({
              path: r.path,
              title: r.entry.title,
              language: r.entry.language,
              markdown: r.entry.markdown,
            })),
            notes: result.notes.length > 0 ? result.notes : undefined,
          },
        };
      }),
  );
  ctx.tools.set('workos_examples', tool);
}
