/**
 * Lifecycle of the stdio server: it goes away with its client. stdin closing ends it within 2 s,
 * SIGTERM mid-call ends it cleanly, and a parent killed with SIGKILL leaves no orphan behind.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantCanaryTree, type CanaryTree } from './helpers/canary.js';
import { report } from './helpers/report.js';
import { BIN, isAlive, requireBuiltBin, serverEnv } from './helpers/spawn.js';
import { StdioSession } from './helpers/stdio-session.js';

let tree: CanaryTree;
const started: StdioSession[] = [];
const orphans: number[] = [];

beforeAll(() => {
  requireBuiltBin();
  tree = plantCanaryTree();
});
afterAll(() => {
  for (const s of started) s.kill();
  for (const pid of orphans) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  tree?.remove();
});

function session(): StdioSession {
  const s = new StdioSession([], { env: { WORKOS_DOCS_MCP_CORPUS: tree.corpusFile }, cwd: tree.cwd });
  started.push(s);
  return s;
}

async function waitUntil(pred: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (pred()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return pred();
}

describe('stdio server lifecycle', () => {
  // Each case needs a fresh, loaded server; they start together so the corpus loads overlap.
  const sessions: Record<string, StdioSession> = {};
  beforeAll(async () => {
    for (const name of ['stdin', 'sigterm-idle', 'sigterm-busy', 'stdout-gone']) sessions[name] = session();
    await Promise.all(Object.values(sessions).map((s) => s.initialize()));
    // One real call each, answered: the corpus is loaded, so the exit times below measure the exit,
    // not a corpus load still running on a loaded machine (early signals: stdio-signal-handover.test.ts).
    await Promise.all(
      Object.values(sessions).map((s, i) =>
        s.request(`warm-${i}`, 'tools/call', { name: 'workos_search', arguments: { query: 'sso' } }, 60_000),
      ),
    );
  });

  it('exits 0 within 2 s when stdin closes', async () => {
    const s = sessions.stdin;
    const closedAt = performance.now();
    s.child.stdin?.end();
    const { code, at } = await s.exited;
    report('lifecycle', `stdin closed -> exit ${code} in ${Math.round(at - closedAt)} ms`);
    expect(code).toBe(0);
    expect(at - closedAt).toBeLessThan(2_000);
  });

  it('exits cleanly on SIGTERM while idle', async () => {
    const s = sessions['sigterm-idle'];
    const sentAt = performance.now();
    s.child.kill('SIGTERM');
    const { code, signal, at } = await s.exited;
    report('lifecycle', `SIGTERM idle -> exit ${code ?? signal} in ${Math.round(at - sentAt)} ms`);
    expect(code).toBe(0);
    expect(at - sentAt).toBeLessThan(2_000);
    expect(s.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('exits cleanly on SIGTERM during calls: each call is answered or dropped, never half-written', async () => {
    const s = sessions['sigterm-busy'];
    for (let i = 0; i < 200; i++) {
      s.send({
        jsonrpc: '2.0',
        id: `busy-${i}`,
        method: 'tools/call',
        params: { name: 'workos_search', arguments: { query: `organization directory sso ${i}` } },
      });
    }
    await s.waitFor((m) => String(m.id).startsWith('busy-'), 30_000);
    const sentAt = performance.now();
    s.child.kill('SIGTERM');
    const { code, at } = await s.exited;
    const answered = s.messages.filter((m) => String(m.id).startsWith('busy-')).length;
    report(
      'lifecycle',
      `SIGTERM during 200 calls -> exit ${code} in ${Math.round(at - sentAt)} ms, ${answered} answered`,
    );
    expect(code).toBe(0);
    expect(at - sentAt).toBeLessThan(2_000);
    // Every line that reached stdout is a whole JSON-RPC message.
    expect(s.violations).toEqual([]);
    expect(s.stdoutText.endsWith('\n') || s.stdoutText === '').toBe(true);
    expect(s.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('exits quietly when the client stops reading its stdout (EPIPE)', async () => {
    const s = sessions['stdout-gone'];
    s.child.stdout?.destroy();
    const sentAt = performance.now();
    for (let i = 0; i < 5; i++) s.send({ jsonrpc: '2.0', id: `gone-${i}`, method: 'ping' });
    const { code, at } = await s.exited;
    report('lifecycle', `stdout closed by the client -> exit ${code} in ${Math.round(at - sentAt)} ms`);
    expect(code).toBe(0);
    expect(at - sentAt).toBeLessThan(2_000);
    expect(s.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('leaves no orphan when its parent is killed with SIGKILL', async () => {
    // The parent holds the server's stdin pipe; when the parent dies the pipe closes and the server must follow.
    const parentScript = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, [${JSON.stringify(BIN)}], { stdio: ['pipe', 'pipe', 'ignore'], env: process.env });
      child.stdout.once('data', () => process.stdout.write(child.pid + '\\n'));
      child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'p', version: '0' } } }) + '\\n');
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['-e', parentScript], {
      cwd: tree.cwd,
      env: serverEnv({ WORKOS_DOCS_MCP_CORPUS: tree.corpusFile }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const serverPid = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server did not start under the parent')), 60_000);
      parent.stdout.setEncoding('utf8').once('data', (c: string) => {
        clearTimeout(timer);
        resolve(Number(c.trim()));
      });
    });
    orphans.push(serverPid);
    expect(isAlive(serverPid)).toBe(true);
    const killedAt = performance.now();
    parent.kill('SIGKILL');
    const gone = await waitUntil(() => !isAlive(serverPid), 3_000);
    report(
      'lifecycle',
      `parent SIGKILLed -> server ${gone ? `gone in ${Math.round(performance.now() - killedAt)} ms` : 'STILL RUNNING'}`,
    );
    expect(gone).toBe(true);
  });
});
