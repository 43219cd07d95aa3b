/**
 * The two servers as answer engines for `npm run bench:answers`, both driven through the MCP SDK
 * Client: ours (spawned over stdio like the old one, or linked in memory for quick tuning runs) and
 * the old `@workos/mcp-docs-server` over stdio. Only the tools' public contract is used.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AnswerEngine, AnswerQuestion, ReadTarget, SearchOutcome } from '../../harness/eval/answers.js';
import { parseOldResults } from '../../harness/eval/baseline.js';
import { oldSpec, oursSpec, startServer, type Running } from './servers.js';

function textOf(result: CallToolResult): string {
  return (result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

async function callText(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  try {
    return (await client.callTool({ name, arguments: args })) as CallToolResult;
  } catch (err) {
    // the old server answers "No results found" as a protocol error: the model sees that message
    return {
      content: [{ type: 'text', text: err instanceof Error ? err.message : String(err) }],
      isError: true,
    };
  }
}

interface OurResult {
  path: string;
  anchor?: string;
  language?: string;
}

type ClosableEngine = AnswerEngine & { close(): Promise<void> };

/**
 * An engine over a connected client: both servers are asked the same `workos_search` and
 * `workos_docs` calls; they differ in what a search answer points at and what a read may ask for.
 */
function mcpEngine(
  name: string,
  client: Client,
  close: () => Promise<void>,
  targetsOf: (res: CallToolResult) => ReadTarget[],
  readArgs: (t: ReadTarget) => Record<string, unknown>,
): ClosableEngine {
  return {
    name,
    async search(q: AnswerQuestion): Promise<SearchOutcome> {
      const res = await callText(client, 'workos_search', { query: q.question });
      return { text: textOf(res), targets: targetsOf(res) };
    },
    async read(t: ReadTarget): Promise<string> {
      return textOf(await callText(client, 'workos_docs', readArgs(t)));
    },
    close,
  };
}

/** Our engine over any connected client: reads follow what the search answer points at. */
export function oursEngine(client: Client, close: () => Promise<void>): ClosableEngine {
  return mcpEngine(
    'workos-docs-mcp',
    client,
    close,
    (res) => {
      const structured = (res.structuredContent ?? {}) as { results?: OurResult[]; language?: string };
      return (structured.results ?? []).map((r) => ({
        path: r.path,
        section: r.anchor || undefined,
        language: r.language ?? structured.language,
      }));
    },
    (t) => ({
      path: t.path,
      ...(t.section ? { section: t.section } : {}),
      ...(t.language ? { language: t.language } : {}),
    }),
  );
}

/** The old package: no sections, so a read is the whole page it lists. */
export function oldEngine(client: Client, close: () => Promise<void>): ClosableEngine {
  return mcpEngine(
    '@workos/mcp-docs-server',
    client,
    close,
    (res) => parseOldResults(textOf(res)).map((path) => ({ path })),
    (t) => ({ path: t.path }),
  );
}

export async function spawnOurs(corpusFile?: string): Promise<ClosableEngine> {
  const running: Running = await startServer(oursSpec(undefined, corpusFile));
  return oursEngine(running.client, () => running.close());
}

export async function spawnOld(): Promise<ClosableEngine> {
  const running: Running = await startServer(oldSpec());
  return oldEngine(running.client, () => running.close());
}
