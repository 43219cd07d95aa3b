import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { serverVersion } from '../core/info.js';
import type { Runtime } from '../core/runtime.js';
import {
  type HandshakeSnapshot,
  SNAPSHOT_FORMAT,
  SNAPSHOT_METHODS,
  type SnapshotMethod,
} from '../transports/handshake-snapshot.js';
import { createServer } from './create-server.js';

/** A request that needs the corpus never answers here (the runtime never loads): it is not recorded. */
const ANSWER_WAIT_MS = 2000;

/**
 * Asks a real server (whose corpus never loads) each snapshot method under each protocol version it
 * supports, the way a client's handshake would, and records the results. Whatever the server answers
 * without its corpus is, by construction, what a starting server would answer.
 */
export async function recordHandshake(): Promise<HandshakeSnapshot> {
  const versions: HandshakeSnapshot['versions'] = {};
  for (const version of SUPPORTED_PROTOCOL_VERSIONS) versions[version] = await recordVersion(version);
  return { format: SNAPSHOT_FORMAT, server: serverVersion(), versions };
}

async function recordVersion(version: string): Promise<Partial<Record<SnapshotMethod, unknown>>> {
  const never = new Promise<Runtime>(() => undefined);
  const server = createServer(never);
  const [client, side] = InMemoryTransport.createLinkedPair();
  const waiting = new Map<number, (m: JSONRPCMessage) => void>();
  client.onmessage = (m) => {
    if ('id' in m && !('method' in m)) waiting.get(m.id as number)?.(m);
  };
  await server.connect(side);
  await client.start();
  let id = 0;
  const ask = async (method: string, params?: Record<string, unknown>): Promise<unknown> => {
    const n = ++id;
    const reply = new Promise<JSONRPCMessage | undefined>((resolve) => {
      waiting.set(n, resolve);
      setTimeout(() => resolve(undefined), ANSWER_WAIT_MS).unref();
    });
    await client.send({ jsonrpc: '2.0', id: n, method, ...(params ? { params } : {}) });
    const m = (await reply) as { result?: unknown } | undefined;
    return m?.result;
  };
  const out: Partial<Record<SnapshotMethod, unknown>> = {};
  out.initialize = await ask('initialize', {
    protocolVersion: version,
    capabilities: {},
    clientInfo: { name: 'handshake-recorder', version: '0' },
  });
  await client.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  for (const method of SNAPSHOT_METHODS) {
    if (method === 'initialize') continue;
    const result = await ask(method);
    if (result !== undefined) out[method] = result;
  }
  await server.close();
  return out;
}
