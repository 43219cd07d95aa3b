import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Largest message we read; far above any real MCP request (tool arguments are a few hundred bytes). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

const NEWLINE = 0x0a;
/** Lines read but not yet handled, past which we stop reading stdin until the backlog drains. */
const HIGH_WATER_LINES = 1000;
const LOW_WATER_LINES = 100;

/**
 * Newline-delimited JSON-RPC over a pair of streams, hardened where the SDK's StdioServerTransport is
 * not: that one closes the whole session when a line passes 10 MB (one oversized message from a
 * client took the server down) and drops malformed lines silently. Here a line that is not JSON gets
 * -32700 Parse error, JSON that is not a JSON-RPC message gets -32600 Invalid Request, and an
 * oversized line is skipped with -32600 as soon as it passes the limit; the session carries on.
 * Per MCP, an error whose request id cannot be known carries no id.
 *
 * Messages are handed on one per event-loop turn, not all at once: our tool calls are synchronous,
 * so a burst of queued calls would otherwise run back to back and hold off SIGTERM and stdin-close
 * until the whole backlog was done (12 s for 200 searches on a loaded machine). Closing drops what
 * is still queued; reading pauses while the backlog is long, so a flood cannot exhaust memory.
 */
export class JsonLinesTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onerror?: (error: Error) => void;
  onclose?: () => void;

  private chunks: Buffer[] = [];
  private pending = 0;
  /** True while skipping the rest of an oversized line (its error is already sent). */
  private discarding = false;
  private closed = false;
  private queue: string[] = [];
  private scheduled = false;
  private paused = false;
  /** Ids of requests read but not yet answered, so a client that closes stdin still gets its answers. */
  private outstanding = new Set<string | number>();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly maxMessageBytes = MAX_MESSAGE_BYTES,
  ) {}

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('error', this.onStreamError);
    this.output.on('error', this.onStreamError);
  }

  /**
   * Resolves once everything read so far has been handled and every request answered. stdin ending
   * right after a request (`echo '{...}' | workos-docs-mcp`) means "answer, then go", not "drop it".
   */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.closed || (this.queue.length === 0 && this.outstanding.size === 0);
  }

  private checkIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return;
    if ('id' in message && !('method' in message)) {
      this.outstanding.delete(message.id as string | number);
      queueMicrotask(() => this.checkIdle());
    }
    const text = `${JSON.stringify(message)}\n`;
    if (this.output.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.output.off('drain', done);
        this.output.off('close', done);
        resolve();
      };
      this.output.once('drain', done);
      this.output.once('close', done);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('error', this.onStreamError);
    if (this.input.listenerCount('data') === 0) this.input.pause();
    this.chunks = [];
    this.pending = 0;
    this.queue = [];
    this.outstanding.clear();
    this.checkIdle();
    this.onclose?.();
  }

  private readonly onStreamError = (error: Error) => {
    this.onerror?.(error);
    // A broken pipe (EPIPE) means the client is gone: nothing more can be said.
    void this.close();
  };

  private readonly onData = (chunk: Buffer | string) => {
    let rest = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let nl: number;
    while (!this.closed && (nl = rest.indexOf(NEWLINE)) >= 0) {
      const head = rest.subarray(0, nl);
      rest = rest.subarray(nl + 1);
      if (this.discarding) {
        this.discarding = false;
        continue;
      }
      if (this.pending + head.length > this.maxMessageBytes) {
        this.reset();
        this.tooLarge();
        continue;
      }
      const line = this.pending === 0 ? head : Buffer.concat([...this.chunks, head]);
      this.reset();
      this.enqueue(line.toString('utf8'));
    }
    if (this.closed || this.discarding || rest.length === 0) return;
    if (this.pending + rest.length > this.maxMessageBytes) {
      this.reset();
      this.discarding = true;
      this.tooLarge();
      return;
    }
    this.chunks.push(rest);
    this.pending += rest.length;
  };

  private enqueue(line: string): void {
    this.queue.push(line);
    if (!this.paused && this.queue.length > HIGH_WATER_LINES) {
      this.paused = true;
      this.input.pause();
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.closed || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(this.pump);
  }

  private readonly pump = () => {
    this.scheduled = false;
    const line = this.queue.shift();
    if (this.closed || line === undefined) return;
    this.handleLine(line);
    this.checkIdle();
    if (this.paused && this.queue.length < LOW_WATER_LINES) {
      this.paused = false;
      this.input.resume();
    }
    this.schedule();
  };

  private reset(): void {
    this.chunks = [];
    this.pending = 0;
  }

  private handleLine(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      this.reject(
        ErrorCode.ParseError,
        'Parse error: the line is not valid JSON (one JSON-RPC message per line)',
      );
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(data);
    if (!parsed.success) {
      this.reject(
        ErrorCode.InvalidRequest,
        'Invalid Request: not a JSON-RPC 2.0 request, notification or response',
        requestIdOf(data),
      );
      return;
    }
    if ('method' in parsed.data && 'id' in parsed.data) this.outstanding.add(parsed.data.id);
    try {
      this.onmessage?.(parsed.data);
    } catch (err) {
      this.onerror?.(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private tooLarge(): void {
    this.reject(
      ErrorCode.InvalidRequest,
      `Invalid Request: message larger than ${this.maxMessageBytes} bytes, skipped`,
    );
  }

  private reject(code: number, message: string, id?: string | number): void {
    const error = { jsonrpc: '2.0' as const, ...(id === undefined ? {} : { id }), error: { code, message } };
    this.send(error as JSONRPCMessage).catch((err: unknown) =>
      this.onerror?.(err instanceof Error ? err : new Error(String(err))),
    );
  }
}

/** The id of something that looks like a request, so its sender can match the error to it. */
function requestIdOf(data: unknown): string | number | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const { id, method } = data as { id?: unknown; method?: unknown };
  if (method === undefined) return undefined;
  return typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id)) ? id : undefined;
}
