/**
 * One MCP exchange over stateless Streamable HTTP: a fresh McpServer and transport per POST
 * (the loaded corpus is shared through the factory's closure, never the server object),
 * both closed when the response closes so nothing outlives the request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { heapBudget } from '../heap-budget.js';
import { paceMessages } from './paced.js';

/** Builds a ready McpServer (tools, resources, prompts registered) over the process's shared runtime. */
export type ServerFactory = () => McpServer;

export async function serveMcpPost(
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  createServer: ServerFactory,
  jsonResponse: boolean,
): Promise<void> {
  const server = createServer();
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: jsonResponse,
  });
  let closed = false;
  res.once('close', () => {
    closed = true;
    void transport.close().catch(() => undefined);
    void server.close().catch(() => undefined);
    heapBudget().answered();
  });
  await server.connect(transport);
  // One batch item per event-loop turn, within the request's budget; nothing more once the client left.
  paceMessages(transport, () => closed);
  await transport.handleRequest(req, res, body);
}
