import type { AnswerContext } from '../core/answer-context.js';
import { DocsError, describeError } from '../core/errors.js';
import { contextFor, parseInput } from '../core/operations/index.js';
import type { Runtime } from '../core/runtime.js';
import { MCP_FACE } from '../server/face.js';
import { toolAnswer, TOOLS } from '../server/tools.js';
import { inputJsonSchema } from '../seams/sdk-json-schema.js';

/** What a tool call returns: the same text and structured answer an MCP client gets. */
export interface ToolResult {
  text: string;
  /** structuredContent over MCP; absent when isError. */
  structured?: Record<string, unknown>;
  isError?: boolean;
}

/** A tool definition an agent framework can use as is (Vercel AI SDK, Mastra, LangChain.js, …). */
export interface DocsTool {
  /** The MCP tool name (as in tools/list). */
  name: string;
  title: string;
  description: string;
  /** JSON Schema of the arguments (the one tools/list advertises). */
  inputSchema: Record<string, unknown>;
  annotations: Record<string, unknown>;
  /** Validates and repairs the arguments like the MCP server does, then answers. Never throws for bad input. */
  execute(input: unknown): Promise<ToolResult>;
}

/**
 * The MCP tools as plain definitions, over a corpus loaded on first use. Bad arguments and
 * domain errors (unknown doc, bad filter) come back as `isError` results with what to do, as over MCP.
 */
export function getToolsFor(
  runtime: () => Promise<Runtime>,
  context?: () => Promise<AnswerContext>,
): DocsTool[] {
  return TOOLS.map(({ operation, title, annotations }) => ({
    name: MCP_FACE.name(operation.name),
    title,
    description: operation.description(MCP_FACE),
    inputSchema: inputJsonSchema(operation.input),
    annotations: { ...annotations },
    async execute(input: unknown): Promise<ToolResult> {
      try {
        const { text, structured } = await toolAnswer(
          operation,
          await runtime(),
          parseInput(operation, input),
          await contextFor(operation, context),
        );
        return { text, structured };
      } catch (err) {
        const text = describeError(err, MCP_FACE);
        // As over MCP: domain errors are the caller's to fix; anything else is our bug, said briefly.
        if (err instanceof DocsError) return { text, isError: true };
        return { text: `${MCP_FACE.name(operation.name)} failed unexpectedly: ${text}`, isError: true };
      }
    },
  }));
}
