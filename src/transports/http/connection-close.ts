/**
 * `Connection: close` that sticks. The SDK's SSE answer passes `Connection: keep-alive` to writeHead,
 * and a header given to writeHead overrides one set earlier, and makes node keep the socket open even
 * when the client asked to close it. While draining (or when the client sent `Connection: close`),
 * this strips the handler's Connection header and closes the socket after the response instead.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Whether the client asked for the connection to end after this request. */
export function clientWantsClose(req: IncomingMessage): boolean {
  const value = req.headers.connection;
  return typeof value === 'string' && /(^|,)\s*close\s*(,|$)/i.test(value);
}

type WriteHeadArgs = [
  number,
  (string | OutgoingHttpHeaders | unknown[])?,
  (OutgoingHttpHeaders | unknown[])?,
];

function withoutConnection(headers: unknown): unknown {
  if (Array.isArray(headers)) {
    // Flat [name, value, name, value…] or [[name, value]…].
    if (headers.length > 0 && Array.isArray(headers[0]))
      return headers.filter((pair) => String((pair as unknown[])[0]).toLowerCase() !== 'connection');
    const out: unknown[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2)
      if (String(headers[i]).toLowerCase() !== 'connection') out.push(headers[i], headers[i + 1]);
    return out;
  }
  if (headers && typeof headers === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== 'connection') copy[k] = v;
    return copy;
  }
  return headers;
}

/** From now on, whenever `shouldClose()` holds as the head is written, the response ends its connection. */
export function closeConnectionWhen(res: ServerResponse, shouldClose: () => boolean): void {
  const writeHead = res.writeHead.bind(res) as (...args: WriteHeadArgs) => ServerResponse;
  res.writeHead = ((...args: WriteHeadArgs) => {
    if (!shouldClose()) return writeHead(...args);
    const at = typeof args[1] === 'string' ? 2 : 1;
    const rewritten = [...args] as WriteHeadArgs;
    if (rewritten[at] !== undefined) (rewritten as unknown[])[at] = withoutConnection(rewritten[at]);
    res.setHeader('Connection', 'close');
    return writeHead(...rewritten);
  }) as ServerResponse['writeHead'];
}
