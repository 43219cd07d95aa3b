/**
 * Issue 16 items 3 and 4, --workers (node:cluster):
 * 3. A connection handed to a worker that dies before accepting it hung forever: under the default
 *    round-robin policy the primary accepts and passes the socket over IPC, and the hand-off to a dead
 *    worker is never answered. A stopped worker (SIGSTOP) makes the window as wide as we like.
 * 4. A replacement worker that failed during start-up stopped the whole cluster, healthy workers too.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../http/helpers.js';
import { spawnServer, type ServerProcess } from '../../../harness/process.js';

const FIXTURE = ['--import', 'tsx', 'test/reliability/abuse/fixtures/spin-serve.ts'];
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

let proc: ServerProcess | undefined;
const stopped: number[] = [];
afterEach(async () => {
  for (const pid of stopped.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  if (proc && proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
  await proc?.exited;
  proc = undefined;
});

async function cluster(env: NodeJS.ProcessEnv = {}) {
  proc = spawnServer(process.execPath, [...FIXTURE, '2'], {
    SPIN_HTTP_OPTIONS: JSON.stringify({ accessLog: false }),
    ...env,
  });
  await proc.waitFor((l) => l.msg === 'cluster ready');
  const workers = proc.lines.filter((l) => l.msg === 'listening');
  return {
    base: String(workers[0].url).replace(/\/mcp$/, ''),
    pids: workers.map((l) => l.pid as number),
  };
}

/** A /healthz that resolves to 'hung' if nothing (no answer, no close) comes within ms. */
function probe(base: string, ms: number): Promise<string> {
  return Promise.race([
    rawRequest(`${base}/healthz`, { method: 'GET', newConnection: true }).then(
      (r) => `status ${r.status}`,
      (e: Error) => `error ${e.message}`,
    ),
    delay(ms).then(() => 'hung'),
  ]);
}

describe('cluster worker failures', () => {
  it('leaves no connection hanging when a worker dies before accepting it', async () => {
    const { base, pids } = await cluster();
    const [victim] = pids;
    process.kill(victim, 'SIGSTOP');
    stopped.push(victim);
    // With round-robin about half of these are handed to the stopped worker and wait in its IPC pipe.
    const probes = Array.from({ length: 8 }, () => probe(base, 8_000));
    await delay(1_000);
    process.kill(victim, 'SIGKILL');
    const outcomes = await Promise.all(probes);
    expect(outcomes.filter((o) => o === 'hung')).toEqual([]);
    // The healthy worker answered them (none was accepted by the stopped one, so none was lost).
    expect(outcomes.filter((o) => o === 'status 200').length).toBe(8);
  }, 40_000);

  it('keeps serving when a replacement worker fails at start-up, and retries it with back-off', async () => {
    const failFile = join(tmpdir(), `wdm-fail-${process.pid}-${Date.now()}`);
    try {
      const { base, pids } = await cluster({ SPIN_FAIL_FILE: failFile });
      writeFileSync(failFile, 'x');
      process.kill(pids[0], 'SIGKILL');
      await proc!.waitFor((l) => String(l.msg).startsWith('replacement worker failed to start'), 20_000);
      // The other worker still serves, and the cluster keeps running.
      expect(await probe(base, 5_000)).toBe('status 200');
      expect(proc!.lines.some((l) => /stopping the cluster/.test(String(l.msg)))).toBe(false);
      rmSync(failFile);
      await proc!.waitFor((l) => l.msg === 'listening' && !pids.includes(l.pid as number), 20_000);
      expect(await probe(base, 5_000)).toBe('status 200');
      // Stopped right after the replacement's 'listening' line: on a busy machine the replacement used
      // to be descheduled between that line and its SIGTERM handler, and died of the signal itself
      // (code null, signal SIGTERM; ~1 in 25 runs under two CPU hogs, 0 in 32 since the handler is
      // held from before the server listens).
      proc!.child.kill('SIGTERM');
      // the last log lines say which process did not stop cleanly, should this ever fail again
      expect((await proc!.exited).code, JSON.stringify(proc!.lines.slice(-20))).toBe(0);
    } finally {
      rmSync(failFile, { force: true });
    }
  }, 60_000);
});
