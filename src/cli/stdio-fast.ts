/**
 * The cold-start path of `workos-docs-mcp` with no arguments (what an MCP client launches). Before the
 * MCP SDK is imported, the client's handshake (initialize, tools/list, prompts/list, ...) is answered
 * from the answers the real server gave at build time (dist/handshake.json, see
 * transports/handshake-snapshot.ts). As soon as a request needs the real server, or the handshake has
 * gone quiet, the full server is imported and every line read so far is replayed to it, in order, so
 * its state (negotiated version, client capabilities, log level) is exactly as if it had read them
 * itself; its replies to requests already answered are dropped (and compared with what was sent).
 * No snapshot, a snapshot of another build or format, a TTY: straight to the normal server.
 */
import { existsSync, fstatSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PassThrough, Writable } from 'node:stream';
import { type HandshakeSnapshot, snapshotAnswer, validSnapshot } from '../transports/handshake-snapshot.js';
import { restoreStartFlags } from '../transports/heap-budget.js';
import { NO_CODE_CACHE_ENV, requireWithCodeCache } from './code-cache.js';
import { prefetchFile } from '../corpus/prefetch.js';
import { corpusFilesToTry } from '../lifecycle/corpus-location.js';

type ServeStdioModule = typeof import('./serve-stdio.js');

/**
 * The real server's code: the bundle's CommonJS copy through the V8 code cache (see code-cache.ts),
 * or the ES modules when there is no such file (running from source) or it cannot be used.
 */
async function loadServer(): Promise<ServeStdioModule> {
  // dist/chunks/*.js (bundle) and dist/cli/*.js (tsc) both sit one folder below dist/.
  const bundle = fileURLToPath(new URL('../chunks/stdio-server.cjs', import.meta.url));
  if (process.env[NO_CODE_CACHE_ENV] !== 'all' && existsSync(bundle)) {
    try {
      const startedWithGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
      return requireWithCodeCache(bundle, { restoreFlags: () => restoreStartFlags(startedWithGc) })
        .exports as ServeStdioModule;
    } catch (err) {
      process.stderr.write(
        `workos-docs-mcp: the bundled server did not load (${err instanceof Error ? err.message : String(err)}); using the modules\n`,
      );
    }
  }
  return import('./serve-stdio.js');
}

/** Same pacing as the deferred corpus load (serve-stdio.ts): hand over once the handshake goes quiet. */
const QUIET_MS = 40;
const LATEST_MS = 800;
export const NO_SNAPSHOT_ENV = 'WORKOS_DOCS_MCP_NO_HANDSHAKE_SNAPSHOT';

type Id = string | number;
const idKey = (id: Id): string => `${typeof id}:${id}`;

