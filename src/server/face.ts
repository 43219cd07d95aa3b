import { definedArgs, type CallArgs, type Face } from '../core/face.js';
import type { OperationName } from '../core/operations/index.js';

/**
 * The MCP tool names: the four the replaced @workos/mcp-docs-server had, kept so existing client
 * configs and prompts keep working. Operations that are not tools (toc: the docs tool without a path;
 * info) are named after the tool that answers them.
 */
export const TOOL_NAMES: Partial<Record<OperationName, string>> = {
  search: 'workos_search',
  read: 'workos_docs',
  examples: 'workos_examples',
  changelogs: 'workos_changelogs',
  check: 'workos_check',
};

const toolName = (operation: string) =>
  TOOL_NAMES[operation as OperationName] ?? (operation === 'toc' ? TOOL_NAMES.read! : operation);

/** How a model is told what to call next: `workos_docs {"path":"sso","page":2}`. */
export const MCP_FACE: Face = {
  name: toolName,
  call: (operation: string, args: CallArgs) =>
    `${toolName(operation)} ${JSON.stringify(Object.fromEntries(definedArgs(args)))}`,
};
