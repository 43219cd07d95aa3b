import type { Readable, Writable } from 'node:stream';
import type { Runtime } from '../core/runtime.js';
import { createServer } from '../server/create-server.js';
import { JsonLinesTransport } from './json-lines.js';

/** What a person who started the server by hand sees instead of a silent, hanging terminal. */
export const TTY_BANNER = `workos-docs-mcp is an MCP server: it speaks JSON-RPC on stdin/stdout and is meant to be started by an AI client.

Add it to a client, for example:
  Claude Code:  claude mcp add workos-docs -- npx -y workos-docs-mcp
  Cursor / VS Code / Windsurf: add {"command": "npx", "args": ["-y", "workos-docs-mcp"]} to the MCP servers config

Or use it yourself from the terminal:
  workos-docs-mcp search "SSO with Okta"      workos-docs-mcp read sso/jit-provisioning
  workos-docs-mcp --help

Waiting for a client on stdin (Ctrl+C to quit).
`;

export interface StdioOptions {
  stdin?: Readable & { isTTY?: boolean };
  stdout?: Writable;
  stderr?: Writable;
}

/**
 * Serves one MCP session over stdin/stdout until the client goes away: stdin closing, SIGINT or
 * SIGTERM all close the server and resolve, so the process exits on its own. stdout carries only
 * JSON-RPC; everything for humans goes to stderr.
 *
 * Pass the runtime as a promise to answer the handshake while the corpus loads; if loading fails,
 * the server closes and this rejects with the (one-line, actionable) load error.
 */
export async function runStdioServer(
  runtime: Runtime | Promise<Runtime>,
  options: StdioOptions = {},
): Promise<void> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  if (stdin.isTTY) stderr.write(TTY_BANNER);

  const server = createServer(runtime);
  // Not the SDK's StdioServerTransport: it closes the session on one oversized line (see json-lines.ts).
  const transport = new JsonLinesTransport(stdin, stdout);
  let loadError: unknown;
  await new Promise<void>((resolve) => {
    let closing = false;
    const close = () => {
      if (closing) return;
      closing = true;
      process.off('SIGINT', close);
      process.off('SIGTERM', close);
      stdin.off('end', close);
      stdin.off('close', close);
      server
        .close()
        .catch(() => undefined)
        .finally(resolve);
    };
    transport.onclose = close;
    stdin.on('end', close);
    stdin.on('close', close);
    process.on('SIGINT', close);
    process.on('SIGTERM', close);
    Promise.resolve(runtime).catch((err: unknown) => {
      loadError = err;
      close();
    });
    server.connect(transport).catch((err: unknown) => {
      stderr.write(
        `workos-docs-mcp: cannot start stdio server: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      close();
    });
  });
  if (loadError !== undefined) throw loadError;
}
