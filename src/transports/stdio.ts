import { fstatSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Runtime } from '../core/runtime.js';
import { createServer } from '../server/create-server.js';
import { heapBudget } from './heap-budget.js';
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

/**
 * Node reads a directory on fd 0 as an empty stream, so `workos-docs-mcp < some/dir` would exit 0 having
 * done nothing. Say so instead (the caller prints it and exits 1).
 */
function refuseUnusableStdin(): void {
  let isDirectory = false;
  try {
    isDirectory = fstatSync(0).isDirectory();
  } catch {
    return; // No fd 0 to inspect (closed): the stream reports its own error.
  }
  if (isDirectory)
    throw new Error('cannot read stdin: it is a directory; an MCP client must connect a pipe to stdin');
}

/** How long answers to requests already read may take once stdin has closed (lifecycle: exit within 2 s). */
const STDIN_DRAIN_MS = 1500;
/** After a signal, the longest the process may linger once the server has been asked to close. */
const SIGNAL_EXIT_MS = 1_000;
/** Longest wait for a corpus load still running when stdin closes. */
const LOAD_BACKSTOP_MS = 15_000;
/**
 * After the corpus failed to load, requests are still answered (each with the load error, which names
 * the rebuild command): the server waits for the client's first call that needs the corpus (up to
 * LOAD_FAILURE_FIRST_CALL_MS), then until the client has been quiet for LOAD_FAILURE_QUIET_MS, so a
 * client that makes its first calls gets answers rather than a dropped connection. Bounded in all.
 */
const LOAD_FAILURE_FIRST_CALL_MS = 3000;
const LOAD_FAILURE_QUIET_MS = 300;
const LOAD_FAILURE_MAX_MS = 10_000;
/** Requests answered without the corpus: they do not count as the client's first real call. */
const WITHOUT_CORPUS = new Set([
  'initialize',
  'ping',
  'tools/list',
  'prompts/list',
  'resources/templates/list',
  'logging/setLevel',
]);

export interface StdioOptions {
  stdin?: Readable & { isTTY?: boolean };
  stdout?: Writable;
  stderr?: Writable;
  /** Told the method of every incoming message before it is handled (lets the caller schedule loading). */
  onMessage?: (method: string | undefined, isRequest: boolean) => void;
  /** Told after each reply is handed to stdout, and whether every request read so far is answered. */
  onReply?: (idle: boolean) => void;
  /** Told when stdin ends, before the session drains (a deferred load must start now to report its errors). */
  onInputEnd?: () => void;
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
  if (!options.stdin) refuseUnusableStdin();
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  if (stdin.isTTY) stderr.write(TTY_BANNER);

  // The client starts a stdio server in the workspace: without roots, that folder is the project.
  const server = createServer(runtime, { projectCwd: process.cwd() });
  // Not the SDK's StdioServerTransport: it closes the session on one oversized line (see json-lines.ts).
  const transport = new JsonLinesTransport(stdin, stdout);
  const budget = heapBudget();
  void Promise.resolve(runtime).then(
    () => budget.loaded(),
    () => undefined,
  );
  const send = transport.send.bind(transport);
  // A reply handed over is the moment to see whether the heap needs collecting (heap-budget.ts).
  transport.send = async (message) => {
    await send(message);
    if ('id' in message && !('method' in message)) {
      budget.answered();
      options.onReply?.(transport.isIdle());
    }
  };
  let loadError: unknown;
  await new Promise<void>((resolve) => {
    let closing = false;
    const close = () => {
      if (closing) return;
      closing = true;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stdin.off('end', inputEnded);
      stdin.off('close', inputEnded);
      server
        .close()
        .catch(() => undefined)
        .finally(resolve);
    };
    // stdin ending is the client saying goodbye: answer what it already asked (bounded), then go.
    let ending = false;
    const inputEnded = () => {
      if (ending) return;
      ending = true;
      options.onInputEnd?.();
      // Let a load in progress settle first, so a broken corpus still ends the process with its error.
      // The answer deadline starts once the corpus is there: on a loaded machine the load alone can take
      // longer than it, and the requests already read would be dropped unanswered. The outer bound
      // only guards against a load that never ends.
      const backstop = setTimeout(close, LOAD_BACKSTOP_MS);
      let deadline: NodeJS.Timeout | undefined;
      const settled = Promise.resolve(runtime).then(
        () => undefined,
        () => undefined,
      );
      void settled
        .then(() => {
          deadline = setTimeout(close, STDIN_DRAIN_MS);
          return transport.whenIdle();
        })
        .then(() => {
          clearTimeout(backstop);
          clearTimeout(deadline);
          close();
        });
    };
    transport.onclose = close;
    stdin.on('end', inputEnded);
    stdin.on('close', inputEnded);
    // A signal is the supervisor's word: close, and should anything still hold the process after
    // SIGNAL_EXIT_MS (a rare hang after SIGTERM while idle, root cause not yet found), exit anyway.
    // The timer is unref'd, so a clean close exits sooner on its own.
    const onSignal = () => {
      setTimeout(() => process.exit(0), SIGNAL_EXIT_MS).unref();
      close();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let lastMessageAt = performance.now();
    let realCalls = 0;
    Promise.resolve(runtime).catch((err: unknown) => {
      loadError = err;
      void answerThenClose();
    });
    // Every handler that needs the corpus rejects with the load error (tools as isError results):
    // let those answers out, and the ones to requests arriving just after, then go.
    const answerThenClose = async () => {
      const giveUp = setTimeout(close, LOAD_FAILURE_MAX_MS);
      giveUp.unref();
      const failedAt = performance.now();
      while (realCalls === 0 && !closing && performance.now() - failedAt < LOAD_FAILURE_FIRST_CALL_MS)
        await new Promise((r) => setTimeout(r, 50));
      for (;;) {
        await transport.whenIdle();
        const quiet = performance.now() - lastMessageAt;
        if (quiet >= LOAD_FAILURE_QUIET_MS || closing) break;
        await new Promise((r) => setTimeout(r, LOAD_FAILURE_QUIET_MS - quiet));
      }
      clearTimeout(giveUp);
      close();
    };
    const connecting = server.connect(transport);
    // connect() installs the server's message handler synchronously; see every message first.
    const handle = transport.onmessage;
    if (handle)
      transport.onmessage = (message, extra) => {
        lastMessageAt = performance.now();
        if ('method' in message && 'id' in message && !WITHOUT_CORPUS.has(message.method)) realCalls++;
        options.onMessage?.(
          'method' in message ? message.method : undefined,
          'method' in message && 'id' in message,
        );
        handle(message, extra);
      };
    connecting.catch((err: unknown) => {
      stderr.write(
        `workos-docs-mcp: cannot start stdio server: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      close();
    });
  });
  if (loadError !== undefined) throw loadError;
  // stdin a directory, stdout on a full disk: the session could not work; say why and exit non-zero.
  if (transport.failure) throw transport.failure;
}
