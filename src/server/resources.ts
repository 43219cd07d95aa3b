import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { DEFAULT_PACKAGE } from '../core/changelogs.js';
import { DocsError, describeError } from '../core/errors.js';
import { OPERATIONS, parseInput, runOperation } from '../core/operations/index.js';
import { parseDocAddress } from '../core/paths.js';
import { areaWithoutPage } from '../core/read.js';
import { findDoc } from '../core/read-doc.js';
import { tableOfContents } from '../core/toc.js';
import { MCP_FACE } from './face.js';
import { completionMatches } from './completion.js';
import { perRuntime } from './per-runtime.js';
import type { ToolContext } from './tool-kit.js';

export const DOC_URI_PREFIX = 'workos-docs://docs/';
export const TOC_URI = 'workos-docs://toc';
export const CHANGELOG_URI = 'workos-docs://changelog/workos-platform';
/** JSON-RPC code the MCP spec assigns to "resource not found". */
const RESOURCE_NOT_FOUND = -32002;

/**
 * A JSON-RPC error for resources/read. Not McpError: its message already carries an "MCP error N:"
 * prefix, which the client would then prefix a second time.
 */
class ResourceError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function markdown(uri: string, text: string) {
  return { contents: [{ uri, mimeType: 'text/markdown', text }] };
}

/** Clients list every doc for pickers; one short line each keeps the list light (~550 entries). */
const MAX_LIST_DESCRIPTION = 120;

function clipDescription(text: string): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  return line.length <= MAX_LIST_DESCRIPTION ? line : `${line.slice(0, MAX_LIST_DESCRIPTION - 1).trimEnd()}…`;
}

export function registerResources(server: McpServer, ctx: ToolContext): void {
  const paths = async () => {
    const runtime = await ctx.runtime;
    return perRuntime(runtime, 'doc-paths', () => runtime.corpus.docs.map((d) => d.path).sort());
  };

  server.registerResource(
    'doc',
    new ResourceTemplate(`${DOC_URI_PREFIX}{+path}`, {
      list: async () => ({
        resources: (await ctx.runtime).corpus.docs.map((d) => ({
          uri: `${DOC_URI_PREFIX}${d.path}`,
          name: d.path,
          title: d.title,
          description: clipDescription(d.description),
          mimeType: 'text/markdown',
        })),
      }),
      // The SDK looks the argument's name up in this object: with no prototype, `__proto__` or
      // `valueOf` find nothing (an empty completion) instead of Object's members (-32603).
      complete: Object.assign(Object.create(null) as Record<string, never>, {
        path: async (value: string) => completionMatches(await paths(), value),
      }),
    }),
    { title: 'WorkOS docs page', description: 'A WorkOS docs page as Markdown', mimeType: 'text/markdown' },
    async (uri, variables) => {
      const runtime = await ctx.runtime;
      const raw = Array.isArray(variables.path) ? variables.path.join('/') : String(variables.path ?? '');
      try {
        // A product area without a page of its own (`integrations`) reads as its contents, as in workos_docs.
        const area = areaWithoutPage(runtime, parseDocAddress(raw).path);
        if (area) {
          const toc = OPERATIONS.toc;
          const contents = tableOfContents(runtime, {
            ...parseInput(toc, {}),
            product: area,
            unpaginated: true,
          });
          return markdown(uri.href, toc.markdown(contents, MCP_FACE));
        }
        const { doc } = findDoc(runtime, raw);
        return markdown(uri.href, `# ${doc.title}\n\n${doc.markdown.trim()}\n`);
      } catch (err) {
        if (err instanceof DocsError)
          throw new ResourceError(RESOURCE_NOT_FOUND, describeError(err, MCP_FACE));
        throw new ResourceError(ErrorCode.InternalError, describeError(err, MCP_FACE));
      }
    },
  );

  server.registerResource(
    'table-of-contents',
    TOC_URI,
    {
      title: 'WorkOS docs table of contents',
      description: 'Every product area and page, from the site navigation',
      mimeType: 'text/markdown',
    },
    async (uri) => {
      const toc = OPERATIONS.toc;
      const whole = tableOfContents(await ctx.runtime, { ...parseInput(toc, {}), unpaginated: true });
      return markdown(uri.href, toc.markdown(whole, MCP_FACE));
    },
  );

  server.registerResource(
    'platform-changelog',
    CHANGELOG_URI,
    {
      title: 'WorkOS platform changelog',
      description: 'Recent WorkOS product changes, newest first',
      mimeType: 'text/markdown',
    },
    async (uri) => {
      const op = OPERATIONS.changelogs;
      // The most entries one call may ask for: the input schema's own ceiling.
      const result = await runOperation(op, await ctx.runtime, {
        package: DEFAULT_PACKAGE,
        limit: Number.MAX_SAFE_INTEGER,
      });
      return markdown(uri.href, op.markdown(result, MCP_FACE));
    },
  );
}
