/**
 * One MCP exchange over stateless Streamable HTTP with the tools in a thread (thread.ts): the POST is
 * checked and answered here, on the HTTP thread (stateless-post.ts, the SDK transport's behaviour
 * without its web streams); its messages are relayed to a tool thread, and what the thread's McpServer
 * sends comes back as JSON text, framed here as it arrives.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { ThreadPool } from './thread-pool.js';
import { RPC_INTERNAL_ERROR } from './responses.js';
import { outgoing, StatelessPost, type OutgoingMessage } from './stateless-post.js';
import { heapBudget } from '../heap-budget.js';

export async function relayMcpPost(
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  pool: ThreadPool,
  jsonResponse: boolean,
  startedAt: number,
): Promise<void> {
  const post = new StatelessPost(req, res, jsonResponse);
  /** Requests of this POST not answered yet: a thread that dies owes each an error. */
  const unanswered = new Set<RequestId>();
  const send = (message: OutgoingMessage): void => {
    if (message.response && message.to !== undefined) unanswered.delete(message.to);
    post.send(message);
  };
  const exchange = pool.open(
    {
      send,
      fail: (reason) => {
        for (const id of [...unanswered])
          send(outgoing({ jsonrpc: '2.0', id, error: { code: RPC_INTERNAL_ERROR, message: reason } }));
      },
    },
    startedAt,
  );
  res.once('close', () => {
    exchange.close();
    post.close();
    // This thread's heap turns over parsed bodies and SSE buffers: kept near its live size as in-process.
    heapBudget().answered();
  });
  post.handle(body, (message, headers) => {
    if ('method' in message && 'id' in message) unanswered.add(message.id);
    exchange.post(message, headers);
  });
}
