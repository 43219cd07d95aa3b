import type { McpServer, RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { toJsonSchema } from './sdk-json-schema.js';

/** Output schemas held back from the SDK by listOutputSchemaOnly, listed by our tools/list. */
const listedOutputs = new WeakMap<RegisteredTool, RegisteredTool['outputSchema']>();

/**
 * SEAM (McpServer validates every call's structuredContent against `tool.outputSchema` before
 * sending it): our structured answers are built by typed code from the same operation that declares
 * the schema, and parsing a whole answer again (zod copies every passthrough object) was a share of
 * each search call. The schema moves from the registered tool to our tools/list, which still lists
 * it; clients validate what they receive as before. Breaks on upgrade when: the SDK reads the output
 * schema from elsewhere than `tool.outputSchema`, or needs it for more than that check. Call before
 * serveCompactToolsList answers. Test: test/seams/seams.test.ts "sdk-tools-list".
 */
export function listOutputSchemaOnly(tool: RegisteredTool): void {
  if (!tool.outputSchema) return;
  listedOutputs.set(tool, tool.outputSchema);
  tool.outputSchema = undefined;
}

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
      .map(([name, tool]) => {
        const output = tool.outputSchema ?? listedOutputs.get(tool);
        return {
          name,
          title: tool.title,
          description: tool.description,
          inputSchema: toJsonSchema(tool.inputSchema, 'input') as Tool['inputSchema'],
          ...(output ? { outputSchema: toJsonSchema(output, 'output') as Tool['outputSchema'] } : {}),
          annotations: tool.annotations,
        };
      }),
  }));
}
