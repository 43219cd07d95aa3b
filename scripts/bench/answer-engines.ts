/**
 * The two servers as answer engines for `npm run bench:answers`, both driven through the MCP SDK
 * Client: ours (spawned over stdio like the old one, or linked in memory for quick tuning runs) and
 * the old `@workos/mcp-docs-server` over stdio. Only the tools' public contract is used.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AnswerEngine, AnswerQuestion, ReadTarget, SearchOutcome } from '../../test/eval/answers.js';
import { parseOldResults } from '../../test/eval/baseline.js';
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

/** Our engine over any connected client: reads follow what the search answer points at. */
export function oursEngine(
  client: Client,
  close: () => Promise<void>,
): AnswerEngine & { close(): Promise<void> } {
  return {
    name: 'workos-docs-mcp',
    async search(q: AnswerQuestion): Promise<SearchOutcome> {
      const res = await callText(client, 'workos_search', { query: q.question });
      const structured = (res.structuredContent ?? {}) as { results?: OurResult[]; language?: string };
      const targets = (structured.results ?? []).map((r) => ({
        path: r.path,
        section: r.anchor || undefined,
        language: r.language ?? structured.language,
      }));
      return { text: textOf(res), targets };
    },
    async read(t: ReadTarget): Promise<string> {
      const args: Record<string, unknown> = { path: t.path };
      if (t.section) args.section = t.section;
      if (t.language) args.language = t.language;
      return textOf(await callText(client, 'workos_docs', args));
    },
    close,
  };
}

/** The old package: no sections, so a read is the whole page it lists. */
export function oldEngine(
  client: Client,
  close: () => Promise<void>,
): AnswerEngine & { close(): Promise<void> } {
  return {
    name: '@workos/mcp-docs-server',
    async search(q: AnswerQuestion): Promise<SearchOutcome> {
      const res = await callText(client, 'workos_search', { query: q.question });
      const text = textOf(res);
      return { text, targets: parseOldResults(text).map((path) => ({ path })) };
    },
    async read(t: ReadTarget): Promise<string> {
      return textOf(await callText(client, 'workos_docs', { path: t.path }));
    },
    close,
  };
}

export async function spawnOurs(corpusFile?: string): Promise<AnswerEngine & { close(): Promise<void> }> {
  const running: Running = await startServer(oursSpec(undefined, corpusFile));
  return oursEngine(running.client, () => running.close());
}

export async function spawnOld(): Promise<AnswerEngine & { close(): Promise<void> }> {
  const running: Running = await startServer(oldSpec());
  return oldEngine(running.client, () => running.close());
}
