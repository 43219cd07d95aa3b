/**
 * One stateless Streamable HTTP POST answered straight on node's request and response, for the relay to
 * the tool threads (mcp-relay.ts). It does what the SDK's StreamableHTTPServerTransport does for a POST
 * without a session or an event store (SDK 1.32, webStandardStreamableHttp.ts `handlePostRequest` and
 * `send`, written out through @hono/node-server), and answers byte for byte the same: the same checks
 * in the same order with the same statuses and messages, the same headers in the same order, SSE events
 * framed the same way, one chunk each. What it leaves out is the cost of the way there: a web Request
 * and Response per POST, a web stream piped into node's response, and a zod parse of every message at
 * every step after the one that validates it (the SDK re-checks "is this a request?" with a schema
 * several times per message; here a message the schema accepted is told apart by its keys).
 *
 * Answers arrive as JSON text (the tool thread serialises them, cheaper than cloning the object
 * across threads); they are framed, never parsed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonContentType } from '@modelcontextprotocol/sdk/shared/mediaType.js';
import {
  isInitializeRequest,
  JSONRPCMessageSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  type JSONRPCMessage,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import type { RequestHeaders } from './thread-protocol.js';

/** The SDK's cap on messages per POST (app.ts allows fewer; kept so this stands alone). */
const SDK_MAX_BATCH = 100;
/** The SDK's default SSE keep-alive comment interval. */
const SSE_KEEP_ALIVE_MS = 15_000;
const NOT_ACCEPTABLE = 'Not Acceptable: Client must accept both application/json and text/event-stream';
const UNSUPPORTED_MEDIA_TYPE = 'Unsupported Media Type: Content-Type must be application/json';
/** Header names as the SDK's SSE answer hands them to node (a web Headers object iterates them sorted). */
const SSE_HEADERS = {
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'content-type': 'text/event-stream',
  'x-accel-buffering': 'no',
} as const;

/** A message from the server, already serialised: `to` is the request it answers or belongs to. */
export interface OutgoingMessage {
  json: string;
  /** A result or error response (its `to` is its own id). */
  response: boolean;
  to?: RequestId;
}

/** The serialised form of a message built on this thread (errors it answers itself). */
export function outgoing(message: JSONRPCMessage, relatedRequestId?: RequestId): OutgoingMessage {
  const response = 'id' in message && ('result' in message || 'error' in message);
  return {
    json: JSON.stringify(message),
    response,
    to: response ? (message as { id: RequestId }).id : relatedRequestId,
  };
}

/** A header as a web Headers object reads it: every occurrence, joined (node keeps only the first of some). */
function webHeader(req: IncomingMessage, lowerName: string): string | null {
  const raw = req.rawHeaders;
  let value: string | null = null;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    if (name.length === lowerName.length && name.toLowerCase() === lowerName)
      value = value === null ? raw[i + 1] : `${value}, ${raw[i + 1]}`;
  }
  return value;
}

/** The request headers as the SDK hands them to handlers: `Object.fromEntries(webHeaders.entries())`. */
function headerRecord(req: IncomingMessage): RequestHeaders {
  const raw = req.rawHeaders;
  const joined = new Map<string, string>();
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (name.startsWith(':')) continue;
    const prev = joined.get(name);
    if (prev === undefined || name === 'set-cookie') joined.set(name, raw[i + 1]);
    else joined.set(name, `${prev}${name === 'cookie' ? '; ' : ', '}${raw[i + 1]}`);
  }
  const out: RequestHeaders = {};
  for (const name of [...joined.keys()].sort()) out[name] = joined.get(name);
  return out;
}

function isRequest(message: JSONRPCMessage): message is JSONRPCMessage & { id: RequestId; method: string } {
  // Of the schema's four shapes only a request has both (each is strict about its keys).
  return 'method' in message && 'id' in message;
}

export type Deliver = (message: JSONRPCMessage, headers: RequestHeaders) => void;

/**
 * One POST. `handle` validates and hands its messages to `deliver`; `send` takes what the server sends
 * back; `close` (the response closed) drops whatever comes after.
 */
