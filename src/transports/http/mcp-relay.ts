/**
 * One MCP exchange over stateless Streamable HTTP with the tools in a thread (thread.ts): the SDK
 * transport still parses and answers the POST here, on the HTTP thread; what it parses is relayed to
 * a tool thread, and what the thread's McpServer sends comes back through the same transport.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { ThreadPool } from './thread-pool.js';
import type { RequestHeaders } from './thread-protocol.js';
import { RPC_INTERNAL_ERROR } from './responses.js';
import { heapBudget } from '../heap-budget.js';

function isRequest(message: JSONRPCMessage): message is JSONRPCMessage & { id: RequestId } {
  return 'method' in message && 'id' in message;
}

function isResponse(message: JSONRPCMessage): message is JSONRPCMessage & { id: RequestId } {
  return 'id' in message && ('result' in message || 'error' in message);
}

export async function relayMcpPost(
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  pool: ThreadPool,
  jsonResponse: boolean,
  startedAt: number,
): Promise<void> {
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: jsonResponse,
  });
  /** Requests of this POST not answered yet: a thread that dies owes each an error. */
  const unanswered = new Set<RequestId>();
  const send = (message: JSONRPCMessage, relatedRequestId?: RequestId): void => {
    if (isResponse(message)) unanswered.delete(message.id);
    void transport
      .send(message, relatedRequestId === undefined ? undefined : { relatedRequestId })
      .catch(() => undefined);
  };
  const exchange = pool.open(
    {
      send,
      fail: (reason) => {
        for (const id of [...unanswered])
          send({ jsonrpc: '2.0', id, error: { code: RPC_INTERNAL_ERROR, message: reason } });
      },
    },
    startedAt,
  );
  res.once('close', () => {
    exchange.close();
    void transport.close().catch(() => undefined);
    // This thread's heap turns over parsed bodies and SSE buffers: kept near its live size as in-process.
    heapBudget().answered();
  });
  transport.onmessage = (message, extra) => {
    if (isRequest(message)) unanswered.add(message.id);
    exchange.post(message, extra?.requestInfo?.headers as RequestHeaders | undefined);
  };
  await transport.start();
  await transport.handleRequest(req, res, body);
}
