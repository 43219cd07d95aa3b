import { changelogsOperation } from './changelogs.js';
import { checkOperation } from './check.js';
import { examplesOperation } from './examples.js';
import { infoOperation } from './info.js';
import type { AnyOperation } from './operation.js';
import { readOperation } from './read.js';
import { searchOperation } from './search.js';
import { tocOperation } from './toc.js';

/**
 * THE operation table. Faces are generated from it: server/tools.ts (which of these are MCP tools,
 * under which names), cli/commands.ts (which are commands) and src/index.ts (the library). To add
 * an operation, see ARCHITECTURE.md "How to add an operation".
 */
export const OPERATIONS = {
  search: searchOperation,
  read: readOperation,
  examples: examplesOperation,
  changelogs: changelogsOperation,
  toc: tocOperation,
  info: infoOperation,
  check: checkOperation,
} as const satisfies Record<string, AnyOperation>;

export type OperationName = keyof typeof OPERATIONS;

export {
  changelogsOperation,
  checkOperation,
  examplesOperation,
  infoOperation,
  readOperation,
  searchOperation,
  tocOperation,
};
export * from './operation.js';
export { operationInput, toleranceOfSchema } from './input.js';
