/**
 * The HTTP request listener: routing, guards in a fixed order (host -> origin/CORS -> token -> body),
 * per-request timeout, and one access-log line per request. No sockets are opened here (see server.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpOptions } from './options.js';
import { bearerChecker, checkHost, checkOrigin, type Refusal } from './security.js';
import { readBody } from './body.js';
import { applyCors, corsAllows } from './cors.js';
import { describeRpc, logEvent, stderrWriter, type AccessRecord, type LogWriter } from './log.js';
import { serveMcpPost, type ServerFactory } from './mcp.js';
import { relayMcpPost } from './mcp-relay.js';
import type { ThreadPool } from './thread-pool.js';
import { MAX_BATCH_MESSAGES } from './paced.js';
import { clientWantsClose, closeConnectionWhen } from './connection-close.js';
import {
  RPC_INTERNAL_ERROR,
  RPC_INVALID_REQUEST,
  RPC_PARSE_ERROR,
  RPC_SERVER_ERROR,
  sendJson,
  sendRpcError,
} from './responses.js';

/** MCP's request-timeout code (the SDK's ErrorCode.RequestTimeout). */
const RPC_REQUEST_TIMEOUT = -32001;
const NOT_ALLOWED_STATELESS = 'Method not allowed: this stateless server only accepts POST';
const UNSUPPORTED_MEDIA_TYPE = 'Unsupported Media Type: Content-Type must be application/json';
const NOT_FOUND = 'Not found: MCP is served at POST /mcp, health at GET /healthz';

export interface AppDeps {
  /** Runs the MCP server on this thread (in-process mode); used when there is no pool. */
  createServer?: ServerFactory;
  /** Tool threads that run the MCP servers, leaving this thread to HTTP and /healthz (run.ts). */
  pool?: ThreadPool;
  /** Extra facts for GET /healthz (corpus version, build time, doc count...). */
  health?: () => Record<string, unknown>;
  log?: LogWriter;
}

/** Shared with server.ts: a draining server tells clients and balancers to go elsewhere. */
export interface AppState {
  draining: boolean;
  inFlight: number;
  /** MCP requests received since start (their heads arrived), whatever their outcome. */
  mcpReceived: number;
  /** While draining: the latest time (epoch ms) the listener closes; new requests are told to retry after it. */
  acceptUntil?: number;
}

