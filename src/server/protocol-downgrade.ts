import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';

/**
 * The MCP SDK answers in the newest shapes whatever version the client negotiated; a 2024-11-05 client
 * (the SDK 0.5 client the old package ships) then rejects `resource_link` content and is sent fields it
 * has never heard of. This rewrites each answer down to the negotiated version, following the spec's
 * changelogs: nothing newer than the client speaks goes out.
 */
const VERSIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'] as const;

function rank(version: string | undefined): number {
  const i = VERSIONS.indexOf(version as (typeof VERSIONS)[number]);
  return i < 0 ? VERSIONS.length : i;
}

/** True when `version` predates `since` (unknown versions are treated as current: no rewriting). */
function before(version: string, since: (typeof VERSIONS)[number]): boolean {
  return rank(version) < rank(since);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function omit(o: Obj, keys: string[]): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (!keys.includes(k)) out[k] = v;
  return out;
}

/** Fields added after a version, per object kind (2025-06-18: title, outputSchema, structuredContent; 2025-11-25: icons). */
function newFields(version: string, kind: 'tool' | 'prompt' | 'resource' | 'implementation'): string[] {
  const keys: string[] = [];
  if (before(version, '2025-11-25')) keys.push('icons', 'execution');
  if (before(version, '2025-06-18')) {
    keys.push('title');
    if (kind === 'tool') keys.push('outputSchema');
    if (kind === 'implementation') keys.push('websiteUrl', 'description');
  }
  // Tool annotations (readOnlyHint, …) arrived in 2025-03-26; resource `size` too.
  if (before(version, '2025-03-26')) {
    if (kind === 'tool') keys.push('annotations');
    if (kind === 'resource') keys.push('size');
  }
  return keys;
}

/** One content block in the client's vocabulary: resource_link (2025-06-18) and audio (2025-03-26) become text. */
export function downgradeContent(block: unknown, version: string): unknown {
  if (!isObj(block)) return block;
  let out = block;
  if (block.type === 'resource_link' && before(version, '2025-06-18')) {
    const label = typeof block.title === 'string' ? block.title : String(block.name ?? block.uri);
    const about = typeof block.description === 'string' ? ` — ${block.description}` : '';
    // Text, not an embedded resource: the whole page would be large; the URI reads it with resources/read.
    out = { type: 'text', text: `${label}: ${String(block.uri)}${about}` };
  } else if (block.type === 'audio' && before(version, '2025-03-26')) {
    out = {
      type: 'text',
      text: `[audio content (${String(block.mimeType)}) not shown: it needs protocol 2025-03-26]`,
    };
  }
  if (isObj(out.annotations) && before(version, '2025-06-18')) {
    const annotations = omit(out.annotations, ['lastModified']);
    out = Object.keys(annotations).length ? { ...out, annotations } : omit(out, ['annotations']);
  }
  if (out.type === 'resource' && isObj(out.resource) && before(version, '2025-06-18'))
    out = { ...out, resource: omit(out.resource, ['title', 'icons']) };
  return out;
}

const mapList = (value: unknown, fn: (x: Obj) => Obj): unknown =>
  Array.isArray(value) ? value.map((x) => (isObj(x) ? fn(x) : x)) : value;

