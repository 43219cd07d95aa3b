/** Small writers for the answers the HTTP layer sends itself (the SDK transport writes MCP answers). */
import type { ServerResponse } from 'node:http';

/** JSON-RPC codes used outside a JSON-RPC exchange: -32000 is the SDK's convention for transport-level refusals. */
export const RPC_PARSE_ERROR = -32700;
export const RPC_INVALID_REQUEST = -32600;
export const RPC_SERVER_ERROR = -32000;
export const RPC_INTERNAL_ERROR = -32603;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

/** Refusals and failures carry a JSON-RPC error body so MCP clients can surface the message; never a stack. */
export function sendRpcError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { jsonrpc: '2.0', error: { code, message }, id: null }, headers);
}