export class StatelessPost {
  private closed = false;
  /** Requests of this POST, in order, with their answers once they come. */
  private readonly answers = new Map<RequestId, string | undefined>();
  private pendingAnswers = 0;
  /** The SSE stream is open (SSE mode, requests pending). */
  private streaming = false;
  private headersWritten = false;
  /** Events written before the head (they go out with it, as the SDK's first read would take them). */
  private early: string[] | undefined;
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly jsonResponse: boolean,
  ) {}

  handle(body: unknown, deliver: Deliver): void {
    const { req } = this;
    const accept = webHeader(req, 'accept');
    if (!accept?.includes('application/json') || !accept.includes('text/event-stream'))
      return this.error(406, -32000, NOT_ACCEPTABLE);
    if (!isJsonContentType(webHeader(req, 'content-type') ?? undefined))
      return this.error(415, -32000, UNSUPPORTED_MEDIA_TYPE);
    const headers = headerRecord(req);
    if (Array.isArray(body) && body.length > SDK_MAX_BATCH)
      return this.error(400, -32600, `Invalid Request: Batch must not exceed ${SDK_MAX_BATCH} messages`);
    let messages: JSONRPCMessage[];
    try {
      messages = Array.isArray(body)
        ? body.map((m) => JSONRPCMessageSchema.parse(m))
        : [JSONRPCMessageSchema.parse(body)];
    } catch {
      return this.error(400, -32700, 'Parse error: Invalid JSON-RPC message');
    }
    if (this.closed) return this.error(404, -32001, 'Session not found');
    const isInit = (m: JSONRPCMessage): boolean =>
      (m as { method?: unknown }).method === 'initialize' && isInitializeRequest(m);
    const initRequest = messages.find(isInit);
    if (initRequest) {
      if (messages.length > 1)
        return this.error(400, -32600, 'Invalid Request: Only one initialization request is allowed');
    } else {
      const version = webHeader(req, 'mcp-protocol-version');
      if (version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
        const message = `Bad Request: Unsupported protocol version: ${version} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`;
        return this.error(400, -32000, message);
      }
    }
    try {
      if (!messages.some(isRequest)) {
        for (const m of messages) deliver(m, headers);
        if (this.head(202, {})) this.res.end();
        return;
      }
      // (The SDK reads the client's protocol version here, for resumability: that needs an event store.)
      for (const m of messages) {
        if (isRequest(m) && !this.answers.has(m.id)) {
          this.answers.set(m.id, undefined);
          this.pendingAnswers += 1;
        }
      }
      if (!this.jsonResponse) {
        this.streaming = true;
        this.early = [];
      }
      for (const m of messages) deliver(m, headers);
    } catch (error) {
      this.streaming = false;
      this.early = undefined;
      this.answers.clear();
      return this.error(400, -32700, 'Parse error', String(error));
    }
    if (this.jsonResponse) return;
    const early = this.early ?? [];
    this.early = undefined;
    if (!this.streaming && early.length === 1) {
      // Answered before the head went out (the tool threads are down): one event, with its length.
      this.headersWritten = true;
      if (this.head(200, { ...SSE_HEADERS, 'content-length': Buffer.byteLength(early[0]) }))
        this.res.end(early[0]);
      return;
    }
    this.headersWritten = true;
    if (!this.head(200, { ...SSE_HEADERS })) {
      this.streaming = false;
      return;
    }
    if (early.length === 0) this.res.flushHeaders();
    for (const event of early) this.res.write(event);
    if (!this.streaming) {
      this.res.end();
      return;
    }
    this.keepAlive = setInterval(() => {
      if (this.streaming && !this.closed && !this.ended) this.res.write(': keepalive\n\n');
    }, SSE_KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  /** What the server sends for this POST (the SDK's `send`, without an event store or a standalone stream). */
  send(message: OutgoingMessage): void {
    if (this.closed || message.to === undefined || !this.answers.has(message.to)) return;
    if (this.streaming) this.write(`event: message\ndata: ${message.json}\n\n`);
    if (!message.response) return;
    if (this.answers.get(message.to) === undefined) this.pendingAnswers -= 1;
    this.answers.set(message.to, message.json);
    if (this.pendingAnswers > 0) return;
    if (this.jsonResponse) {
      const texts = [...this.answers.values()] as string[];
      const body = texts.length === 1 ? texts[0] : `[${texts.join(',')}]`;
      this.answers.clear();
      if (this.head(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }))
        this.res.end(body);
      return;
    }
    this.answers.clear();
    this.endStream();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.streaming = false;
    this.answers.clear();
    if (this.keepAlive) clearInterval(this.keepAlive);
  }

  private write(event: string): void {
    if (this.early) this.early.push(event);
    else if (!this.ended) this.res.write(event);
  }

  /**
   * Whether the response is over without us: the request timed out (app.ts answered it or cut it) or
   * the client left, and its `close` has not reached `close()` yet. Nothing more may be written then.
   */
  private get ended(): boolean {
    return this.res.writableEnded || this.res.destroyed;
  }

  /** Writes the head unless one is out already (see `ended`); says whether it did. */
  private head(status: number, headers: Record<string, string | number>): boolean {
    if (this.res.headersSent || this.ended) return false;
    this.res.writeHead(status, headers);
    return true;
  }

  private endStream(): void {
    this.streaming = false;
    if (this.keepAlive) clearInterval(this.keepAlive);
    if (this.headersWritten && !this.ended) this.res.end();
  }

  /** The SDK's JSON error answer, as @hono/node-server writes it. */
  private error(status: number, code: number, message: string, data?: string): void {
    const error: { code: number; message: string; data?: string } = { code, message };
    if (data !== undefined) error.data = data;
    const body = JSON.stringify({ jsonrpc: '2.0', error, id: null });
    if (this.head(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }))
      this.res.end(body);
  }
}
