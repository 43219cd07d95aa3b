/**
 * The library: the same operations the MCP server and the CLI answer with, in-process.
 *
 *   import { openCorpus, search, readDoc, getTools, createServer } from 'workos-docs-mcp';
 *
 * Plain functions take a corpus from openCorpus() and return the structured answer (exactly what MCP
 * puts in structuredContent and the CLI prints with --json). getTools() gives agent frameworks the MCP
 * tools as definitions with a JSON Schema and execute(). createServer() embeds the MCP server.
 * Importing this module has no side effects: nothing is read until a corpus is opened.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { resolve } from 'node:path';
import { folderAnswerContext } from './lifecycle/answer-context.js';
import { loadRuntime, type LoadRuntimeOptions } from './lifecycle/load-runtime.js';
import {
  OPERATIONS,
  runOperation,
  type AnyOperation,
  type InputOf,
  type StructuredOf,
} from './core/operations/index.js';
import type { Runtime } from './core/runtime.js';
import { getToolsFor, type DocsTool } from './library/tools.js';
import { createServer as createMcpServer, type CreateServerOptions } from './server/create-server.js';

/** A loaded corpus with its search index; open once, share everywhere. */
export type DocsCorpus = Runtime;
export type OpenCorpusOptions = Pick<LoadRuntimeOptions, 'corpusFile' | 'onFallback'>;

/**
 * Loads the corpus: `corpusFile`, else $WORKOS_DOCS_MCP_CORPUS, else the freshest of the bundled one
 * and the one `workos-docs-mcp update` built (falling back to the other when one is damaged).
 */
export function openCorpus(options: OpenCorpusOptions = {}): Promise<DocsCorpus> {
  return loadRuntime(options);
}

let defaultCorpus: Promise<DocsCorpus> | undefined;
const sharedCorpus = () => (defaultCorpus ??= openCorpus());

type Call<O extends AnyOperation> = (corpus: DocsCorpus, input?: InputOf<O>) => Promise<StructuredOf<O>>;

/** A plain async function per operation: input repaired and validated like MCP arguments. */
function call<O extends AnyOperation>(op: O): Call<O> {
  return async (corpus, input) =>
    op.structured(await runOperation(op, corpus, input ?? {})) as StructuredOf<O>;
}

/** Ranked pages for keywords or a question: `search(corpus, { query: 'SSO with Okta' })`. */
export const search = call(OPERATIONS.search) as (
  corpus: DocsCorpus,
  input: InputOf<typeof OPERATIONS.search>,
) => Promise<StructuredOf<typeof OPERATIONS.search>>;
/** A docs page (or the table of contents without a path), paginated: `readDoc(corpus, { path: 'sso' })`. */
export const readDoc = call(OPERATIONS.read);
export const examples = call(OPERATIONS.examples);
export const changelogs = call(OPERATIONS.changelogs);
export const toc = call(OPERATIONS.toc);
export const info = call(OPERATIONS.info);

export interface GetToolsOptions {
  /** The corpus to answer from; default: openCorpus() on the first call, shared. */
  corpus?: DocsCorpus | Promise<DocsCorpus>;
  /**
   * The project the answers are for: its manifests and lockfiles are read (fixed names only, as the
   * MCP server does with a client's roots), so answers use the SDK versions it pins. Default: none.
   */
  projectDir?: string;
  /** Never download an SDK version the project or a call needs (default: WORKOS_DOCS_MCP_OFFLINE). */
  offline?: boolean;
}

/** The MCP tools (search, read a page, examples, changelogs, check) as definitions for agent frameworks. */
export function getTools(options: GetToolsOptions = {}): DocsTool[] {
  const corpus = options.corpus;
  const runtime = () => (corpus ? Promise.resolve(corpus) : sharedCorpus());
  const project = options.projectDir
    ? folderAnswerContext(resolve(options.projectDir), { offline: options.offline })
    : undefined;
  return getToolsFor(runtime, project ? async () => project(await runtime()) : undefined);
}

/** The MCP server, registered and ready to connect to a transport of yours; default corpus as above. */
export function createServer(
  corpus?: DocsCorpus | Promise<DocsCorpus>,
  options: CreateServerOptions = {},
): McpServer {
  return createMcpServer(corpus ?? sharedCorpus(), options);
}

export { OPERATIONS };
export type { DocsTool, ToolResult } from './library/tools.js';
export type { CreateServerOptions } from './server/create-server.js';
export type { InputOf, StructuredOf } from './core/operations/index.js';
export { DocsError } from './core/errors.js';