const SHUTTING_DOWN =
  'Server shutting down: this request was not run; retry it (another instance, or this one after Retry-After)';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export function createRequestListener(options: HttpOptions, deps: AppDeps, state: AppState): RequestListener {
  const log = deps.log ?? stderrWriter;
  const checkToken = bearerChecker(options.token);
  const startedAt = Date.now();

  const refuse = (res: ServerResponse, refusal: Refusal): void =>
    sendRpcError(res, refusal.status, RPC_SERVER_ERROR, refusal.message, refusal.headers);

  const health = (req: IncomingMessage, res: ServerResponse, head: boolean): void => {
    // Probes may come without an allowed Host (a balancer uses the instance's IP), so they are answered,
    // but with the status only: pid, memory and corpus facts are for callers that pass the Host check
    // (a DNS-rebinding page must not read them).
    if (checkHost(req.headers.host, options.allowedHosts)) {
      if (head) res.writeHead(state.draining ? 503 : 200).end();
      else sendJson(res, state.draining ? 503 : 200, { status: state.draining ? 'draining' : 'ok' });
      return;
    }
    const body = {
      status: state.draining ? 'draining' : 'ok',
      pid: process.pid,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      // Not counting this probe itself.
      inFlight: state.inFlight - 1,
      mcpRequests: state.mcpReceived,
      rssBytes: process.memoryUsage.rss(),
      heapUsedBytes: process.memoryUsage().heapUsed,
      ...deps.health?.(),
    };
    if (head) {
      res.writeHead(state.draining ? 503 : 200).end();
      return;
    }
    // A draining instance answers 503 so load balancers stop sending it new work.
    sendJson(res, state.draining ? 503 : 200, body);
  };

  const mcp = async (
    req: IncomingMessage,
    res: ServerResponse,
    record: AccessRecord,
    startedAt: number,
  ): Promise<void> => {
    const origin = req.headers.origin;
    const hostRefusal = checkHost(req.headers.host, options.allowedHosts);
    if (hostRefusal) return refuse(res, hostRefusal);
    const cors = corsAllows(origin, options.corsOrigins);
    if (!cors) {
      const originRefusal = checkOrigin(origin, options.allowedOrigins, options.allowedHosts);
      if (originRefusal) return refuse(res, originRefusal);
    } else {
      applyCors(res, origin, options.corsOrigins, req.method === 'OPTIONS');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
    }
    const tokenRefusal = checkToken(req.headers.authorization);
    if (tokenRefusal) return refuse(res, tokenRefusal);
    if (state.draining) {
      // Draining runs only what was already in flight. A client told to come back once the listener has
      // closed finds it closed (refused: nothing sent, safe to retry) instead of reconnecting as it
      // closes (a connection queued in the kernel then is reset, with its request). The body is read
      // first: closing a socket with unread input resets it, answer included.
      await readBody(req, options.maxBodyBytes);
      const retryAfter = Math.max(1, Math.ceil(((state.acceptUntil ?? 0) - Date.now()) / 1000));
      return sendRpcError(res, 503, RPC_SERVER_ERROR, SHUTTING_DOWN, { 'Retry-After': String(retryAfter) });
    }
    if (state.inFlight > options.maxInFlight) {
      // Shed load before reading the body: queueing it would only make every answer late.
      const message = `Server busy: more than ${options.maxInFlight} requests in progress; retry shortly`;
      return sendRpcError(res, 503, RPC_SERVER_ERROR, message, { 'Retry-After': '1' });
    }

    if (req.method !== 'POST') {
      // Stateless server: no standalone SSE stream (GET) and no session to end (DELETE).
      return sendRpcError(res, 405, RPC_SERVER_ERROR, NOT_ALLOWED_STATELESS, { Allow: 'POST' });
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return sendRpcError(res, 415, RPC_SERVER_ERROR, UNSUPPORTED_MEDIA_TYPE);
    }
    const body = await readBody(req, options.maxBodyBytes);
    if (!body.ok) {
      if (body.reason === 'aborted') return;
      // Close the connection: the unread rest of the body must not be parsed as a next request.
      const message = `Payload Too Large: the body limit is ${options.maxBodyBytes} bytes`;
      return sendRpcError(res, 413, RPC_SERVER_ERROR, message, { Connection: 'close' });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      return sendRpcError(res, 400, RPC_PARSE_ERROR, 'Parse error: the body is not valid JSON');
    }
    Object.assign(record, describeRpc(parsed));
    if (Array.isArray(parsed) && parsed.length > MAX_BATCH_MESSAGES) {
      const message = `Invalid Request: at most ${MAX_BATCH_MESSAGES} messages per batch, got ${parsed.length}; split it into several requests`;
      return sendRpcError(res, 400, RPC_INVALID_REQUEST, message);
    }
    if (deps.pool) await relayMcpPost(req, res, parsed, deps.pool, options.jsonResponse, startedAt);
    else if (deps.createServer) await serveMcpPost(req, res, parsed, deps.createServer, options.jsonResponse);
    else throw new Error('AppDeps needs createServer or pool');
  };

  return (req, res) => {
    const started = process.hrtime.bigint();
    const startedAt = Date.now();
    const socket = req.socket;
    const bytesBefore = socket.bytesWritten;
    const path = (req.url ?? '/').split('?')[0];
    const record: AccessRecord = {
      method: req.method ?? '',
      path,
      status: 0,
      ms: 0,
      bytes: 0,
      ip: socket.remoteAddress,
    };
    state.inFlight += 1;
    // Draining (checked when the head is written, so requests already running close too) or asked by the client.
    const wantsClose = clientWantsClose(req);
    closeConnectionWhen(res, () => state.draining || wantsClose);

    const timer = setTimeout(() => {
      if (!res.headersSent) {
        const message = `Request timed out after ${options.requestTimeoutMs} ms`;
        sendRpcError(res, 503, RPC_REQUEST_TIMEOUT, message, { Connection: 'close' });
      } else {
        res.destroy();
      }
    }, options.requestTimeoutMs);
    timer.unref();

    res.once('close', () => {
      clearTimeout(timer);
      state.inFlight -= 1;
      record.ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      record.bytes = socket.bytesWritten - bytesBefore;
      if (res.writableFinished) record.status = res.statusCode;
      else {
        // The client went away first: say so, and the status only if it was actually sent.
        record.status = res.headersSent ? res.statusCode : 0;
        record.aborted = true;
      }
      if (options.accessLog) logEvent(log, 'info', 'http', record);
    });

    let work: Promise<void> | void;
    if (path === '/mcp') {
      state.mcpReceived += 1;
      work = mcp(req, res, record, startedAt);
    } else if (path === '/healthz') {
      work =
        req.method === 'GET' || req.method === 'HEAD'
          ? health(req, res, req.method === 'HEAD')
          : sendRpcError(res, 405, RPC_SERVER_ERROR, 'Method not allowed', { Allow: 'GET, HEAD' });
    } else {
      work = sendRpcError(res, 404, RPC_SERVER_ERROR, NOT_FOUND);
    }
    Promise.resolve(work).catch((err: unknown) => {
      // The client gets a generic message; the detail (with stack) goes to the operator's log only.
      logEvent(log, 'error', 'request failed', {
        path,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
      sendRpcError(res, 500, RPC_INTERNAL_ERROR, 'Internal error');
    });
  };
}