/** A result rewritten for `version`, knowing which method it answers. */
export function downgradeResult(method: string, result: Obj, version: string): Obj {
  if (rank(version) >= VERSIONS.length - 1) return result;
  switch (method) {
    case 'initialize': {
      let out = result;
      if (isObj(out.serverInfo))
        out = { ...out, serverInfo: omit(out.serverInfo, newFields(version, 'implementation')) };
      if (isObj(out.capabilities)) {
        const drop = [
          ...(before(version, '2025-03-26') ? ['completions'] : []),
          ...(before(version, '2025-11-25') ? ['tasks'] : []),
        ];
        out = { ...out, capabilities: omit(out.capabilities, drop) };
      }
      return out;
    }
    case 'tools/list':
      return { ...result, tools: mapList(result.tools, (t) => omit(t, newFields(version, 'tool'))) };
    case 'prompts/list':
      return {
        ...result,
        prompts: mapList(result.prompts, (p) => ({
          ...omit(p, newFields(version, 'prompt')),
          ...(Array.isArray(p.arguments)
            ? { arguments: mapList(p.arguments, (a) => omit(a, newFields(version, 'prompt'))) }
            : {}),
        })),
      };
    case 'resources/list':
      return {
        ...result,
        resources: mapList(result.resources, (r) => omit(r, newFields(version, 'resource'))),
      };
    case 'resources/templates/list':
      return {
        ...result,
        resourceTemplates: mapList(result.resourceTemplates, (r) => omit(r, newFields(version, 'resource'))),
      };
    case 'resources/read':
      return {
        ...result,
        contents: mapList(result.contents, (c) =>
          omit(c, before(version, '2025-06-18') ? ['title', 'icons'] : []),
        ),
      };
    case 'tools/call': {
      const out = before(version, '2025-06-18') ? omit(result, ['structuredContent']) : result;
      return Array.isArray(out.content)
        ? { ...out, content: out.content.map((c) => downgradeContent(c, version)) }
        : out;
    }
    case 'prompts/get':
      return {
        ...result,
        messages: mapList(result.messages, (m) => ({ ...m, content: downgradeContent(m.content, version) })),
      };
    default:
      return result;
  }
}

type Id = string | number;

/**
 * Wraps a transport so answers go out in the negotiated version: learnt from the initialize answer
 * (stdio, one session) or from a request's `MCP-Protocol-Version` header (stateless HTTP, no initialize).
 */
export function downgradingTransport(inner: Transport, wire: WireOptions = {}): Transport {
  const pending = new Map<Id, { method: string; version?: string }>();
  let negotiated: string | undefined;
  let outerOnMessage: Transport['onmessage'];
  const wrapper: Transport = Object.create(inner) as Transport;
  Object.defineProperty(wrapper, 'onmessage', {
    get: () => outerOnMessage,
    set: (fn: Transport['onmessage']) => {
      outerOnMessage = fn;
      inner.onmessage = fn
        ? (message: JSONRPCMessage, extra?: MessageExtraInfo) => {
            if ('method' in message && 'id' in message) {
              const header = extra?.requestInfo?.headers?.['mcp-protocol-version'];
              pending.set(message.id, {
                method: message.method,
                version: typeof header === 'string' ? header : undefined,
              });
            }
            fn(message, extra);
          }
        : undefined;
    },
  });
  for (const key of ['onclose', 'onerror'] as const)
    Object.defineProperty(wrapper, key, {
      get: () => inner[key],
      set: (fn: never) => {
        inner[key] = fn;
      },
    });
  wrapper.start = () => inner.start();
  wrapper.close = () => inner.close();
  wrapper.send = (message: JSONRPCMessage, options?: TransportSendOptions) => {
    if ('id' in message && 'result' in message && isObj(message.result)) {
      const asked = pending.get(message.id);
      pending.delete(message.id);
      if (asked?.method === 'initialize' && typeof message.result.protocolVersion === 'string')
        negotiated = message.result.protocolVersion;
      if (
        asked?.method === 'initialize' &&
        wire.hideCapabilities?.length &&
        isObj(message.result.capabilities)
      )
        message = {
          ...message,
          result: {
            ...message.result,
            capabilities: omit(message.result.capabilities, wire.hideCapabilities),
          },
        };
      const version = asked?.version ?? negotiated;
      if (asked && version)
        message = { ...message, result: downgradeResult(asked.method, message.result, version) };
    } else if ('id' in message && !('method' in message)) {
      pending.delete(message.id as Id);
    }
    return inner.send(message, options);
  };
  return wrapper;
}

export interface WireOptions {
  /** Capabilities left out of the initialize answer (what this server cannot honour on its transport). */
  hideCapabilities?: string[];
}

/** Every transport this server connects to speaks the client's version. */
export function withProtocolDowngrade(server: McpServer, options: WireOptions = {}): McpServer {
  const connect = server.connect.bind(server);
  server.connect = (transport: Transport) => connect(downgradingTransport(transport, options));
  return server;
}
