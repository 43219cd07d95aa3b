/**
 * Opens the socket for the request listener and owns its lifecycle: listen, then a graceful close
 * that stops accepting, lets in-flight requests finish, and forces the rest after a deadline.
 */
import { createServer, type Server } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { createRequestListener, type AppDeps, type AppState } from './app.js';
import type { HttpOptions } from './options.js';
import { logEvent, stderrWriter } from './log.js';

/** How long a shutdown keeps accepting, so connections already on their way are served rather than reset. */
const SETTLE_MS = 300;
const IDLE_CHECK_MS = 50;

export interface RunningHttpServer {
  server: Server;
  /** Base URL clients use, e.g. http://127.0.0.1:3000 (the MCP endpoint is `${url}/mcp`). */
  url: string;
  port: number;
  /** Graceful stop; resolves true when every in-flight request finished before the deadline. */
  close(): Promise<boolean>;
}

export async function startHttpServer(options: HttpOptions, deps: AppDeps): Promise<RunningHttpServer> {
  const state: AppState = { draining: false, inFlight: 0 };
  const server = createServer(createRequestListener(options, deps, state));
  // Cloud load balancers keep idle upstream connections ~60 s; closing ours sooner races them into 502s.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
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
      state.draining = true;
      let closed: Promise<void> = Promise.resolve();
      const idle = new Promise<void>((done) => {
        // Keep accepting for a moment: connections already queued in the kernel backlog (or whose request is
        // still in transit) would be reset by an immediate close. Meanwhile /healthz says 503 and every answer
        // carries `Connection: close`, so balancers and clients move on.
        setTimeout(() => {
          // net.Server's close, not http.Server's: the latter also drops "idle" connections, which includes
          // a connection whose request has not been parsed yet.
          closed = new Promise<void>((stopped) => NetServer.prototype.close.call(server, () => stopped()));
          logEvent(deps.log ?? stderrWriter, 'info', 'stopped accepting connections', { inFlight: state.inFlight });
          // From here on, whenever nothing is in flight, keep-alive connections are closed — after one more
          // trip through the event loop, so a request already in a socket buffer is parsed (and so no longer
          // "idle") instead of being cut off with a reset.
          state.onIdle = () => {
            setTimeout(() => {
              if (state.inFlight > 0) return;
              server.closeIdleConnections();
              done();
            }, IDLE_CHECK_MS).unref();
          };
          if (state.inFlight === 0) state.onIdle();
        }, SETTLE_MS).unref();
      });
      const deadline = setTimeout(() => {
        logEvent(deps.log ?? stderrWriter, 'warn', 'shutdown deadline reached; closing open connections', {
          inFlight: state.inFlight,
        });
        server.closeAllConnections();
        resolve(false);
      }, options.shutdownTimeoutMs);
      deadline.unref();
      void idle
        .then(() => closed)
        .then(() => {
          clearTimeout(deadline);
          resolve(true);
        });
    });
    return closing;
  };

  return { server, url: `http://${hostForUrl}:${port}`, port, close };
}
