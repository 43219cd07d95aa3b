import type { ChildProcess } from 'node:child_process';
import { spawnBin } from './spawn.js';

export type Message = Record<string, unknown>;

/** Why a stdout line is not a JSON-RPC 2.0 message ('' when it is one). */
export function jsonRpcViolation(line: string): string {
  let m: unknown;
  try {
    m = JSON.parse(line);
  } catch {
    return `not JSON: ${line.slice(0, 120)}`;
  }
  if (!m || typeof m !== 'object' || Array.isArray(m)) return `not an object: ${line.slice(0, 120)}`;
  const msg = m as Message;
  if (msg.jsonrpc !== '2.0') return `jsonrpc is not "2.0": ${line.slice(0, 120)}`;
  const hasId = typeof msg.id === 'string' || typeof msg.id === 'number';
  if (typeof msg.method === 'string')
    return 'id' in msg && !hasId ? `bad request id: ${line.slice(0, 120)}` : '';
  if ('result' in msg === 'error' in msg)
    return `a response needs exactly one of result/error: ${line.slice(0, 120)}`;
  if ('result' in msg && !hasId) return `result without id: ${line.slice(0, 120)}`;
  if ('error' in msg) {
    const e = msg.error as { code?: unknown; message?: unknown };
    if (!Number.isInteger(e?.code) || typeof e?.message !== 'string')
      return `malformed error object: ${line.slice(0, 120)}`;
    if ('id' in msg && !hasId && msg.id !== null) return `bad error id: ${line.slice(0, 120)}`;
  }
  return '';
}

/** A spawned stdio server with a line reader on stdout and helpers to talk raw JSON-RPC to it. */
export class StdioSession {
  readonly child: ChildProcess;
  readonly messages: Message[] = [];
  readonly violations: string[] = [];
  stdoutText = '';
  stderr = '';
  private buffer = '';
  private waiters: { pred: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;

  constructor(args: string[] = [], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
    this.child = spawnBin(args, { env: options.env, cwd: options.cwd });
    this.child.stdin?.on('error', () => undefined);
    this.child.stdout?.setEncoding('utf8').on('data', (c: string) => this.onStdout(c));
    this.child.stderr?.setEncoding('utf8').on('data', (c: string) => (this.stderr += c));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
    );
  }

  private onStdout(chunk: string): void {
    this.stdoutText += chunk;
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      const violation = jsonRpcViolation(line);
      if (violation) {
        this.violations.push(violation);
        continue;
      }
      const msg = JSON.parse(line) as Message;
      this.messages.push(msg);
      for (const w of [...this.waiters]) {
        if (w.pred(msg)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(msg);
        }
      }
    }
  }

  write(text: string): void {
    this.child.stdin?.write(text);
  }

  send(message: Message): void {
    this.write(`${JSON.stringify(message)}\n`);
  }

  /** The next message (seen from `since` on) matching pred; rejects after timeoutMs or when the server exits. */
  waitFor(pred: (m: Message) => boolean, timeoutMs = 15_000, since = 0): Promise<Message> {
    const seen = this.messages.slice(since).find(pred);
    if (seen) return Promise.resolve(seen);
    const waiting = new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no matching message within ${timeoutMs} ms; stderr: ${this.stderr.slice(-1000)}`),
          ),
        timeoutMs,
      );
      this.waiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
      void this.exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`server exited; stderr: ${this.stderr.slice(-1000)}`));
      });
    });
    // A test that fails earlier may never await this one; its rejection must not become unhandled.
    waiting.catch(() => undefined);
    return waiting;
  }

  response(id: string | number, timeoutMs?: number): Promise<Message> {
    return this.waitFor((m) => m.id === id && ('result' in m || 'error' in m), timeoutMs);
  }

  async request(id: string | number, method: string, params?: unknown, timeoutMs?: number): Promise<Message> {
    const answer = this.response(id, timeoutMs);
    this.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    return answer;
  }

  async initialize(): Promise<Message> {
    const result = await this.request(
      'init',
      'initialize',
      { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'abuse', version: '0' } },
      60_000,
    );
    this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return result;
  }

  /** The server still answers: a ping round trip. */
  async alive(tag: string): Promise<boolean> {
    const r = await this.request(`alive-${tag}`, 'ping', undefined, 15_000);
    return 'result' in r;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
