import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { serverVersion } from '../core/info.js';
import type { Runtime } from '../core/runtime.js';
import { SERVER_INSTRUCTIONS } from './instructions.js';
import { lazyValidator } from './lazy-validator.js';
import { ServerLog, type LogOptions } from './logging.js';
import { reportInvalidParams } from '../seams/sdk-invalid-params.js';
import { answerContextFor, SdkVersions } from '../lifecycle/answer-context.js';
import { ProjectContext } from '../lifecycle/project/context.js';
import { attachProjectRoots } from './project-roots.js';
import { registerProjectResource } from './project-resource.js';
import { registerPrompts } from './prompts.js';
import { withProtocolDowngrade } from './protocol-downgrade.js';
import { registerResources } from './resources.js';
import type { ToolContext } from './tool-kit.js';
import { registerTools } from './tools.js';
import { serveCompactToolsList } from '../seams/sdk-tools-list.js';
import { dispatchRequestsDirectly } from '../seams/sdk-request-dispatch.js';

export interface CreateServerOptions {
  log?: LogOptions;
  /**
   * The folder to read as the project when the client offers no roots: stdio passes its working
   * directory (where the client started it); stateless HTTP passes nothing (a shared server has no
   * folder of its own to read).
   */
  projectCwd?: string;
  /**
   * A server for one stateless HTTP request. Nothing a client sets lasts past its request there, so
   * `logging` is not advertised (a `logging/setLevel` is still answered `{}`) and no log notifications
   * are sent: the operator's stderr has the logs. stdio, one session, advertises and honours it.
   */
  stateless?: boolean;
  /**
   * Where surfaces of exact SDK versions come from (the project's, or one a call names). One per
   * process by default, shared by every session and request.
   */
  sdkVersions?: SdkVersions;
}

let processVersions: SdkVersions | undefined;

/**
 * A fully registered MCP server over a runtime, with no transport: stdio connects one for the
 * process, stateless HTTP builds one per request. Cheap to call; the corpus is shared, not copied.
 * The runtime may still be loading (a promise): initialize, tools/list and prompts/list answer at
 * once, and whatever needs the corpus waits for it.
 */
export function createServer(
  runtime: Runtime | Promise<Runtime>,
  options: CreateServerOptions = {},
): McpServer {
  const server = new McpServer(
    {
      name: 'workos-docs-mcp',
      title: 'WorkOS Docs',
      version: serverVersion(),
      websiteUrl: 'https://workos.com/docs',
    },
    {
      // Also for stateless servers: the SDK only lets a handler for logging/setLevel exist with it.
      // There it is then left out of the initialize answer (see withProtocolDowngrade below).
      capabilities: { logging: {} },
      instructions: SERVER_INSTRUCTIONS,
      jsonSchemaValidator: lazyValidator,
    },
  );
  const project = new ProjectContext();
  const versions = options.sdkVersions ?? (processVersions ??= new SdkVersions());
  const ctx: ToolContext = {
    runtime: Promise.resolve(runtime),
    log: new ServerLog(server, { ...options.log, toClient: !options.stateless }),
    context: async (rt) => answerContextFor(await project.current(), rt, versions),
    tools: new Map(),
  };
  registerTools(server, ctx);
  serveCompactToolsList(server, ctx.tools);
  registerResources(server, ctx);
  registerPrompts(server, ctx);
  attachProjectRoots(server, project, { cwd: options.projectCwd });
  registerProjectResource(server, project, async () => ctx.context(await ctx.runtime));
  reportInvalidParams(server);
  // The SDK advertises listChanged for every list; ours are fixed for the life of a server (a new
  // corpus takes a restart), so none is ever sent and none is promised.
  server.server.registerCapabilities({
    tools: { listChanged: false },
    resources: { listChanged: false },
    prompts: { listChanged: false },
  });
  // requests skip the SDK's try-as-a-response parses (seams/sdk-request-dispatch.ts)
  dispatchRequestsDirectly(server);
  return withProtocolDowngrade(server, { hideCapabilities: options.stateless ? ['logging'] : [] });
}
