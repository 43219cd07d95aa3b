import { fileURLToPath } from 'node:url';

/** A root as given: a folder, or the reason it cannot be one. */
export interface RootInput {
  given: string;
  path?: string;
  reason?: string;
}

/** MCP roots are URIs; only `file://` ones on this machine name a folder we can read. */
export function rootFromUri(uri: string): RootInput {
  const given = uri.length > 300 ? `${uri.slice(0, 297)}…` : uri;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { given, reason: 'is not a URI' };
  }
  if (url.protocol !== 'file:')
    return { given, reason: `is a ${url.protocol.replace(/:$/, '')}: URI, not file://` };
  if (url.host && url.host !== 'localhost') return { given, reason: `names another host (${url.host})` };
  try {
    return { given, path: fileURLToPath(url) };
  } catch (err) {
    return { given, reason: `is not a usable file path (${(err as Error).message.split('\n')[0]})` };
  }
}
