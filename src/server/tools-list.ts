import type { McpServer, RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import { normalizeObjectSchema } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { toJsonSchemaCompat } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';

type JsonSchema = Record<string, unknown>;

/**
 * Drops what JSON Schema already defaults to (`additionalProperties: true`) and the per-schema
 * `$schema` line. Tool definitions sit in the client's context on every turn, so bytes here are
 * paid again and again; this keeps tools/list under 5 KB without losing any constraint.
 */
export function compactSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if (key === 'additionalProperties' && value === true) continue;
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, compactSchema(v)]))
        : compactSchema(value);
  }
  return out;
}

function toJson(schema: RegisteredTool['inputSchema'], strategy: 'input' | 'output'): Tool['inputSchema'] {
  const obj = normalizeObjectSchema(schema);
  if (!obj) return { type: 'object', properties: {} };
  return compactSchema(
    toJsonSchemaCompat(obj, { strictUnions: true, pipeStrategy: strategy }),
  ) as Tool['inputSchema'];
}

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
        inputSchema: toJson(tool.inputSchema, 'input'),
        ...(tool.outputSchema
          ? { outputSchema: toJson(tool.outputSchema, 'output') as Tool['outputSchema'] }
          : {}),
        annotations: tool.annotations,
      })),
  }));
}
