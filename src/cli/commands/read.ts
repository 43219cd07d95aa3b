import type { Command } from 'commander';
import { formatDocPage, formatToc } from '../../core/format/doc.js';
import { parseDocAddress } from '../../core/paths.js';
import { readDoc } from '../../core/read-doc.js';
import { tableOfContents } from '../../core/toc.js';
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
        if (!path || parseDocAddress(path).path === '') {
          const toc = tableOfContents(runtime, { page: opts.page, maxTokens: opts.maxTokens });
          return opts.json ? toc : formatToc(toc, 'cli');
        }
        const page = readDoc(runtime, {
          path,
          section: opts.section,
          language: opts.language,
          page: opts.page,
          maxTokens: opts.maxTokens,
        });
        return opts.json ? page : formatDocPage(page, 'cli');
      }, opts.json),
    );
}
