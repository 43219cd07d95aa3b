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
  /** JSON-RPC method(s) of a POST /mcp body, comma-joined for a batch (the first few, then a count). */
  rpc?: string;
  /** Tool, resource or prompt named by the call, for tools/call, resources/read and prompts/get. */
  target?: string;
  ip?: string;
  /** The client closed the connection before the whole answer was sent. */
  aborted?: boolean;
}

/** Methods named in the access log for one batch, at most (the rest are counted). */
const MAX_LOGGED_METHODS = 5;

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
  if (methods.length === 0) return { rpc: undefined, target };
  const shown = methods.slice(0, MAX_LOGGED_METHODS).join(',');
  const rest = methods.length - MAX_LOGGED_METHODS;
  return { rpc: rest > 0 ? `${shown},+${rest} more` : shown, target };
}
