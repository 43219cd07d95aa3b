/**
 * Structured logs: one JSON object per line on stderr (stdout stays free, and log shippers parse JSON lines).
 * The writer is injectable so tests can capture lines.
 */
export type LogWriter = (line: string) => void;

export const stderrWriter: LogWriter = (line) => {
  process.stderr.write(line);
};

export interface AccessRecord {
  method: string;
  path: string;
  status: number;
  ms: number;
  /** Bytes written to the socket for this response (headers included). */
  bytes: number;
  /** JSON-RPC method(s) of a POST /mcp body, comma-joined for a batch. */
  rpc?: string;
  /** Tool, resource or prompt named by the call, for tools/call, resources/read and prompts/get. */
  target?: string;
  ip?: string;
}

export function logEvent(
  write: LogWriter,
  level: 'info' | 'warn' | 'error',
  msg: string,
  fields: object = {},
): void {
  write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, pid: process.pid, ...fields })}\n`);
}

/** What an access log line should say about a parsed JSON-RPC body. */
export function describeRpc(body: unknown): Pick<AccessRecord, 'rpc' | 'target'> {
  const messages = Array.isArray(body) ? body : [body];
  const methods: string[] = [];
  let target: string | undefined;
  for (const m of messages) {
    if (typeof m !== 'object' || m === null) continue;
    const { method, params } = m as { method?: unknown; params?: { name?: unknown; uri?: unknown } };
    if (typeof method !== 'string') continue;
    methods.push(method.slice(0, 64));
    const named = params?.name ?? params?.uri;
    if (target === undefined && typeof named === 'string') target = named.slice(0, 200);
  }
  return { rpc: methods.length > 0 ? methods.join(',') : undefined, target };
}