function readSnapshot(): HandshakeSnapshot | undefined {
  if (process.env[NO_SNAPSHOT_ENV]) return undefined;
  try {
    // dist/chunks/*.js (bundle) and dist/cli/*.js (tsc) both sit one folder below dist/.
    const snap: unknown = JSON.parse(readFileSync(new URL('../handshake.json', import.meta.url), 'utf8'));
    return validSnapshot(snap) ? snap : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The corpus file the server will load first, read on the thread pool while the handshake is answered
 * and the server's code loads (corpus/prefetch.ts); the loader takes the bytes if the file is unchanged.
 */
function prefetchCorpus(): void {
  try {
    const [first] = corpusFilesToTry();
    if (first) prefetchFile(first);
  } catch {
    /* the loader reads the file itself and reports what is wrong with it */
  }
}

/** A pipe or a file: anything else (a TTY for its banner, a directory for its error) takes the normal path. */
function plainStdin(): boolean {
  if (process.stdin.isTTY) return false;
  try {
    return !fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

export async function serveStdioFast(): Promise<void> {
  const snap = readSnapshot();
  if (!snap || !plainStdin()) return (await loadServer()).serveStdio();
  prefetchCorpus();

  const stdin = process.stdin;
  const consumed: Buffer[] = [];
  let tail: Buffer = Buffer.alloc(0);
  let version: string | undefined;
  /** What we answered, by request id, to check the real server's reply against. */
  const sent = new Map<string, string>();
  let ended = false;
  /** Set once a line needs the real server; until then, a client hanging up leaves nothing to do. */
  let needsServer = false;
  let quiet: NodeJS.Timeout | undefined;
  let settle!: (next: 'serve' | 'done') => void;
  const next = new Promise<'serve' | 'done'>((resolve) => (settle = resolve));
  const handOver = (): void => settle('serve');
  const latest = setTimeout(handOver, LATEST_MS);

  /** True when the line is answered (or needs no answer) without the real server. */
  const answerFast = (line: Buffer): boolean => {
    if (line.every((b) => b === 0x20 || b === 0x0d || b === 0x09)) return true;
    let msg: { jsonrpc?: unknown; id?: Id; method?: unknown; params?: Record<string, unknown> };
    try {
      msg = JSON.parse(line.toString('utf8')) as typeof msg;
    } catch {
      return false;
    }
    if (msg?.method === 'notifications/initialized' && version !== undefined && msg.id === undefined)
      return true;
    const answer = msg && typeof msg === 'object' ? snapshotAnswer(snap, version, msg) : undefined;
    if (!answer) return false;
    version = answer.version;
    // The SDK's key order, so the line is byte for byte what the real server would write.
    const text = JSON.stringify({ result: answer.result, jsonrpc: '2.0', id: msg.id });
    sent.set(idKey(msg.id as Id), JSON.stringify(answer.result));
    process.stdout.write(`${text}\n`);
    return true;
  };

  const onData = (chunk: Buffer): void => {
    consumed.push(chunk);
    let buf = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a)) {
      const line = buf.subarray(0, nl);
      buf = buf.subarray(nl + 1);
      if (!answerFast(line)) {
        needsServer = true;
        return handOver();
      }
    }
    tail = buf;
    clearTimeout(quiet);
    quiet = setTimeout(handOver, QUIET_MS);
  };
  const onEnd = (): void => {
    ended = true;
    // Every line was a handshake request, answered: the client is gone and asked nothing more, so
    // there is nothing the real server could add. (No line at all still goes to the real server:
    // a broken corpus must be reported even to a client that hangs up at once.)
    settle(nothingAsked() ? 'done' : 'serve');
  };
  const nothingAsked = (): boolean =>
    !needsServer && sent.size > 0 && tail.every((b) => b === 0x20 || b === 0x0d || b === 0x09);
  // Nothing to clean up yet: a client that stops the server during its handshake just gets an exit.
  const onSignal = (): void => process.exit(0);
  stdin.on('data', onData);
  stdin.once('end', onEnd);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  const outcome = await next;
  clearTimeout(quiet);
  clearTimeout(latest);
  stdin.off('data', onData);
  stdin.off('end', onEnd);
  stdin.pause();
  // Ours until the real server installs its own: a signal while its code loads still exits 0.
  // Dropped only once the server's own handlers are on (see `hold`): removing the last listener of a
  // signal closes node's watcher for it, and a signal that arrived while JavaScript was busy (say,
  // evaluating the server's modules) but not yet dispatched goes to that closed watcher and is lost:
  // SIGTERM 100-500 ms after the handshake then left the process running for ever (issue 16).
  const hold = (): void => undefined;
  const dropSignals = (): void => {
    process.on('SIGTERM', hold);
    process.on('SIGINT', hold);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
  const releaseHold = (): void => {
    process.off('SIGTERM', hold);
    process.off('SIGINT', hold);
  };
  if (outcome === 'done') return;

  const input = new PassThrough();
  input.write(Buffer.concat(consumed));
  if (ended) input.end();
  else {
    stdin.once('end', () => (ended = true));
    stdin.pipe(input);
  }
  const { serveStdio } = await loadServer();
  // The client may have hung up while the server code loaded (a cold import takes a moment).
  if (ended && nothingAsked()) return;
  // serveStdio installs the server's SIGTERM/SIGINT handlers before its first await; only then is the
  // placeholder removed, so the signal watchers stay open across the handover.
  dropSignals();
  const serving = serveStdio(undefined, { stdin: input, stdout: replyFilter(sent) });
  releaseHold();
  try {
    await serving;
  } finally {
    // The server stopped reading `input`; stdin itself must stop too, or an open pipe keeps the process alive.
    stdin.unpipe(input);
    stdin.pause();
  }
}

/**
 * stdout for the real server: its replies to requests the snapshot already answered are dropped (a
 * differing one means the snapshot is stale, said once on stderr); everything else passes through,
 * with the real stdout's back-pressure and errors.
 */
function replyFilter(sent: Map<string, string>): Writable {
  let warned = false;
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (sent.size > 0) {
        try {
          const msg = JSON.parse(chunk.toString('utf8')) as { id?: Id; method?: unknown; result?: unknown };
          const key = msg.id !== undefined && msg.method === undefined ? idKey(msg.id) : undefined;
          if (key !== undefined && sent.has(key)) {
            const ours = sent.get(key);
            sent.delete(key);
            if (!warned && ours !== JSON.stringify(msg.result)) {
              warned = true;
              process.stderr.write(
                'workos-docs-mcp: dist/handshake.json is out of date for this build (rebuild with "npm run build:code")\n',
              );
            }
            return callback();
          }
        } catch {
          /* not one whole message: pass it on */
        }
      }
      process.stdout.write(chunk, (err) => callback(err ?? null));
    },
    final(callback) {
      callback();
    },
  });
  process.stdout.on('error', (err) => out.destroy(err));
  return out;
}
