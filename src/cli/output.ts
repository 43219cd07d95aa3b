/**
 * What a command does when its output cannot be written. `search sso > /dev/full` used to die with
 * Node's "Unhandled 'error' event" and a stack; now a full disk (ENOSPC), a read-only or missing
 * target (EROFS, EBADF) and the like end the command with one line on stderr and exit code 1, and
 * a reader that went away (`| head`: EPIPE) ends it quietly, as in other Unix tools.
 * Not for the stdio server: its transport owns stdout and reports write errors itself.
 */

/** Human words for the errors a write to stdout meets; Node's own message otherwise. */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EBADF: 'stdout is closed',
  EIO: 'input/output error',
};

export function describeWriteError(err: NodeJS.ErrnoException, target = 'stdout'): string {
  const code = err.code ?? 'error';
  const reason = REASONS[code] ?? err.message.replace(/^\w+:\s*/, '').split('\n')[0];
  return `cannot write to ${target}: ${reason} (${code}).`;
}

interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  setExitCode: (code: number) => void;
}

const guarded = new WeakSet<object>();

/** Once per stream pair: stdout write errors become one line on stderr and exit code 1. */
export function guardOutput(
  streams: Streams = {
    stdout: process.stdout,
    stderr: process.stderr,
    setExitCode: (code) => (process.exitCode = code),
  },
): void {
  if (guarded.has(streams.stdout)) return;
  guarded.add(streams.stdout);
  let reported = false;
  streams.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (reported) return;
    reported = true;
    if (err.code === 'EPIPE') return;
    streams.stderr.write(`workos-docs-mcp: ${describeWriteError(err)}\n`);
    streams.setExitCode(1);
  });
  // stderr itself on a full disk: nothing can be said, and Node must not print a stack there either.
  if (!guarded.has(streams.stderr)) {
    guarded.add(streams.stderr);
    streams.stderr.on('error', () => streams.setExitCode(1));
  }
}
