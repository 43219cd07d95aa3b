/**
 * Opens the socket for the request listener and owns its lifecycle: listen, then a graceful close
 * that stops accepting, lets in-flight requests finish, and forces the rest after a deadline.
 */
import { createServer, type Server } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { createRequestListener, type AppDeps, type AppState } from './app.js';
import { ConnectionTracker } from './connections.js';
import type { HttpOptions } from './options.js';
import { logEvent, stderrWriter } from './log.js';

/** Least time a shutdown keeps accepting, so connections already on their way are served rather than reset. */
const SETTLE_MS = 300;
/**
 * Latest time after the drain began at which the listener closes, however busy. New requests meanwhile
 * are answered 503 with a Retry-After past it, so clients that honour it do not come back before.
 */
const MAX_ACCEPT_MS = 2_000;
/** How often a draining server looks for connections it can close. */
const DRAIN_POLL_MS = 50;

export interface RunningHttpServer {
  server: Server;
  /** Base URL clients use, e.g. http://127.0.0.1:3000 (the MCP endpoint is `${url}/mcp`). */
  url: string;
  port: number;
  /** Graceful stop; resolves true when every in-flight request finished before the deadline. */
  close(): Promise<boolean>;
}

export async function startHttpServer(options: HttpOptions, deps: AppDeps): Promise<RunningHttpServer> {
  const log = deps.log ?? stderrWriter;
  const state: AppState = { draining: false, inFlight: 0, mcpReceived: 0 };
  const listener = createRequestListener(options, deps, state);
  // Node checks the headers/request timeouts on this interval; its default (30 s) would let a 10 s limit run to 40 s.
  const server = createServer({ connectionsCheckingInterval: 1_000 });
  const connections = new ConnectionTracker(server, options.maxConnections);
  server.on('request', (req, res) => {
    connections.requestStarted(req.socket);
    res.once('close', () => connections.requestEnded(req.socket));
    listener(req, res);
  });
  // Idle and half-sent connections hold a file descriptor each: keep them briefly (issue 16: 600 idle
  // sockets at 60 s made every request fail). Behind a balancer whose idle timeout is longer, raise
  // keepAliveTimeoutMs above it, or the balancer may reuse a connection we are closing.
  server.keepAliveTimeout = options.keepAliveTimeoutMs;
  server.headersTimeout = options.headersTimeoutMs;

  // Time to receive a whole request (slow-loris guard); handling time is bounded in app.ts.
  server.requestTimeout = options.requestTimeoutMs;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl =
    options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;

  let closing: Promise<boolean> | undefined;
  const close = (): Promise<boolean> => {
    closing ??= new Promise<boolean>((resolve) => {
      // Draining: /healthz answers 503, new MCP requests 503 + Retry-After (app.ts), and every answer
      // carries `Connection: close`, so balancers and clients move on; requests in flight finish.
      // Accepting continues until the kernel's accept backlog is empty: node accepts about one
      // connection per event-loop turn, so under load connections can queue there, and closing the
      // listener would reset them.
      const startedAt = Date.now();
      state.acceptUntil = startedAt + MAX_ACCEPT_MS;
      state.draining = true;
      let listening = true;
      const stopListening = (): void => {
        if (!listening) return;
        listening = false;
        // net.Server's close, not http.Server's: the latter also drops connections whose first request
        // has not arrived yet. The tracker closes connections only between requests.
        NetServer.prototype.close.call(server, () => {
          clearInterval(poll);
          clearTimeout(deadline);
          resolve(true);
        });
        logEvent(log, 'info', 'stopped accepting connections', {
          inFlight: state.inFlight,
          open: connections.size,
        });
      };
      // After SETTLE_MS, close the listener at the first event-loop turn whose I/O poll accepted nothing:
      // node accepts everything queued when the socket polls readable, so nothing was waiting in the
      // kernel's backlog (closing then resets no one). Steady load still has such turns; MAX_ACCEPT_MS
      // is the backstop so a drain cannot be held open for ever by new connections.
      let acceptedBefore = connections.accepted;
      const watchForQuiet = (): void => {
        if (!listening) return;
        const quiet = connections.accepted === acceptedBefore;
        acceptedBefore = connections.accepted;
        if (quiet || Date.now() - startedAt >= MAX_ACCEPT_MS) stopListening();
        else setImmediate(watchForQuiet);
      };
      const settle = setTimeout(() => {
        acceptedBefore = connections.accepted;
        setImmediate(watchForQuiet);
      }, SETTLE_MS);
      settle.unref();
      const poll = setInterval(() => connections.closeIdle(), DRAIN_POLL_MS);
      const deadline = setTimeout(() => {
        logEvent(log, 'warn', 'shutdown deadline reached; closing open connections', {
          inFlight: state.inFlight,
        });
        clearInterval(poll);
        connections.closeAll();
        server.close();
        resolve(false);
      }, options.shutdownTimeoutMs);
    });
    return closing;
  };

  return { server, url: `http://${hostForUrl}:${port}`, port, close };
}
