import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

type Handler = (request: unknown, extra: unknown) => Promise<unknown>;

interface ZodLikeError {
  name: string;
  issues: { path: PropertyKey[]; message: string }[];
}

function isZodError(err: unknown): err is ZodLikeError {
  return (
    err instanceof Error &&
    /^\$?ZodError$/.test(err.name) &&
    Array.isArray((err as Partial<ZodLikeError>).issues)
  );
}

/** "params.arguments: Invalid input: expected record, received array" — one line, no JSON dump. */
export function describeIssues(method: string, err: ZodLikeError): string {
  const issues = err.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(request)'}: ${i.message}`);
  const more = err.issues.length > 3 ? `; … ${err.issues.length - 3} more` : '';
  return `Invalid params for ${method}: ${issues.join('; ')}${more}`;
}

/**
 * zod's record check reads `arguments.constructor.prototype`, so an argument named `constructor`
 * (valid JSON a model can send) is refused as "not a record", or with `null` crashes the check
 * with a TypeError. No tool or prompt has such a parameter, so we drop it before validation.
 */
export function withoutConstructorArgument(request: unknown): unknown {
  const params = (request as { params?: { arguments?: unknown } } | undefined)?.params;
  const args = params?.arguments;
  if (!args || typeof args !== 'object' || Array.isArray(args) || !Object.hasOwn(args, 'constructor'))
    return request;
  const { constructor: _dropped, ...rest } = args as Record<string, unknown>;
  return { ...(request as object), params: { ...params, arguments: rest } };
}

/**
 * The SDK validates each request's params before calling our handler and lets the ZodError escape,
 * which JSON-RPC then reports as -32603 "Internal error" with a multi-line JSON dump of issues
 * (seen with `tools/call` whose `arguments` is an array, a string, or an object with a
 * `constructor` key), and `resources/read` with a uri `new URL` cannot parse. JSON-RPC prescribes
 * -32602 Invalid params for that, so we rewrap the registered handlers once all are in place.
 *
 * SEAM (the SDK's private `Protocol._requestHandlers` map): breaks on upgrade when the SDK renames
 * or re-types that map (then this does nothing: malformed params are -32603 again), or starts
 * reporting -32602 itself (then this can go). Must run after every handler is registered.
 * Test: test/seams/seams.test.ts "sdk-invalid-params" (and test/reliability/invalid-params.test.ts).
 */
export function reportInvalidParams(server: McpServer): void {
  const handlers = (server.server as unknown as { _requestHandlers?: unknown })._requestHandlers;
  if (!(handlers instanceof Map)) return;
  for (const [method, handler] of handlers as Map<string, Handler>) {
    handlers.set(method, async (request: unknown, extra: unknown) => {
      if (method === 'resources/read') refuseHugeUri(request);
      try {
        return await handler(withoutConstructorArgument(request), extra);
      } catch (err) {
        if (isZodError(err)) throw new McpError(ErrorCode.InvalidParams, describeIssues(method, err));
        // resources/read parses the uri with `new URL` before any handler of ours runs.
        if ((err as { code?: unknown }).code === 'ERR_INVALID_URL')
          throw new McpError(ErrorCode.InvalidParams, `Invalid params for ${method}: not a valid URI`);
        throw err;
      }
    });
  }
}

/**
 * Our resource URIs are a few dozen characters. The SDK matches a `resources/read` uri against every
 * template and throws a plain Error past 1,000,000 characters (-32603); refused here first, as the
 * invalid params it is, before any matching work.
 */
const MAX_URI_CHARS = 8192;

function refuseHugeUri(request: unknown): void {
  const uri = (request as { params?: { uri?: unknown } } | undefined)?.params?.uri;
  if (typeof uri === 'string' && uri.length > MAX_URI_CHARS)
    throw new McpError(
      ErrorCode.InvalidParams,
      `Invalid params for resources/read: uri is ${uri.length} characters; resource URIs here are workos-docs://docs/<path>, workos-docs://toc or workos-docs://project (at most ${MAX_URI_CHARS} characters).`,
    );
}
