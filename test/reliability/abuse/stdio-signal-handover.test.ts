/**
 * The rare idle-SIGTERM hang of the stdio server (lifecycle.test.ts, 1 run in 3), found: the fast
 * handshake path removed its SIGTERM/SIGINT listeners before the real server added its own. Removing
 * a signal's last listener closes node's watcher for it, and a SIGTERM that had arrived while
 * JavaScript was busy (evaluating the server's modules after the handover) but was not dispatched yet
 * went to the closed watcher and was dropped: the process then ran until killed. Sent 100-500 ms after
 * the handshake, 12 of 14 SIGTERMs were lost this way; the 1 s exit backstop never armed, since it is
 * set by the handler that never ran.
 */
import { describe, expect, it } from 'vitest';
import { requireBuiltBin, spawnBin } from '../helpers/spawn.js';

/** Where the handover falls on a fast or a loaded machine: shortly after the handshake goes quiet. */
const OFFSETS_MS = [60, 120, 200, 300, 450];
/** A lost signal leaves the process running for ever; this is only the bound on waiting for it. */
const GIVE_UP_MS = 10_000;

function sigtermAfterHandshake(offsetMs: number): Promise<{ code: number | null; signal: string | null }> {
  const child = spawnBin([]);
  child.stdout!.setEncoding('utf8');
  child.stderr!.resume();
  return new Promise((resolve) => {
    let out = '';
    let sent = false;
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (sent || !out.includes('"id":1')) return;
      sent = true;
      child.stdin!.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
      setTimeout(() => {
        child.kill('SIGTERM');
        const giveUp = setTimeout(() => child.kill('SIGKILL'), GIVE_UP_MS);
        child.once('exit', () => clearTimeout(giveUp));
      }, offsetMs);
    });
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.stdin!.write(
      `${JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'sig', version: '0' },
        },
      })}\n`,
    );
  });
}

describe('SIGTERM around the handover from the fast handshake to the real server', () => {
  it(`exits 0 for a SIGTERM ${OFFSETS_MS.join(', ')} ms after the handshake (stdin kept open)`, async () => {
    requireBuiltBin();
    const results = [];
    for (const offset of OFFSETS_MS) results.push({ offset, ...(await sigtermAfterHandshake(offset)) });
    expect(results).toEqual(OFFSETS_MS.map((offset) => ({ offset, code: 0, signal: null })));
  }, 90_000);
});
