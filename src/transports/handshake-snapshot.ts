/**
 * The answers a stdio server gives before it needs its corpus (initialize, tools/list, ...), recorded
 * from the real server at build time (scripts/handshake-snapshot.ts) into dist/handshake.json, so a
 * starting process can answer the client's handshake before the MCP SDK is even imported: the SDK and
 * zod take longer to load than the whole start-up of the package we replace.
 *
 * Kept free of SDK imports on purpose: this module is what a cold start loads first.
 */

/** Bumped when the shape below changes; a file of another format is ignored (the SDK path answers). */
export const SNAPSHOT_FORMAT = 1;

/** Requests answered from the snapshot, each only with the params shapes listed in `answerable`. */
export const SNAPSHOT_METHODS = [
  'initialize',
  'ping',
  'tools/list',
  'prompts/list',
  'resources/templates/list',
] as const;
export type SnapshotMethod = (typeof SNAPSHOT_METHODS)[number];

export interface HandshakeSnapshot {
  format: number;
  /** Identifies the build that recorded it (package version + server code fingerprint). */
  server: string;
  /** Per negotiated protocol version: the result of each method, exactly as the server sends it. */
  versions: Record<string, Partial<Record<SnapshotMethod, unknown>>>;
}

interface Rpc {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: Record<string, unknown>;
}

/**
 * The snapshot's answer to one request, or undefined when only the real server may answer: an unknown
 * method, params the recording did not cover (a cursor, a client capability the answer could depend
 * on), or a protocol version it did not record.
 */
export function snapshotAnswer(
  snap: HandshakeSnapshot,
  version: string | undefined,
  msg: Rpc,
): { version: string; result: unknown } | undefined {
  if (msg.jsonrpc !== '2.0' || typeof msg.method !== 'string') return undefined;
  if (typeof msg.id !== 'string' && typeof msg.id !== 'number') return undefined;
  const params = msg.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  if (msg.method === 'initialize') {
    if (version !== undefined) return undefined; // a second initialize is the real server's to refuse
    const v = params.protocolVersion;
    if (typeof v !== 'string' || !Object.hasOwn(snap.versions, v)) return undefined;
    const result = snap.versions[v].initialize;
    return result === undefined ? undefined : { version: v, result };
  }
  if (version === undefined || !(SNAPSHOT_METHODS as readonly string[]).includes(msg.method))
    return undefined;
  // Listing params other than _meta (a cursor) are not in the recording.
  if (Object.keys(params).some((k) => k !== '_meta')) return undefined;
  const result = snap.versions[version][msg.method as SnapshotMethod];
  return result === undefined ? undefined : { version, result };
}

export function validSnapshot(x: unknown): x is HandshakeSnapshot {
  const s = x as Partial<HandshakeSnapshot> | null;
  return (
    !!s &&
    s.format === SNAPSHOT_FORMAT &&
    typeof s.server === 'string' &&
    !!s.versions &&
    typeof s.versions === 'object' &&
    Object.values(s.versions).every((v) => !!v && typeof v === 'object')
  );
}
