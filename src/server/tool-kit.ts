import type { RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { AnswerContext } from '../core/answer-context.js';
import { DocsError, describeError } from '../core/errors.js';
import type { Runtime } from '../core/runtime.js';
import { MCP_FACE } from './face.js';
import type { ServerLog } from './logging.js';

export interface ToolContext {
  /**
   * The loaded corpus. A promise so a stdio server can complete the handshake and list its tools
   * while the corpus is still loading; the first call that needs it waits.
   */
  runtime: Promise<Runtime>;
  log: ServerLog;
  /** The session's answer context (its project and SDK versions), built when a tool first needs it. */
  context: (runtime: Runtime) => Promise<AnswerContext>;
  /** Registered tools by name, for our compact tools/list. */
  tools: Map<string, RegisteredTool>;
}

export type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface ToolAnswer {
  text: string;
  structured: Record<string, unknown>;
}

/**
 * The one place where failures become answers: domain errors are the caller's to fix and come back as
 * `isError` text with their hints; anything else is our bug, logged to stderr, with a short message.
 */
export async function answer(
  ctx: ToolContext,
  tool: string,
  extra: Extra,
  run: (runtime: Runtime) => ToolAnswer | Promise<ToolAnswer>,
): Promise<CallToolResult> {
  const started = performance.now();
  const notify = (n: ServerNotification) => extra.sendNotification(n);
  try {
    const { text, structured } = await run(await ctx.runtime);
    ctx.log.log(
      'debug',
      `${tool}: ${text.length} chars in ${Math.round(performance.now() - started)} ms`,
      notify,
    );
    return { content: [{ type: 'text', text }], structuredContent: structured };
  } catch (err) {
    if (err instanceof DocsError) {
      ctx.log.log('info', `${tool}: ${err.code}: ${err.message}`, notify);
      return { content: [{ type: 'text', text: describeError(err, MCP_FACE) }], isError: true };
    }
    // The stack (absolute paths, frames) goes to stderr only; the client gets the message.
    ctx.log.log(
      'error',
      `${tool} failed: ${describeError(err, MCP_FACE)}`,
      notify,
      err instanceof Error ? err.stack : undefined,
    );
    return {
      content: [{ type: 'text', text: `${tool} failed unexpectedly: ${describeError(err, MCP_FACE)}` }],
      isError: true,
    };
  }
}
