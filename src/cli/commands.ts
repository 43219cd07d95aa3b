import { OPERATIONS, type AnyOperation } from '../core/operations/index.js';

/**
 * What only the CLI has: the command name, the positional argument, short flags and help lines for
 * people. Everything else (fields, ranges, defaults, enum values, the answer) comes from the operation;
 * cli/operation-command.ts turns each entry into a commander command.
 */
export interface CommandSpec {
  operation: AnyOperation;
  command: string;
  description: string;
  positional?: {
    field: string;
    variadic?: boolean;
    required?: boolean;
    help: string;
    /** The word is a file to read (`-` or nothing: stdin), whose text becomes the field. */
    file?: boolean;
  };
  /** Per input field: short flag, value placeholder and help (defaults and ranges are appended). */
  flags?: Record<string, { short?: string; long?: string; value?: string; help?: string }>;
}

export const COMMANDS: CommandSpec[] = [
  {
    operation: OPERATIONS.search,
    command: 'search',
    description: 'Search the WorkOS docs and print ranked results.',
    positional: {
      field: 'query',
      variadic: true,
      required: true,
      help: 'keywords or a question (quotes optional)',
    },
    flags: {
      limit: { short: 'l', value: 'n', help: 'number of results' },
      product: { short: 'p', value: 'area', help: 'only this product area, e.g. sso, authkit, reference' },
      kind: { short: 'k', value: 'kind', help: 'only this kind' },
    },
  },
  {
    operation: OPERATIONS.read,
    command: 'read',
    description: 'Print a docs page as Markdown (no path: the table of contents).',
    positional: {
      field: 'path',
      help: 'doc path or URL, e.g. sso/jit-provisioning, https://workos.com/docs/sso, sso#anchor',
    },
    flags: {
      section: {
        short: 's',
        value: 'anchor',
        help: 'only this section (anchor or heading text) with its subsections',
      },
      language: {
        short: 'L',
        value: 'sdk',
        help: 'API reference pages: one SDK (curl, node, python, ruby, go, java, php, dotnet)',
      },
      page: { value: 'n', help: 'page of a long doc' },
      maxTokens: { value: 'n', help: 'page size in tokens' },
    },
  },
  {
    operation: OPERATIONS.examples,
    command: 'examples',
    description: 'Print code examples and example apps (no query: the topics with counts).',
    positional: { field: 'query', variadic: true, help: 'topic or API, e.g. "create organization"' },
    flags: {
      language: { short: 'L', value: 'lang', help: 'e.g. node, python, ruby, go, java, php, dotnet, curl' },
      framework: { short: 'f', value: 'name', help: 'e.g. nextjs, react, remix' },
      limit: { short: 'l', value: 'n', help: 'number of snippets' },
    },
  },
  {
    operation: OPERATIONS.changelogs,
    command: 'changelog',
    description: 'Print changelog entries, newest first (default: the WorkOS platform changelog).',
    flags: {
      package: { short: 'p', value: 'name', help: 'package, e.g. workos-platform (default)' },
      since: { value: 'date|version', help: 'only entries since YYYY-MM-DD (or a version for SDK packages)' },
      query: { short: 'q', value: 'words', help: 'only entries containing these words' },
      limit: { short: 'l', value: 'n', help: 'number of entries' },
    },
  },
  {
    operation: OPERATIONS.check,
    command: 'check',
    description: 'Check code that uses a WorkOS SDK: each call, import and option key against the real SDK.',
    positional: { field: 'code', file: true, help: 'file to check, or - for stdin (default)' },
    flags: {
      language: { short: 'L', value: 'lang', help: 'js/ts (default), python, ruby, go, java, php, dotnet' },
      package: { short: 'p', value: 'name', help: 'only this package, e.g. @workos-inc/node' },
      // `--version` is the program's own flag.
      version: {
        long: 'sdk-version',
        value: 'x.y.z',
        help: "the SDK version the code targets (default: your project's)",
      },
    },
  },
  {
    operation: OPERATIONS.info,
    command: 'info',
    description: 'Show the loaded corpus: version, sources, build time and age, counts, file.',
  },
];

/** The command that runs an operation; toc is `read` without a path. */
export function commandFor(operation: string): CommandSpec | undefined {
  const name = operation === 'toc' ? 'read' : operation;
  return COMMANDS.find((c) => c.operation.name === name);
}
