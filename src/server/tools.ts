import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { contextFor, OPERATIONS, type AnyOperation, type ResolvedInputOf } from '../core/operations/index.js';
import type { AnswerContext } from '../core/answer-context.js';
import type { Runtime } from '../core/runtime.js';
import { listOutputSchemaOnly } from '../seams/sdk-tools-list.js';
import { MCP_FACE, TOOL_NAMES } from './face.js';
import { answer, type ToolContext } from './tool-kit.js';

/** Every tool only reads the bundled corpus: no side effects, same answer twice, no outside world. */
export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, idempotentHint: true, openWorldHint: false };

/** What only MCP has: a title for client UIs and behaviour hints. Everything else comes from the operation. */
interface ToolSpec {
  operation: AnyOperation;
  title: string;
  annotations: ToolAnnotations;
}

/** The operations served as tools, in tools/list order. */
export const TOOLS: ToolSpec[] = [
  { operation: OPERATIONS.search, title: 'Search WorkOS docs', annotations: READ_ONLY },
  { operation: OPERATIONS.read, title: 'Read a WorkOS docs page', annotations: READ_ONLY },
  { operation: OPERATIONS.examples, title: 'WorkOS code examples', annotations: READ_ONLY },
  { operation: OPERATIONS.changelogs, title: 'WorkOS changelogs', annotations: READ_ONLY },
  // Reads the snippet it is given and nothing else; the code is parsed, never run.
  { operation: OPERATIONS.check, title: 'Check code against the WorkOS SDK', annotations: READ_ONLY },
];

/** The text and structured answer of one call: what a tool returns, and what the library's getTools() executes. */
export async function toolAnswer(
  op: AnyOperation,
  runtime: Runtime,
  input: ResolvedInputOf<AnyOperation>,
  context: AnswerContext,
) {
  const result = await op.run(runtime, input, context);
  return {
    text: op.markdown(result, MCP_FACE),
    structured: op.structured(result) as Record<string, unknown>,
  };
}

/**
 * Registers one MCP tool per TOOLS entry. The SDK validates arguments with the operation's input
 * schema (aliases, defaults, clamping) before the handler runs, so the handler only runs and formats.
 */
export function registerTools(server: McpServer, ctx: ToolContext): void {
  for (const { operation, title, annotations } of TOOLS) {
    const name = TOOL_NAMES[operation.name as keyof typeof TOOL_NAMES] ?? operation.name;
    const tool = server.registerTool(
      name,
      {
        title,
        description: operation.description(MCP_FACE),
        inputSchema: operation.input,
        outputSchema: operation.output,
        annotations,
      },
      (args: ResolvedInputOf<AnyOperation>, extra) =>
        answer(ctx, name, extra, async (runtime) =>
          toolAnswer(operation, runtime, args, await contextFor(operation, () => ctx.context(runtime))),
        ),
    );
    // the SDK would parse every structured answer again; tools/list still shows the schema
    listOutputSchemaOnly(tool);
    ctx.tools.set(name, tool);
  }
}
