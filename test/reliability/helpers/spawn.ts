import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENV_CANARY_NAME, ENV_CANARY_VALUE } from './hygiene.js';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
export const BIN = resolve(PROJECT_ROOT, 'dist/bin.js');

/** The end-to-end tests run the built binary: fail with the fix instead of a confusing spawn error. */
export function requireBuiltBin(): void {
  if (!existsSync(BIN))
    throw new Error(
      `${BIN} is missing: run "npm run build:code" (and "node dist/bin.js build" for data/corpus.json) first`,
    );
}

/** Environment for a spawned server: the env canary set, our corpus override, no inherited override. */
export function serverEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [ENV_CANARY_NAME]: ENV_CANARY_VALUE, ...extra };
  delete env.NODE_OPTIONS;
  delete env.VITEST;
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the binary to completion (or kills it after timeoutMs) and collects its output. */
export function runBin(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    input?: string;
    keepStdinOpen?: boolean;
    timeoutMs?: number;
  } = {},
): Promise<Finished> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: serverEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return collect(child, started, options.timeoutMs ?? 30_000, options.input, options.keepStdinOpen);
}

export function collect(
  child: ChildProcess,
  started: number,
  timeoutMs: number,
  input?: string,
  keepStdinOpen = false,
): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.stdin?.on('error', () => undefined);
  // A real MCP client keeps stdin open after its first message; closing it would be a reason to exit.
  if (input !== undefined && keepStdinOpen) child.stdin?.write(input);
  else if (input !== undefined) child.stdin?.end(input);
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

export function spawnBin(
  args: string[],
  options: SpawnOptions & { env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...options,
    env: serverEnv(options.env),
  });
}

/** Whether a process id is still running (signal 0 probes without killing; a zombie has exited). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // An orphan's exit is reaped by whatever adopted it; until then it is a zombie, not a running server.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}
