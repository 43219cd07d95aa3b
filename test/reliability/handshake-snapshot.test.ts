/**
 * The cold-start handshake answered from dist/handshake.json must be indistinguishable from the real
 * server's: for every protocol version the snapshot holds, the same session (handshake, listings, a
 * garbage line, a second initialize, then real calls) gets byte-identical replies with the snapshot
 * and without it, and the session goes on working after the hand-over.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_SNAPSHOT_ENV } from '../../src/cli/stdio-fast.js';
import { BIN, PROJECT_ROOT, requireBuiltBin, serverEnv } from './helpers/spawn.js';

type Reply = { id?: unknown; method?: unknown; result?: unknown; error?: unknown };

function session(version: string): string[] {
  const rpc = (id: number, method: string, params?: object) =>
    JSON.stringify({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
  return [
    rpc(1, 'initialize', {
      protocolVersion: version,
      capabilities: {},
      clientInfo: { name: 't', version: '0' },
    }),
    JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    rpc(2, 'tools/list'),
    rpc(3, 'prompts/list'),
    rpc(4, 'resources/templates/list'),
    rpc(5, 'ping'),
    rpc(6, 'tools/list', { cursor: 'x' }),
    'not json',
    rpc(7, 'initialize', {
      protocolVersion: version,
      capabilities: {},
      clientInfo: { name: 't', version: '0' },
    }),
    rpc(8, 'tools/call', { name: 'workos_search', arguments: { query: 'SSO with Okta' } }),
    rpc(9, 'resources/list'),
  ];
}
const IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Writes the session line by line (a real client waits for initialize first) and collects replies by id. */
function run(version: string, snapshot: boolean): Promise<{ replies: Map<unknown, string>; stderr: string }> {
  const env = serverEnv(snapshot ? {} : { [NO_SNAPSHOT_ENV]: '1' });
  const child = spawn(process.execPath, [BIN], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const replies = new Map<unknown, string>();
  let stderr = '';
  let buf = '';
  const lines = session(version);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new Error(`no complete session after 60 s (${[...replies.keys()].join(',')}); stderr: ${stderr}`),
      );
    }, 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const msg = JSON.parse(line) as Reply;
        if (msg.method !== undefined) continue; // log notifications, server requests
        replies.set(msg.id ?? `error:${replies.size}`, line);
        if (msg.id === 1)
          child.stdin.write(
            lines
              .slice(1)
              .map((l) => `${l}\n`)
              .join(''),
          );
        if (IDS.every((id) => replies.has(id))) {
          clearTimeout(timer);
          child.stdin.end();
          child.on('close', () => resolvePromise({ replies, stderr }));
        }
      }
    });
    child.stdin.write(`${lines[0]}\n`);
  });
}

const snapshotFile = resolve(PROJECT_ROOT, 'dist/handshake.json');
let versions: string[] = [];
beforeAll(() => {
  requireBuiltBin();
  versions = Object.keys((JSON.parse(readFileSync(snapshotFile, 'utf8')) as { versions: object }).versions);
});

describe('handshake snapshot', () => {
  it('covers every protocol version with the handshake methods', () => {
    expect(versions.length).toBeGreaterThanOrEqual(4);
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { versions: Record<string, object> };
    for (const v of versions)
      expect(Object.keys(snap.versions[v]).sort()).toEqual(
        ['initialize', 'ping', 'prompts/list', 'resources/templates/list', 'tools/list'].sort(),
      );
  });

  it('gives the same replies as the real server, for every recorded protocol version', async () => {
    for (const version of versions) {
      const [fast, slow] = await Promise.all([run(version, true), run(version, false)]);
      expect(fast.stderr, version).not.toContain('out of date');
      for (const id of IDS) expect(fast.replies.get(id), `${version} id ${id}`).toBe(slow.replies.get(id));
      // The garbage line's parse error (no id) is there too.
      expect([...fast.replies.values()].filter((l) => l.includes('-32700'))).toHaveLength(1);
      const search = JSON.parse(fast.replies.get(8)!) as {
        result: { isError?: boolean; content: unknown[] };
      };
      expect(search.result.isError).not.toBe(true);
      expect(search.result.content.length).toBeGreaterThan(0);
    }
  });
});
