/** Starting the built server over HTTP for a chaos scenario, and small HTTP helpers. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';

export interface HttpServerProcess {
  child: ChildProcess;
  url: string;
  log: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startHttp(
  bin: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<HttpServerProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--http', '--port', '0', '--no-access-log', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  const log: Record<string, unknown>[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  let buf = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 60_000);
    child.stderr!.setEncoding('utf8').on('data', (c: string) => {
      buf += c;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          log.push(entry);
          if (entry.msg === 'listening' || entry.msg === 'cluster ready') {
            if (typeof entry.url === 'string') {
              clearTimeout(timer);
              resolve(entry.url.replace(/\/mcp$/, ''));
            }
          }
        } catch {
          /* not a log line */
        }
      }
    });
    void exited.then(() => reject(new Error('server exited while starting')));
  });
  return { child, url, log, exited };
}

export interface Answer {
  status: number;
  ms: number;
  text: string;
  error?: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface CallOptions {
  headers?: Record<string, string>;
  agent?: import('node:http').Agent | false;
  timeoutMs?: number;
}

export function post(url: string, body: string, options: CallOptions = {}): Promise<Answer> {
  return httpCall(url, 'POST', body, options);
}

export function httpCall(
  url: string,
  method: string,
  body: string | undefined,
  options: CallOptions = {},
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    // A request or response error is an answer too: status 0 with the error's code.
    const failed = (e: Error) =>
      resolve({
        status: 0,
        ms: performance.now() - started,
        text: '',
        error: (e as NodeJS.ErrnoException).code ?? e.message,
        headers: {},
      });
    const req = request(
      url,
      {
        method,
        agent: options.agent ?? false,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2025-06-18',
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            text: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
        res.on('error', failed);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error('HUNG')), options.timeoutMs ?? 30_000);
    req.on('close', () => clearTimeout(timer));
    req.on('error', failed);
    req.end(body);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
