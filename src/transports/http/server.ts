/**
 * Opens the socket for the request listener and owns its lifecycle: listen, then a graceful close
 * that stops accepting, lets in-flight requests finish, and forces the rest after a deadline.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestListener, type AppDeps, type AppState } from './app.js';
import type { HttpOptions } from './options.js';
import { logEvent, stderrWriter } from './log.js';

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
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      // Connections freed by a finishing request would otherwise sit in keep-alive until their timeout.
      const idle = new Promise<void>((done) => {
        state.onIdle = () => {
          server.closeIdleConnections();
          done();
        };
        if (state.inFlight === 0) state.onIdle();
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
