import type { Command } from 'commander';
import { formatDocPage, formatToc } from '../../core/format/doc.js';
import { read } from '../../core/read.js';
import { positiveInt, withRuntime } from '../core-command.js';

interface ReadOptions {
  section?: string;
  language?: string;
  page?: number;
  maxTokens?: number;
  json?: boolean;
}

/** `workos-docs-mcp read [path] [--section S] [--language L] [--page N] [--max-tokens N] [--json]` */
export function registerRead(program: Command): void {
  program
    .command('read')
    .description('Print a docs page as Markdown (no path: the table of contents).')
    .argument('[path]', 'doc path or URL, e.g. sso/jit-provisioning, https://workos.com/docs/sso, sso#anchor')
    .option('-s, --section <anchor>', 'only this section (anchor or heading text) with its subsections')
    .option(
      '-L, --language <sdk>',
      'API reference pages: one SDK (curl, node, python, ruby, go, java, php, dotnet)',
    )
    .option('--page <n>', 'page of a long doc', positiveInt)
    .option('--max-tokens <n>', 'page size in tokens (default 6000, max 20000)', positiveInt)
    .option('--json', 'print the structured result as JSON')
    .action((path: string | undefined, opts: ReadOptions) =>
      withRuntime((runtime) => {
        const result = read(runtime, { path, ...opts });
        if (result.kind === 'toc') return opts.json ? result.toc : formatToc(result.toc, 'cli');
        return opts.json ? result.page : formatDocPage(result.page, 'cli');
      }, opts.json),
    );
}
