/**
 * The tool thread (issue 16 item 2): owns the corpus and runs the MCP servers, one per POST, so a
 * costly call holds this thread and never the HTTP one that answers /healthz and applies the guards.
 * The HTTP thread's transport parses each POST and relays its messages here (thread-protocol.ts);
 * answers and in-request notifications (logging) go back the same way.
 *
 * Work in a POST is paced and budgeted as in-process (paced.ts): one message per event-loop turn, so
 * the relay's `close` (timeout, client gone) is seen between items and drops what is still queued.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { heapBudget, SERVER_GROWTH_BYTES } from '../heap-budget.js';
import { paceMessages } from './paced.js';
import type { FromThread, ThreadData, ToThread } from './thread-protocol.js';

export interface ThreadDeps {
  createServer: () => McpServer;
  health?: () => Record<string, unknown>;
}

type Port = NonNullable<typeof parentPort>;

/** One POST's end of the relay: what the McpServer sends goes back to the HTTP thread. */
class RelayedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport['onmessage'];
  closed = false;

  constructor(
    private readonly port: Port,
    private readonly rid: number,
  ) {}

  async start(): Promise<void> {}

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.closed) return;
    const response = 'id' in message && ('result' in message || 'error' in message);
    const out: FromThread = {
      type: 'send',
      rid: this.rid,
      json: JSON.stringify(message),
      response,
      to: response ? (message as { id: RequestId }).id : options?.relatedRequestId,
    };
    this.port.postMessage(out);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}

interface Exchange {
  transport: RelayedTransport;
  server: McpServer;
  /** Resolves once the server is connected and the pacing installed: messages wait for it, in order. */
  ready: Promise<void>;
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

/** Runs in a worker thread: load, say ready (or why not), then serve relayed POSTs until terminated. */
export async function serveThread(load: (arg: unknown) => Promise<ThreadDeps>): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveThread runs in a worker thread');
  // Its own heap, as busy as the HTTP mode's: the same trade of memory for calls per second.
  heapBudget().setGrowth(SERVER_GROWTH_BYTES);
  let deps: ThreadDeps;
  try {
    deps = await load((workerData as ThreadData | undefined)?.arg);
  } catch (err) {
    // The HTTP thread terminates us on this message and reports it as the start-up error.
    port.postMessage({ type: 'failed', message: oneLine(err) } satisfies FromThread);
    return;
  }
  const exchanges = new Map<number, Exchange>();

  const open = (rid: number, startedAt: number): void => {
    const transport = new RelayedTransport(port, rid);
    const server = deps.createServer();
    const ready = server.connect(transport).then(() => {
      paceMessages(transport, () => transport.closed, undefined, startedAt);
    });
    exchanges.set(rid, { transport, server, ready });
  };

  const close = (rid: number): void => {
    const exchange = exchanges.get(rid);
    port.postMessage({ type: 'closed', rid } satisfies FromThread);
    if (!exchange) return;
    exchanges.delete(rid);
    void exchange.transport.close();
    void exchange.server.close().catch(() => undefined);
    heapBudget().answered();
  };

  port.on('message', (msg: ToThread) => {
    if (msg.type === 'open') open(msg.rid, msg.startedAt);
    else if (msg.type === 'close') close(msg.rid);
    else {
      const exchange = exchanges.get(msg.rid);
      if (!exchange) return;
      const extra = msg.headers ? { requestInfo: { headers: msg.headers } } : undefined;
      void exchange.ready.then(() => {
        if (!exchange.transport.closed) exchange.transport.onmessage?.(msg.message, extra);
      });
    }
  });
  port.postMessage({ type: 'ready', health: deps.health?.() } satisfies FromThread);
}
