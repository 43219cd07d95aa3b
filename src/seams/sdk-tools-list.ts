import type { McpServer, RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { toJsonSchema } from './sdk-json-schema.js';

/**
 * SEAM (the SDK's own `tools/list` handler, registered by McpServer with the first tool): replaced
 * through the low-level `setRequestHandler`, to answer from our registered tools with compacted
 * schemas (tool definitions sit in the client's context on every turn). Validation of calls still
 * runs through the SDK against the same zod schemas. `execution` is left out: the spec's default
 * (no task support) is what these tools do. Breaks on upgrade when: `RegisteredTool` loses `enabled`,
 * `inputSchema` or `outputSchema`, the SDK adds a tool field clients need (we list only what we name
 * here), or `setRequestHandler` stops replacing a handler McpServer registered. Must run after every
 * tool is registered. Test: test/seams/seams.test.ts "sdk-tools-list".
 */
export function serveCompactToolsList(server: McpServer, tools: Map<string, RegisteredTool>): void {
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [...tools.entries()]
      .filter(([, tool]) => tool.enabled)
      .map(([name, tool]) => ({
        name,
        title: tool.title,
        description: tool.description,
        inputSchema: toJsonSchema(tool.inputSchema, 'input') as Tool['inputSchema'],
        ...(tool.outputSchema
          ? { outputSchema: toJsonSchema(tool.outputSchema, 'output') as Tool['outputSchema'] }
          : {}),
        annotations: tool.annotations,
      })),
  }));
}
