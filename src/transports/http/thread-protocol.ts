/**
 * The messages between the HTTP thread and a tool thread (thread-pool.ts <-> thread.ts). One POST is
 * one `rid`: opened, fed the JSON-RPC messages its transport parsed, closed when its response closes.
 */
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';

/** Request headers as the SDK hands them to handlers (cloneable, unlike the rest of its extra info). */
export type RequestHeaders = Record<string, string | string[] | undefined>;

export type ToThread =
  /** `startedAt` (epoch ms) is when the HTTP request arrived: the batch budget counts from there. */
  | { type: 'open'; rid: number; startedAt: number }
  | { type: 'message'; rid: number; message: JSONRPCMessage; headers?: RequestHeaders }
  | { type: 'close'; rid: number };

export type FromThread =
  /** Loaded and listening; `health` is what /healthz adds about the data (corpus version, doc count...). */
  | { type: 'ready'; health?: Record<string, unknown> }
  /** Could not load (missing corpus...): one line for the operator. */
  | { type: 'failed'; message: string }
  /**
   * What the POST's McpServer sent, as JSON text (cheaper to pass than the object, and the HTTP thread
   * only frames it): `response` for a result or error, `to` its id, else the request it belongs to.
   */
  | { type: 'send'; rid: number; json: string; response: boolean; to?: RequestId }
  /** The thread has dropped a closed POST: it holds no more work for it. */
  | { type: 'closed'; rid: number };

/** What a tool thread's entry module hands to serveThread (thread.ts). */
export interface ThreadData {
  /** Passed through to the entry's loader (e.g. the corpus path). */
  arg?: unknown;
}
