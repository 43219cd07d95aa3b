import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Largest message we read; far above any real MCP request (tool arguments are a few hundred bytes). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

const NEWLINE = 0x0a;
/** Lines read but not yet handled, past which we stop reading stdin until the backlog drains. */
const HIGH_WATER_LINES = 1000;
const LOW_WATER_LINES = 100;
/** Bytes of lines read but not yet handled, past which we stop reading too (1,000 lines can be 4 GB). */
const HIGH_WATER_QUEUE_BYTES = 8 * 1024 * 1024;
/**
 * Answers written but not yet taken by the client, past which we stop handing on requests (and so,
 * once the queue fills, stop reading stdin). A client that never reads stdout then costs us this
 * much plus the answers already being worked on, not one buffered answer per request it sent.
 */
export const OUTPUT_HIGH_WATER_BYTES = 4 * 1024 * 1024;
/** Requests handed to the server and not yet answered (e.g. waiting for the corpus to load), at most. */
export const MAX_OUTSTANDING = 256;

/** A line read and parsed, waiting for its turn; parsed on arrival so a cancellation can find it. */
type Queued = { ok: true; data: unknown; bytes: number } | { ok: false; bytes: number };

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
 *
 * Back-pressure runs the whole way: while the client leaves our answers unread (stdout's buffer past
 * OUTPUT_HIGH_WATER_BYTES) or too many requests are unanswered, nothing more is handed on, the queue
 * fills, and stdin is paused; one 'drain' listener resumes it. `notifications/cancelled` drops the
 * cancelled request if it is still queued (no answer is sent, as MCP asks). A second `initialize`
 * in the same session is refused: the session's capabilities were already agreed.
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
  private queue: Queued[] = [];
  private queueBytes = 0;
  private scheduled = false;
  private paused = false;
  /** One shared wait for stdout to drain, however many answers are waiting on it. */
  private drained?: Promise<void>;
  private releaseDrained?: () => void;
  /** The id of the `initialize` being answered, and whether one has succeeded. */
  private initializeId?: string | number;
  private initialized = false;
  /** A stream error other than the client going away (stdin a directory, stdout on a full disk). */
  failure?: Error;
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
    this.input.on('error', this.onInputError);
    this.output.on('error', this.onOutputError);
    this.output.on('drain', this.onDrain);
    this.output.on('close', this.onDrain);
  }

  /**
   * Resolves once everything read so far has been handled and every request answered. stdin ending
   * right after a request (`echo '{...}' | workos-docs-mcp`) means "answer, then go", not "drop it".
   */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Everything read so far handled and every request answered. */
  isIdle(): boolean {
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
      const id = message.id as string | number;
      this.outstanding.delete(id);
      if (id === this.initializeId) {
        this.initializeId = undefined;
        if ('result' in message) this.initialized = true;
      }
      queueMicrotask(() => this.checkIdle());
      this.schedule();
    }
    const text = `${JSON.stringify(message)}\n`;
    if (this.output.write(text)) return;
    this.drained ??= new Promise<void>((resolve) => (this.releaseDrained = resolve));
    return this.drained;
  }

  private readonly onDrain = () => {
    const release = this.releaseDrained;
    this.drained = undefined;
    this.releaseDrained = undefined;
    release?.();
    this.schedule();
  };

  /** True while the client has not taken enough of what we wrote, or too much is being worked on. */
  private outputBlocked(): boolean {
    return this.output.writableLength > OUTPUT_HIGH_WATER_BYTES || this.outstanding.size >= MAX_OUTSTANDING;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    this.output.off('drain', this.onDrain);
    this.output.off('close', this.onDrain);
    if (this.input.listenerCount('data') === 0) this.input.pause();
    this.chunks = [];
    this.pending = 0;
    this.queue = [];
    this.queueBytes = 0;
    this.releaseDrained?.();
    this.outstanding.clear();
    this.checkIdle();
    this.onclose?.();
  }

  private readonly onInputError = (error: Error) => this.streamFailed('cannot read stdin', error);
  private readonly onOutputError = (error: Error) => this.streamFailed('cannot write to stdout', error);

  private streamFailed(what: string, error: Error): void {
    this.onerror?.(error);
    // A broken pipe (EPIPE) means the client is gone: nothing more can be said, and nothing went wrong.
    // Anything else (EISDIR, ENOSPC, EBADF...) is the operator's to know: the caller reports it and exits 1.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPIPE' && code !== 'ECONNRESET' && !this.closed)
      this.failure ??= new Error(`${what}: ${error.message}`);
    void this.close();
  }

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

  private enqueue(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let entry: Queued;
    try {
      entry = { ok: true, data: JSON.parse(line), bytes: line.length };
    } catch {
      entry = { ok: false, bytes: line.length };
    }
    if (entry.ok && this.cancelQueued(entry.data)) return;
    this.queue.push(entry);
    this.queueBytes += entry.bytes;
    if (!this.paused && (this.queue.length > HIGH_WATER_LINES || this.queueBytes > HIGH_WATER_QUEUE_BYTES)) {
      this.paused = true;
      this.input.pause();
    }
    this.schedule();
  }

  /**
   * `notifications/cancelled` for a request still waiting here: drop it unanswered. For one already
   * handed on, forget it (the SDK aborts it and sends nothing), then pass the notification on too.
   * Returns true when the notification itself needs no further handling.
   */
  private cancelQueued(data: unknown): boolean {
    if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
    const { method, params, id } = data as {
      method?: unknown;
      params?: { requestId?: unknown };
      id?: unknown;
    };
    if (method !== 'notifications/cancelled' || id !== undefined) return false;
    const target = params?.requestId;
    if (typeof target !== 'string' && typeof target !== 'number') return false;
    const at = this.queue.findIndex(
      (q) =>
        q.ok &&
        typeof q.data === 'object' &&
        q.data !== null &&
        (q.data as { id?: unknown }).id === target &&
        typeof (q.data as { method?: unknown }).method === 'string',
    );
    if (at >= 0) {
      this.queueBytes -= this.queue[at].bytes;
      this.queue.splice(at, 1);
      queueMicrotask(() => this.checkIdle());
      return true;
    }
    if (this.outstanding.delete(target)) queueMicrotask(() => this.checkIdle());
    return false;
  }

  private schedule(): void {
    if (this.scheduled || this.closed || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(this.pump);
  }

  private readonly pump = () => {
    this.scheduled = false;
    if (this.closed) return;
    // The client is not reading our answers: hold the rest until stdout drains (onDrain reschedules).
    if (this.outputBlocked()) return;
    const entry = this.queue.shift();
    if (entry === undefined) return;
    this.queueBytes -= entry.bytes;
    this.handle(entry);
    this.checkIdle();
    if (this.paused && this.queue.length < LOW_WATER_LINES && this.queueBytes < HIGH_WATER_QUEUE_BYTES / 2) {
      this.paused = false;
      this.input.resume();
    }
    this.schedule();
  };

  private reset(): void {
    this.chunks = [];
    this.pending = 0;
  }

  private handle(entry: Queued): void {
    if (!entry.ok) {
      this.reject(
        ErrorCode.ParseError,
        'Parse error: the line is not valid JSON (one JSON-RPC message per line)',
      );
      return;
    }
    const data = entry.data;
    const parsed = JSONRPCMessageSchema.safeParse(data);
    if (!parsed.success) {
      this.reject(
        ErrorCode.InvalidRequest,
        'Invalid Request: not a JSON-RPC 2.0 request, notification or response',
        requestIdOf(data),
      );
      return;
    }
    if ('method' in parsed.data && 'id' in parsed.data) {
      if (parsed.data.method === 'initialize') {
        if (this.initialized || this.initializeId !== undefined) {
          this.reject(
            ErrorCode.InvalidRequest,
            'Invalid Request: this session is already initialized; start a new process to initialize again',
            parsed.data.id,
          );
          return;
        }
        this.initializeId = parsed.data.id;
      }
      this.outstanding.add(parsed.data.id);
    }
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
