/**
 * Bounded work per POST (issue 16 item 2). Our tool handlers are synchronous: the SDK hands every
 * message of a batch to the server in one loop, so a batch of expensive searches ran back to back and
 * held the event loop (and /healthz, and every other client) for its whole length. Here each message
 * is handed on in its own event-loop turn, so other requests interleave; a batch is capped in size
 * (app.ts refuses larger ones); and once a request has run for its budget, the requests still waiting
 * in it are answered with an error that says to send them separately, instead of being run.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Messages one POST may carry (the SDK allows 100: at a few hundred ms each, far too much for one request). */
export const MAX_BATCH_MESSAGES = 20;
/** Wall time after which a request starts no more of its batch. */
export const REQUEST_BUDGET_MS = 5_000;
/** JSON-RPC server error for "not run: over budget". */
const RPC_OVER_BUDGET = -32000;

type Delivered = Parameters<NonNullable<Transport['onmessage']>>;

/**
 * Wraps the transport's message handler (installed by server.connect) so messages reach it one per
 * macrotask, within the budget. `gone()` says the client has left: nothing more is started then.
 * `startedAt` is when the request arrived (a tool thread gets it later, maybe after a queue).
 */
export function paceMessages(
  transport: Transport,
  gone: () => boolean,
  budgetMs = REQUEST_BUDGET_MS,
  startedAt = Date.now(),
): void {
  const deliver = transport.onmessage;
  if (!deliver) return;
  const queue: Delivered[] = [];
  let scheduled = false;
  const run = (): void => {
    scheduled = false;
    const next = queue.shift();
    if (!next || gone()) return;
    const [message] = next;
    if (Date.now() - startedAt > budgetMs && 'method' in message && 'id' in message) {
      const refusal: JSONRPCMessage = {
        jsonrpc: '2.0',
        id: message.id,
        error: {
          code: RPC_OVER_BUDGET,
          message: `Not run: this request used its ${budgetMs / 1000} s budget; send this call in a separate request`,
        },
      };
      void transport.send(refusal).catch(() => undefined);
    } else {
      deliver(...next);
    }
    if (queue.length > 0) {
      scheduled = true;
      setImmediate(run);
    }
  };
  transport.onmessage = (...args: Delivered) => {
    queue.push(args);
    if (!scheduled) {
      scheduled = true;
      setImmediate(run);
    }
  };
}
