import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { MAX_CHANGELOG_LIMIT, changelogs } from '../../core/changelogs.js';
import { formatChangelogs } from '../../core/format/changelogs.js';
import { tolerantObject } from '../tolerant-object.js';
import { READ_ONLY, answer, type ToolContext } from '../tool-kit.js';

const input = tolerantObject(
  {
    package: z.string().optional().describe('Default "workos-platform"'),
    since: z.string().optional().describe('YYYY-MM-DD, or a version'),
    query: z.string().optional().describe('Words the entry must contain'),
    limit: z.number().int().min(1).max(MAX_CHANGELOG_LIMIT).optional().describe('Max entries (default 10)'),
  },
  {
    aliases: {
      pkg: 'package',
      packageName: 'package',
      from: 'since',
      after: 'since',
      q: 'query',
      search: 'query',
      maxResults: 'limit',
    },
    numbers: { limit: { min: 1, max: MAX_CHANGELOG_LIMIT } },
  },
);

const output = z
  .object({
    package: z.string(),
    total: z.number(),
    packages: z.array(z.string()),
    // Entries declare their key fields and pass the rest through: the schema stays small in tools/list.
    entries: z.array(z.object({ version: z.string(), text: z.string() }).passthrough()),
  })
  .passthrough();

export function registerChangelogsTool(server: McpServer, ctx: ToolContext): void {
  const tool = server.registerTool(
    'workos_changelogs',
    {
      title: 'WorkOS changelogs',
      description:
        'WorkOS changelog entries, newest first: the platform changelog by default, filterable by date and words.',
      inputSchema: input,
      outputSchema: output,
      annotations: READ_ONLY,
    },
    (args, extra) =>
      answer(ctx, 'workos_changelogs', extra, (runtime) => {
        const result = changelogs(runtime, args);
        return {
          text: formatChangelogs(result, 'mcp'),
          structured: {
            package: result.package,
            total: result.total,
            packages: result.packages,
            entries: result.entries.map((e) => ({
              version: e.version,
              title: e.title,
              date: e.date,
              changeType: e.changeType,
              text: e.text,
              url: e.url,
            })),
            notes: result.notes.length > 0 ? result.notes : undefined,
          },
        };
      }),
  );
  ctx.tools.set('workos_changelogs', tool);
}
