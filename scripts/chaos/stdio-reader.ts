/**
 * Item 1 scenario: a client that pipes many large `workos_docs` calls into the stdio server and never
 * reads stdout. Samples the server's RSS; then reads stdout for a while to show the session still works.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface StdioReaderResult {
  calls: number;
  windowMs: number;
  peakRssMiB: number;
  rssAtEndMiB: number;
  aliveAfterWindow: boolean;
  answeredAfterResume: number;
  stderrTail: string;
}

export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

export async function stdioReader(
  bin: string,
  calls = 20_000,
  windowMs = 15_000,
): Promise<StdioReaderResult> {
  const child = spawn(process.execPath, [bin], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
  child.stdout.pause(); // the reader is asleep
  child.stdin.on('error', () => undefined);
  const init = {
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'chaos', version: '0' } },
  };
  const paths = [
    'sso',
    'user-management',
    'directory-sync',
    'reference/sso',
    'authkit',
    'audit-logs',
    'fga',
    'events',
  ];
  let sent = 0;
  let exited = false;
  child.once('exit', () => (exited = true));
  const write = (): void => {
    while (sent <= calls && !exited) {
      const msg =
        sent === 0
          ? init
          : {
              jsonrpc: '2.0',
              id: sent,
              method: 'tools/call',
              params: {
                name: 'workos_docs',
                arguments: { path: paths[sent % paths.length], maxTokens: 20_000 },
              },
            };
      sent += 1;
      const ok = child.stdin.write(`${JSON.stringify(msg)}\n`);
      if (sent === 1)
        child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
      if (!ok) return void child.stdin.once('drain', write);
    }
  };
  write();
  let peak = 0;
  const started = Date.now();
  while (Date.now() - started < windowMs && !exited) {
    peak = Math.max(peak, rssMiB(child.pid!));
    await new Promise((r) => setTimeout(r, 200));
  }
  const rssAtEnd = rssMiB(child.pid!);
  const alive = !exited;
  let answered = 0;
  let buf = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    buf += c;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      answered += 1;
      buf = buf.slice(nl + 1);
    }
  });
  child.stdout.resume();
  await new Promise((r) => setTimeout(r, 3000));
  child.kill('SIGKILL');
  return {
    calls,
    windowMs,
    peakRssMiB: peak,
    rssAtEndMiB: rssAtEnd,
    aliveAfterWindow: alive,
    answeredAfterResume: answered,
    stderrTail: stderr.split('\n').filter(Boolean).slice(-3).join(' | '),
  };
}
