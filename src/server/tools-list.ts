import type { McpServer, RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { toJsonSchema } from '../seams/sdk-json-schema.js';

export { compactSchema } from '../seams/sdk-json-schema.js';

/**
 * Answers tools/list from our registered tools with compacted schemas. Validation of calls still
 * runs through the SDK against the same zod schemas. `execution` is left out: the spec's default
 * (no task support) is what these tools do.
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
