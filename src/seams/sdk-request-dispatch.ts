import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, JSONRPCRequest, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';

const REQUEST_KEYS: ReadonlySet<string> = new Set(['jsonrpc', 'id', 'method', 'params']);

/**
 * A message the SDK's own classifier would hand to `_onrequest`, checked without zod: JSON-RPC 2.0,
 * a string or safe-integer id, a string method, an object of params without `_meta` (that one the
 * SDK's schema checks), and no other keys. Anything else goes the SDK's way, so this may only be
 * narrower than the SDK's test, never wider.
 */
export function isPlainRequest(message: unknown): message is JSONRPCRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const m = message as Record<string, unknown>;
  if (m.jsonrpc !== '2.0' || typeof m.method !== 'string') return false;
  if (typeof m.id !== 'string' && !Number.isSafeInteger(m.id)) return false;
  for (const key of Object.keys(m)) if (!REQUEST_KEYS.has(key)) return false;
  const params = m.params;
  if (params === undefined) return true;
  return (
    typeof params === 'object' &&
    params !== null &&
    !Array.isArray(params) &&
    !Object.prototype.hasOwnProperty.call(params, '_meta')
  );
}

interface Dispatching {
  _onrequest?: (request: JSONRPCRequest, extra?: MessageExtraInfo) => void;
}

/**
 * SEAM (the SDK's `Protocol.connect` installs a message handler that tries every incoming message
 * as a result response, then as an error response, then as a request, each a zod parse; a request
 * fails the first two, and a failed zod parse builds its error objects): requests that are plainly
 * requests go straight to the SDK's private `_onrequest`, which is what that handler calls for them;
 * everything else still goes through the SDK's handler. Params, the method's own schema and the tool
 * arguments are validated by the SDK as before. Not applied when the transport already had a handler
 * before connect (the SDK calls that one first). Breaks on upgrade when: `connect` stops installing
 * its handler synchronously, `_onrequest` is renamed or changes its arguments, or the SDK's handler
 * does more for a request than call it. Test: test/seams/seams.test.ts "sdk-request-dispatch".
 */
export function dispatchRequestsDirectly(server: McpServer): McpServer {
  const connect = server.connect.bind(server);
  server.connect = (transport: Transport) => {
    const before = transport.onmessage;
    const connecting = connect(transport);
    const sdk = transport.onmessage;
    const protocol = server.server as unknown as Dispatching;
    if (!before && sdk && typeof protocol._onrequest === 'function') {
      const onrequest = protocol._onrequest.bind(protocol);
      transport.onmessage = (message: JSONRPCMessage, extra?: MessageExtraInfo) => {
        if (isPlainRequest(message)) onrequest(message, extra);
        else sdk(message, extra);
      };
    }
    return connecting;
  };
  return server;
}
